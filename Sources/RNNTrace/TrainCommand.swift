import ArgumentParser
import Model

/// `rnntrace train`: the model learns to predict each next word of its sentence.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the model to predict each next word: the loss round by round.",
    usage: "rnntrace train [<model options>] [<training options>]",
    discussion: """
      A prediction head nn.Linear(hidden, V), drawn next from the model's generator, reads \
      each hidden state h_t and scores every vocabulary word as the next one. Each round \
      runs the words forward, takes the cross-entropy loss, runs backpropagation through \
      time and moves every parameter (the embedding, the cell's weights, the head) by \
      -lr times its gradient (plain SGD), in float32 and in PyTorch's order: the numbers \
      are what torch.optim.SGD gives after loss.backward().

      --loss next-word counts every prediction (the mean over positions 1 … T-1); \
      last-word only the last one, which shows most clearly how the gradient fades on \
      its way back through time. The table lists the loss before each round's update; \
      a loss that overflows is reported at its round. --format jsonl prints one line per \
      round, then the first round's gradients, dL/dh_t, the parameters after the last \
      update and the loss they give.

      Examples:
        rnntrace train                                  100 rounds, lr 0.1
        rnntrace train --loss last-word --steps 20
        rnntrace train --variant raw-tanh --hidden 8 --lr 0.5 --steps 300
        rnntrace train --steps 1 --format jsonl | jq -c .gradients
        rnntrace train --set 'Wh.weight[0,0]=3' --loss last-word --steps 20
      """)

  @OptionGroup(title: "Model options")
  var model: ModelOptions

  @OptionGroup(title: "Training options")
  var training: TrainingOptions

  @OptionGroup(title: "What-if") var edits: EditOptions
  @OptionGroup var progressOption: QuietOption

  var loss: LossKind { training.loss }
  var learningRate: Double { training.learningRate }
  var steps: Int { training.steps }
  var format: TrainingFormat { training.format }

  func run() throws {
    let words = try model.wordSource().all()
    guard words.count >= 2 else {
      let given = words.first.map { " (\"\($0)\")" } ?? ""
      let origin = model.sentenceFile.map { "--sentence-file \($0)" } ?? "--sentence"
      throw CommandError(
        .usage,
        "\(origin): a next-word loss needs at least two words, one to read and one to predict; got \(words.count)\(given)"
      )
    }
    guard model.variant.hasBackwardPass else {
      throw CommandError(.usage, Self.noBackwardPass(model.variant.rawValue))
    }
    if model.kernels == .intelAVX512 {
      // The backward pass's orders were measured on AMD only; say so rather than
      // claim Intel's last bits.
      Main.warn(Self.amdOrdersOnly)
    }
    let built = try model.buildWithHead(words)
    // A what-if edits the model before the first round; the head is drawn as before.
    let (start, applied) = try edits.apply(to: built.model)
    let learner: Learner
    do {
      learner = try Learner(model: start, head: built.head, words: words, loss: loss)
    } catch .noBackwardPass(let variant) {
      throw CommandError(.usage, Self.noBackwardPass(variant))
    } catch {
      throw CommandError(.usage, "\(error)")
    }

    // A round is long work already: the clock is read after each one.
    let progress = ProgressDisplay.standardError(
      "train", unit: "rounds", total: steps, quiet: progressOption.quiet, stride: 1)
    let result = TrainingRun(learner, rounds: steps, learningRate: learningRate) {
      progress.update($0)
    }
    progress.finish()
    let output = TrainingOutput(
      result: result,
      title: (applied.isEmpty
        ? "" : "what-if: \(EditOptions.banner(applied, from: "the drawn model")); ")
        + title(words: words, learner: result.learner))
    switch format {
    case .table: try StandardOutput.write(output.table())
    case .jsonl: try StandardOutput.write(output.jsonLines())
    }
  }

  /// What `--kernels intel-avx512` (or `auto` on such a processor) gets from `train`.
  static let amdOrdersOnly =
    "--kernels intel-avx512: train computes with PyTorch's AMD orders (its backward pass was measured on AMD only); the last bits may differ from PyTorch's on an Intel processor with AVX-512, by at most about 1e-6 of each tensor's largest value in the recorded runs"

  /// The one line for a variant `train` cannot run backwards.
  static func noBackwardPass(_ variant: String) -> String {
    let trainable = Variant.trainable.map(\.rawValue)
    let listing = trainable.dropLast().joined(separator: ", ") + " or " + trainable.last!
    return "--variant: the backward pass of \(variant) is not implemented yet; train \(listing)"
  }

  private func title(words: [String], learner: Learner) -> String {
    "\(model.variant.rawValue), seed \(model.seed), inputs \(model.inputs), hidden \(model.hidden); \(words.count) words, vocabulary \(learner.model.vocabulary.count)"
  }
}

/// How `train` prints its rounds.
enum TrainingFormat: String, CaseIterable, ExpressibleByArgument {
  /// The loss per round and a small curve, for reading.
  case table
  /// JSON Lines, one line per round and one result line, for programs.
  case jsonl
}

extension LossKind: ExpressibleByArgument {}

/// `--loss`, `--lr`, `--steps` and `--format`.
struct TrainingOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "What the loss counts: every next-word prediction, or the last one only.",
      valueName: "loss"))
  var loss: LossKind = .nextWord

  @Option(
    name: .customLong("lr"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "The learning rate, a positive finite number (default: 0.1).", valueName: "rate"),
    transform: { try TrainingOptions.parseRate($0) })
  var learningRate: Double = 0.1

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Rounds of forward, backward and update (1 … \(TrainingOptions.maxSteps); default: 100).",
      valueName: "n"),
    transform: { try TrainingOptions.parseSteps($0) })
  var steps: Int = 100

  @Option(
    help: ArgumentHelp(
      "A table with a loss curve, or JSON Lines for programs.", valueName: "format"))
  var format: TrainingFormat = .table

  /// The most rounds one run may take.
  static let maxSteps = 100_000

  static func parseRate(_ text: String) throws -> Double {
    guard let rate = Double(text), rate.isFinite, rate > 0 else {
      throw ArgumentError("expected a positive finite number, such as 0.1")
    }
    return rate
  }

  static func parseSteps(_ text: String) throws -> Int {
    guard let steps = Int(text, radix: 10), (1...maxSteps).contains(steps) else {
      throw ArgumentError("expected a whole number from 1 to \(maxSteps)")
    }
    return steps
  }
}
