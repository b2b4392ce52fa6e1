import Foundation
import Model
import Testing

/// One training run recorded from PyTorch by the training reference (a prediction head
/// drawn after the model, next-word or last-word loss, autograd, plain SGD).
struct TrainingRecord: Decodable, Sendable, CustomTestStringConvertible {
  struct Named: Decodable, Sendable {
    let shape: [Int]
    let values: [Float]
  }

  let variant: String
  let seed: UInt64
  let inputs: Int
  let hidden: Int
  let words: [String]
  let loss: String
  let lr: Double
  let steps: Int
  let parameters: [String: Named]
  let hiddenStates: [[Float]]
  let gradients: [String: [Float]]
  let hiddenGradients: [[Float]]
  let losses: [Float]
  let parametersAfter: [String: [Float]]
  let lossAfter: Float

  var testDescription: String {
    "\(variant) seed \(seed) (\(inputs), \(hidden)) \(words.count) words \(loss) lr \(lr) ×\(steps)"
  }

  /// The records of `Fixtures/training/<name>.jsonl`.
  static func load(_ name: String) -> [TrainingRecord] {
    guard
      let url = Bundle.module.url(
        forResource: name, withExtension: "jsonl", subdirectory: "Fixtures/training"),
      let text = try? String(contentsOf: url, encoding: .utf8)
    else { return [] }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    // A run that diverges records "NaN" (PyTorch's json writes a bare NaN).
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return text.split(separator: "\n").compactMap {
      try? decoder.decode(TrainingRecord.self, from: Data($0.utf8))
    }
  }

  /// Recorded on an Intel Xeon with AVX-512 (MKL's products and tanh differ there).
  static let intel = load("training-intel-avx512")
  /// Recorded on this project's AMD EPYC machines: the eight configurations of the Intel
  /// file, then 48 random ones.
  static let amd = load("training-amd")
  /// torch-rnn (nn.RNN) runs recorded on the AMD machines by
  /// `scripts/record_torch_rnn_training.py`: sizes whose orders are followed, and others.
  static let torchRNN = load("torch-rnn-amd")

  /// Whether rnntrace follows PyTorch's nn.RNN bit for bit at this size: MKL's orders for
  /// the products over the sentence are known from 12 inputs and 12 hidden units and 4
  /// words on (docs/pytorch-numbers.md, "nn.RNN's products over time").
  var isFollowedTorchRNN: Bool {
    variant == "torch-rnn" && inputs >= 12 && hidden >= 12 && words.count >= 4
  }

  /// The records of the variants this build trains: every variant, torch-rnn too.
  static func trainable(_ records: [TrainingRecord]) -> [TrainingRecord] {
    records.filter { Variant(rawValue: $0.variant)?.hasBackwardPass ?? false }
  }

  /// The records rnntrace follows bit for bit on AMD: the lesson's variants, and
  /// torch-rnn at the sizes whose orders are followed (`isFollowedTorchRNN`).
  static func exactOnAMD(_ records: [TrainingRecord]) -> [TrainingRecord] {
    trainable(records).filter { $0.variant != "torch-rnn" || $0.isFollowedTorchRNN }
  }

  /// What rnntrace computes for the same run.
  func run() throws -> TrainingRun {
    let spec = ModelSpec(
      variant: try #require(Variant(rawValue: variant)), seed: seed, inputs: inputs,
      hidden: hidden, words: words)
    let (model, head) = try spec.buildWithHead(kernel: .avx2)
    var learner = try Learner(
      model: model, head: head, words: words, loss: try #require(LossKind(rawValue: loss)))
    let initial = learner.parameters
    var losses: [Float] = []
    var first: BackwardPass?
    for _ in 0..<steps {
      let pass = learner.round(learningRate: lr)
      first = first ?? pass
      losses.append(pass.loss)
    }
    return TrainingRun(
      initial: initial, first: try #require(first), losses: losses,
      after: learner.parameters, lossAfter: learner.evaluate())
  }
}

struct TrainingRun {
  let initial: [NamedTensor]
  let first: BackwardPass
  let losses: [Float]
  let after: [NamedTensor]
  let lossAfter: Float

