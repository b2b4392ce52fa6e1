import Lesson
import Model

/// One round of forward, loss and backward of an ad-hoc model with its prediction head,
/// as `train` runs it and as `--loss` traces it (`export`, `print`, `play`).
struct LossRound {
  let model: RNNModel
  let head: PredictionHead
  let learner: Learner

  /// The model and head `options` describe for `words`, and a learner of `loss`; usage
  /// errors name the option (fewer than two words, sizes past the cap).
  init(_ options: ModelOptions, words: [String], loss: LossKind, option: String = "--loss")
    throws
  {
    // The backward pass follows PyTorch's AMD arithmetic: the whole round is computed so.
    if options.kernelsChoice == .intelAVX512 {
      throw CommandError(
        .usage,
        "--kernels: the backward pass (\(option)) follows PyTorch on AMD processors only; use --kernels amd or auto"
      )
    }
    guard words.count >= 2 else {
      let given = words.first.map { " (\"\($0)\")" } ?? ""
      let origin = options.sentenceFile.map { "--sentence-file \($0)" } ?? "--sentence"
      throw CommandError(
        .usage,
        "\(origin): a next-word loss needs at least two words, one to read and one to predict; got \(words.count)\(given)"
      )
    }
    let built = try options.buildWithHead(words)
    do {
      learner = try Learner(model: built.model, head: built.head, words: words, loss: loss)
    } catch .noBackwardPass(let variant) {
      throw CommandError(
        .usage,
        "--variant: \(variant) has no backward pass yet; \(option == "train" ? "train" : "use \(option) with") \(Variant.trainable.map(\.rawValue).joined(separator: ", "))"
      )
    } catch {
      throw CommandError(.usage, "\(error)")
    }
    model = built.model
    head = built.head
  }

  /// A lesson chapter's round: its model and the head drawn after it.
  init(_ run: ChapterTrace) {
    guard let training = run.training else {
      preconditionFailure("a chapter's round needs the chapter's loss")
    }
    model = run.trace.model
    head = training.head
    learner = training.learner
  }

  /// Why `--loss` cannot go with `--weights`.
  static let withoutHead =
    "--loss: a model from --weights has no prediction head to score the next word; use --loss with model options or a lesson's chapter (each drawn with its head as 'rnntrace train' draws it)"

  /// The round of `learner` (a what-if's, its model and head edited).
  private init(_ learner: Learner) {
    model = learner.model
    head = learner.head
    self.learner = learner
  }

  /// The round with what-if edits (`--set`) applied to the model and its head, and what
  /// each changed: the forward pass, the loss and the backward pass follow the edits.
  func applying(_ edits: EditOptions) throws -> (round: LossRound, applied: [AppliedEdit]) {
    guard !edits.isEmpty else { return (self, []) }
    do {
      let (edited, applied) = try learner.applying(edits.edits)
      return (LossRound(edited), applied)
    } catch {
      throw CommandError(.usage, "--set \(error.description)")
    }
  }

  /// The forward pass of the words, then the loss and the backward pass, into `listener`.
  /// Without `keepingStates`, no tensor is held per word (the pass's states and dL/dh_t
  /// are left empty): an export streams its events in flat memory.
  func run<Listener: TraceListener>(into listener: Listener, keepingStates: Bool = true) -> (
    Listener, BackwardPass
  ) {
    var run = RNNRun(model: model, listener: listener)
    for word in learner.words { _ = run.read(word) }
    var trace = Tracer(listener: run.tracer.listener, step: run.tracer.step)
    let pass = learner.backward(trace: &trace, keepingStates: keepingStates)
    return (trace.listener, pass)
  }

  /// The whole trace of one round, in memory.
  func trace() -> (Trace, BackwardPass) {
    learner.tracedRound()
  }
}
