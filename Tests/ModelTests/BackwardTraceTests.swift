import Model
import Testing

/// The loss and the backward pass, traced: each operation an event computed by the same
/// call that trains, so the trace holds exactly the numbers training uses.
@Suite struct BackwardTraceTests {
  static let words = ["the", "dog", "jumped", "over", "the", "dog", "a"]

  struct Case: CustomTestStringConvertible, Sendable {
    let variant: Variant
    let loss: LossKind
    var testDescription: String { "\(variant.rawValue) \(loss.rawValue)" }
  }

  // Every variant, torch-rnn too.
  static let cases = Variant.trainable.flatMap { v in
    LossKind.allCases.map { Case(variant: v, loss: $0) }
  }

  /// One round traced after the forward pass, as `export --loss` runs it.
  static func traced(_ c: Case) throws -> (events: [TraceEvent], forward: Int, pass: BackwardPass) {
    let spec = ModelSpec(variant: c.variant, seed: 11, inputs: 3, hidden: 4, words: words)
    let (model, head) = try spec.buildWithHead()
    let learner = try Learner(model: model, head: head, words: words, loss: c.loss)
    var run = RNNRun(model: model, listener: TraceRecorder())
    for word in words { _ = run.read(word) }
    let forward = run.tracer.listener.events.count
    var trace = Tracer(listener: run.tracer.listener, step: run.tracer.step)
    let pass = learner.backward(trace: &trace)
    return (trace.listener.events, forward, pass)
  }

  static func bits(_ t: Tensor) -> [UInt32] { t.scalars.map(\.bitPattern) }

  @Test(arguments: cases)
  func tracingChangesNoNumber(_ c: Case) throws {
    let (events, _, traced) = try Self.traced(c)
    let spec = ModelSpec(variant: c.variant, seed: 11, inputs: 3, hidden: 4, words: Self.words)
    let (model, head) = try spec.buildWithHead()
    let plain = try Learner(model: model, head: head, words: Self.words, loss: c.loss).backward()
    #expect(traced.loss.bitPattern == plain.loss.bitPattern)
    #expect(
      traced.gradients.map { Self.bits($0.value) } == plain.gradients.map { Self.bits($0.value) })
    #expect(traced.hiddenGradients.map(Self.bits) == plain.hiddenGradients.map(Self.bits))
    // The loss event's value is the loss.
    let total = try #require(events.last { $0.operation == .loss && $0.pass == .forward })
    #expect(total.result.name == "L")
    #expect(total.result.value.scalars[0].bitPattern == plain.loss.bitPattern)
  }

  @Test(arguments: cases)
  func eventsAreInAutogradsOrder(_ c: Case) throws {
    let (events, forward, pass) = try Self.traced(c)
    let steps = events.map(\.step)
    #expect(steps == Array(1...events.count))
    let after = events[forward...]
    #expect(!after.contains { !$0.isAfterForward })
    let positions = c.loss.positions(wordCount: Self.words.count)
    // The loss: a logits and a loss event per counted position, then the total.
    let lossEvents = after.filter { $0.pass == .forward }
    #expect(lossEvents.count == 2 * positions.count + 1)
    #expect(
      lossEvents.filter { $0.operation == .loss }.map(\.t) == Array(positions) + [
        positions.upperBound
      ])
    // The backward pass: the heads from the last position back, then the steps back
    // through time, t never rising.
    let backward = after.filter { $0.pass == .backward }
    #expect(backward.count == after.count - lossEvents.count)
    let cells = backward.drop { $0.operation == .loss || $0.operation == .logits }
    #expect(cells.first?.operation == .hiddenState)
    let rises = zip(cells, cells.dropFirst()).contains { $0.t < $1.t }
    #expect(!rises)
    #expect(cells.last?.t == 1)
    // dL/dh_t, one event per t reached, holds the pass's gradient.
    let gradients = cells.filter { $0.operation == .hiddenState }
    #expect(gradients.map(\.t) == Array(stride(from: positions.upperBound, through: 1, by: -1)))
    for event in gradients {
      #expect(event.result.name == "dL/dh_\(event.t)")
      #expect(Self.bits(event.result.value) == Self.bits(pass.hiddenGradients[event.t]))
    }
  }

  /// Each weight's gradient is shown accumulating: the running sum before, this step's
  /// contribution, the sum after; its last event holds the whole gradient.
  @Test(arguments: cases)
  func weightGradientsShowTheirRunningSum(_ c: Case) throws {
    let (events, _, pass) = try Self.traced(c)
    for gradient in pass.gradients {
      let name = gradient.name == "embedding.weight" ? nil : "dL/d" + gradient.name
      guard let name else { continue }
      let sums = events.filter { $0.pass == .backward && $0.result.name == name }
      try #require(!sums.isEmpty, "\(name)")
      #expect(sums.first?.operands.count == 1)
      for (before, after) in zip(sums, sums.dropFirst()) {
        #expect(after.operands.count == 2)
        #expect(after.operands[0].name == name)
        #expect(Self.bits(after.operands[0].value) == Self.bits(before.result.value))
        #expect(
          Self.bits(after.result.value)
            == Self.bits(after.operands[0].value + after.operands[1].value))
      }
      #expect(Self.bits(sums.last!.result.value) == Self.bits(gradient.value), "\(name)")
    }
    // The embedding's rows: "dog" (row 1), read at t = 2 and 6, accumulates.
    let dog = events.filter { $0.pass == .backward && $0.result.name == "dL/dembedding.weight[1]" }
    #expect(dog.count == 2)
    #expect(dog.last?.operands.count == 2)
    let table = try #require(pass.gradients.first { $0.name == "embedding.weight" }).value
    if let last = dog.last {
      #expect(Self.bits(last.result.value) == Self.bits(table.row(1)))
    }
  }

  /// tanh's backward is dL/dh_t ⊙ (1 − h_t²), its operands the gradient and h_t.
  @Test func tanhBackwardNamesItsSlope() throws {
    let (events, _, _) = try Self.traced(Case(variant: .linearTanh, loss: .lastWord))
    let tanh = try #require(events.first { $0.operation == .tanh && $0.pass == .backward })
    #expect(tanh.formula == "dL/dz_6 = dL/dh_6 ⊙ (1 - h_6²)")
    #expect(tanh.operands.map(\.name) == ["dL/dh_6", "h_6"])
    let h = tanh.operands[1].value.scalars
    let g = tanh.operands[0].value.scalars
    for j in h.indices {
      #expect(tanh.result.value.scalars[j] == g[j] * Float(1).addingProduct(-h[j], h[j]))
    }
  }
}