  /// Every recorded tensor beside rnntrace's: (what, rnntrace's values, PyTorch's).
  func pairs(_ record: TrainingRecord) -> [(String, [Float], [Float])] {
    var pairs: [(String, [Float], [Float])] = [
      ("losses", losses, record.losses), ("loss_after", [lossAfter], [record.lossAfter]),
    ]
    for (t, g) in first.hiddenGradients.enumerated() {
      pairs.append(("dL/dh_\(t)", g.scalars, record.hiddenGradients[t]))
    }
    for g in first.gradients {
      pairs.append(("grad \(g.name)", g.value.scalars, record.gradients[g.name] ?? []))
    }
    for p in after {
      pairs.append(("\(p.name) after", p.value.scalars, record.parametersAfter[p.name] ?? []))
    }
    return pairs
  }
}

/// The largest difference between two tensors, relative to the largest value of the
/// recorded one.
func relativeDifference(_ ours: [Float], _ theirs: [Float]) -> Float {
  let scale = max(theirs.map(\.magnitude).max() ?? 0, .leastNormalMagnitude)
  return zip(ours, theirs).map { ($0 - $1).magnitude }.max().map { $0 / scale } ?? 0
}

@Suite struct TrainingTests {
  @Test func fixturesDecode() {
    #expect(TrainingRecord.intel.count == 8)
    #expect(TrainingRecord.amd.count == 56)
  }

  /// The parameters (the model's and the head's) come from the generator: exact
  /// everywhere.
  @Test(arguments: TrainingRecord.trainable(TrainingRecord.intel + TrainingRecord.amd))
  func parametersAreDrawnAsPyTorchDraws(_ record: TrainingRecord) throws {
    let run = try record.run()
    #expect(Set(run.initial.map(\.name)) == Set(record.parameters.keys))
    for named in run.initial {
      let recorded = try #require(record.parameters[named.name], "\(named.name)")
      #expect(Array(named.value.shape) == recorded.shape, "\(named.name)")
      #expect(named.value.scalars == recorded.values, "\(named.name)")
    }
  }

  /// The hidden states training runs through are PyTorch's on the AMD machines (MKL's
  /// products and tanh round differently on Intel).
  @Test(arguments: TrainingRecord.exactOnAMD(TrainingRecord.amd))
  func hiddenStatesAreTheRecordedOnes(_ record: TrainingRecord) throws {
    #expect(try record.run().first.hiddenStates.map(\.scalars) == record.hiddenStates)
  }

  /// On the AMD machines, what PyTorch computed is matched bit for bit: the losses, every
  /// first-round gradient, dL/dh_t and the parameters after training. Two things aside:
  /// NaN is any NaN (a run that diverges), and the sign of a zero, which PyTorch's BLAS
  /// does not keep as the arithmetic here does when a vocabulary has one word (every
  /// gradient is then zero).
  @Test(arguments: TrainingRecord.exactOnAMD(TrainingRecord.amd))
  func matchesPyTorchBitForBitOnAMD(_ record: TrainingRecord) throws {
    let run = try record.run()
    for (what, ours, theirs) in run.pairs(record) {
      #expect(ours.count == theirs.count, "\(what)")
      let differing = zip(ours, theirs).filter { a, b in
        !(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) || (a == 0 && b == 0))
      }.count
      #expect(differing == 0, "\(what): \(differing) of \(theirs.count) differ")
    }
  }

  /// Recorded on Intel with AVX-512, where MKL's products and tanh round differently:
  /// within 1e-5 of each tensor's largest value.
  @Test(arguments: TrainingRecord.trainable(TrainingRecord.intel))
  func matchesPyTorchOnIntelWithinTolerance(_ record: TrainingRecord) throws {
    let run = try record.run()
    for (what, ours, theirs) in run.pairs(record) {
      #expect(ours.count == theirs.count, "\(what)")
      #expect(relativeDifference(ours, theirs) <= 1e-5, "\(what)")
    }
  }

  /// torch-rnn (nn.RNN) on AMD at the sizes whose orders are followed: the input
  /// products over the sentence, dL/dW_ih, dL/db_ih and every dL/de_t as PyTorch takes
  /// them, so hidden states, losses, gradients, dL/dh_t and parameters after training are
  /// PyTorch's bit for bit (the sign of a zero aside, as above).
  @Test(arguments: TrainingRecord.exactOnAMD(TrainingRecord.torchRNN))
  func torchRNNMatchesPyTorchBitForBitOnAMD(_ record: TrainingRecord) throws {
    let run = try record.run()
    #expect(run.first.hiddenStates.map(\.scalars) == record.hiddenStates)
    for (what, ours, theirs) in run.pairs(record) {
      #expect(ours.count == theirs.count, "\(what)")
      let differing = zip(ours, theirs).filter { a, b in
        !(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) || (a == 0 && b == 0))
      }.count
      #expect(differing == 0, "\(what): \(differing) of \(theirs.count) differ")
    }
  }

  /// The recorded torch-rnn runs cover the followed sizes (products of up to 385 terms,
  /// past MKL's blocks of 192) and the others, both losses.
  @Test func torchRNNFixturesCoverBothKinds() {
    let records = TrainingRecord.torchRNN
    #expect(records.count == 32)
    #expect(records.filter(\.isFollowedTorchRNN).count == 18)
    #expect(records.contains { $0.isFollowedTorchRNN && $0.words.count > 384 })
    #expect(Set(records.map(\.loss)) == ["next-word", "last-word"])
  }

  /// torch-rnn (nn.RNN) on AMD at every other size: within 1e-5 of each tensor's largest
  /// value, losses, gradients, dL/dh_t and parameters after training.
  @Test(
    arguments: (TrainingRecord.amd + TrainingRecord.torchRNN).filter {
      $0.variant == "torch-rnn" && !$0.isFollowedTorchRNN
    })
  func torchRNNMatchesPyTorchOnAMDWithinTolerance(_ record: TrainingRecord) throws {
    let run = try record.run()
    for (what, ours, theirs) in run.pairs(record) {
      #expect(ours.count == theirs.count, "\(what)")
      #expect(relativeDifference(ours, theirs) <= 1e-5, "\(what)")
    }
  }

  /// The forward pass of training is the traced forward pass, bit for bit.
  @Test(arguments: Variant.trainable)
  func trainingForwardIsTheModelsForward(_ variant: Variant) throws {
    let words = "the dog jumped over a dog".split(separator: " ").map(String.init)
    let spec = ModelSpec(variant: variant, seed: 5, inputs: 3, hidden: 4, words: words)
    let (model, head) = try spec.buildWithHead()
    let learner = try Learner(model: model, head: head, words: words, loss: .nextWord)
    #expect(learner.backward().hiddenStates == model.hiddenStates(for: words))
  }

  /// Each word read gives its embedding row a gradient; the last word, only predicted,
  /// gets none, and neither does h_T, which predicts nothing.
  @Test func onlyTheWordsReadHaveEmbeddingGradients() throws {
    let words = ["a", "b", "a", "c", "d"]
    let spec = ModelSpec(variant: .linearTanh, seed: 1, inputs: 2, hidden: 3, words: words)
    let (model, head) = try spec.buildWithHead()
    let pass = try Learner(model: model, head: head, words: words, loss: .lastWord).backward()
    let table = try #require(pass.gradients.first { $0.name == "embedding.weight" }).value
    let rows = (0..<4).map { Array(table.scalars[$0 * 2..<$0 * 2 + 2]) }
    #expect(rows[3] == [0, 0])
    for row in rows[0..<3] { #expect(row.contains { $0 != 0 }) }
    #expect(pass.hiddenGradients[5].scalars == [0, 0, 0])
    #expect(pass.hiddenGradients[4].scalars.contains { $0 != 0 })
  }

  /// Every variant runs backwards, PyTorch's nn.RNN too, and the golden files' runs of
  /// each are all tested.
  @Test func everyVariantIsTrainable() throws {
    #expect(Variant.trainable == Variant.allCases)
    #expect(TrainingRecord.trainable(TrainingRecord.amd).count == TrainingRecord.amd.count)
    #expect(TrainingRecord.amd.contains { $0.variant == "torch-rnn" })
  }

  @Test func oneWordIsRefused() throws {
    let spec = ModelSpec(variant: .linear, seed: 0, inputs: 2, hidden: 2, words: ["dog"])
    let (model, head) = try spec.buildWithHead()
    #expect(throws: TrainingError.tooFewWords(1)) {
      try Learner(model: model, head: head, words: ["dog"], loss: .nextWord)
    }
  }

  /// SGD moves the loss down for a small step.
  @Test(arguments: Variant.trainable)
  func aSmallStepLowersTheLoss(_ variant: Variant) throws {
    let words = "the dog jumped over a".split(separator: " ").map(String.init)
    let spec = ModelSpec(variant: variant, seed: 0, inputs: 4, hidden: 2, words: words)
    let (model, head) = try spec.buildWithHead()
    var learner = try Learner(model: model, head: head, words: words, loss: .nextWord)
    let before = learner.round(learningRate: 0.01).loss
    #expect(learner.evaluate() < before)
  }
}
