import ArgumentParser
import Lesson
import Model

/// `rnntrace train`: the model learns to predict each next word of its sentence.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the model to predict each next word: the loss round by round.",
    usage: """
      rnntrace train [<model options>] [<lesson options>]
                     [<training options>]
      """,
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

      With lesson options, train trains a lesson's chapter instead of an ad-hoc model: \
      its own model (the tensors its narrative shows) and a head drawn next from the \
      chapter's last random: stream, as 'export --loss' and 'play --loss' draw it. The \
      chapter's loss:, lr: and steps: (docs/lessons.md) are the defaults, and --loss, \
      --lr and --steps on the command line win over them; a chapter without them trains \
      with next-word, lr 0.1 and 100 rounds. --set edits the chapter's model before \
      the first round. --weights is refused: a model from a file has no prediction head \
      and no generator to draw one from.

      Examples:
        rnntrace train                                  100 rounds, lr 0.1
        rnntrace train --loss last-word --steps 20
        rnntrace train --variant raw-tanh --hidden 8 --lr 0.5 --steps 300
        rnntrace train --steps 1 --format jsonl | jq -c .gradients
        rnntrace train --set 'Wh.weight[0,0]=3' --loss last-word --steps 20
        rnntrace train --chapter 5                      the lesson's chapter 5
        rnntrace train --lesson rnn-learning --chapter 6   its lr: 0.5, steps: 300
        rnntrace train --lesson rnn-learning --chapter 6 --steps 20   (--steps wins)
        rnntrace train --chapter 5 --set 'Wh.weight[1,1]=2' --steps 50
      """)

  @OptionGroup(title: "Model options")
  var model: ModelOptions

  @OptionGroup(title: "Lesson options (a chapter of a lesson instead of an ad-hoc model)")
  var lesson: LessonOptions

  @OptionGroup(title: "Trained weights (refused: a model from a file has no head)")
  var weights: WeightsOptions

  @OptionGroup(title: "Training options")
  var training: TrainingOptions

  @OptionGroup(title: "What-if") var edits: EditOptions
  @OptionGroup var progressOption: QuietOption

  var format: TrainingFormat { training.format }

  func run() throws {
    if weights.isGiven {
      throw CommandError(.usage, Self.noHead(weights.weights != nil ? "--weights" : "--vocab"))
    }
    switch try WalkthroughSource.resolve(model: model, lesson: lesson, preferLesson: false) {
    case .adHoc: try trainAdHoc()
    case .lesson(let loaded): try train(loaded)
    }
  }

  /// The model the model options draw, with its head drawn next.
  private func trainAdHoc() throws {
    let settings = training.settings(chapter: nil)
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
    warnOfIntelKernels()
    let built = try model.buildWithHead(words)
    // A what-if edits the model before the first round; the head is drawn as before.
    let (start, applied) = try edits.apply(to: built.model)
    let learner: Learner
    do {
      learner = try Learner(model: start, head: built.head, words: words, loss: settings.loss)
    } catch .noBackwardPass(let variant) {
      throw CommandError(.usage, Self.noBackwardPass(variant))
    } catch {
      throw CommandError(.usage, "\(error)")
    }
    let described =
      "\(model.variant.rawValue), seed \(model.seed), inputs \(model.inputs), hidden \(model.hidden); \(words.count) words, vocabulary \(learner.model.vocabulary.count)"
    try train(
      learner, settings,
      title: Self.whatIf(applied, from: "the drawn model") + described)
  }

  /// One chapter of a lesson: its own model, and the head drawn after its draws.
  private func train(_ loaded: LoadedLesson) throws {
    let count = loaded.lesson.chapters.count
    guard let number = loaded.only ?? (count == 1 ? 1 : nil) else {
      let trainable = Self.trainable(in: loaded)
      guard !trainable.isEmpty else {
        throw CommandError(
          .usage,
          "--lesson \(loaded.file): none of its \(count) chapters can be trained; a chapter needs at least two words, a variant with a backward pass (\(Self.listing(Variant.trainable.map(\.rawValue)))) and a random: group to draw the head after"
        )
      }
      let untrainable = (1...count).filter { !trainable.contains($0) }
      let choice =
        untrainable.isEmpty
        ? "--chapter 1 … \(count)"
        : "--chapter \(Self.listing(trainable)) (chapter\(untrainable.count == 1 ? "" : "s") \(Self.listing(untrainable).replacing(" or ", with: " and ")) cannot be trained)"
      throw CommandError(
        .usage,
        "--chapter: \(loaded.file) has \(count) chapters, each with its own model, and train trains one; choose it with \(choice)"
      )
    }
    let chapter = loaded.lesson.chapters[number - 1]
    if let refusal = Self.refusal(of: number, in: loaded) {
      throw CommandError(.usage, refusal)
    }
    let settings = training.settings(chapter: chapter.loss)
    warnOfIntelKernels()
    let drawn = chapter.drawnWithHead(kernel: model.rngKernel)
    let (start, applied) = try edits.apply(to: drawn.model)
    let learner: Learner
    do {
      learner = try Learner(
        model: start, head: drawn.head, words: chapter.words, loss: settings.loss)
    } catch {
      // `refusal(of:in:)` has checked what the learner needs.
      throw CommandError(.usage, "--chapter \(number): \(error)")
    }
    // A lesson's and a chapter's titles are long: the model goes on a line of its own,
    // and so does a what-if.
    var title =
      "\(loaded.title(of: number))\n\(chapter.variant.rawValue), inputs \(chapter.inputs), hidden \(chapter.hidden); \(chapter.words.count) words, vocabulary \(chapter.vocabulary.count)"
    if !applied.isEmpty {
      let banner = EditOptions.banner(applied, from: "chapter \(number) as the lesson has it")
      title += "\nwhat-if: \(banner)"
    }
    try train(
      learner, settings,
      title: title,
      origin: settings.fromChapter.isEmpty
        ? nil
        : "As chapter \(number) sets them: \(settings.fromChapter.joined(separator: ", ")) (--loss, --lr and --steps win over them)"
    )
  }

  /// Runs the rounds with a progress line, then prints the table or the JSON lines.
  private func train(
    _ learner: Learner, _ settings: TrainingSettings, title: String, origin: String? = nil
  ) throws {
    // A round is long work already: the clock is read after each one.
    let progress = ProgressDisplay.standardError(
      "train", unit: "rounds", total: settings.steps, quiet: progressOption.quiet, stride: 1)
    let rate = settings.learningRate
    let result = TrainingRun(learner, rounds: settings.steps, learningRate: rate) {
      progress.update($0)
    }
    progress.finish()
    var output = TrainingOutput(result: result, title: title)
    output.origin = origin
    switch format {
    case .table: try StandardOutput.write(output.table())
    case .jsonl: try StandardOutput.write(output.jsonLines())
    }
  }

  /// The backward pass follows PyTorch's AMD orders: say so when Intel's are asked for.
  private func warnOfIntelKernels() {
    if model.kernels == .intelAVX512 {
      // The backward pass's orders were measured on AMD only; say so rather than
      // claim Intel's last bits.
      Main.warn(Self.amdOrdersOnly)
    }
  }

  /// "what-if: Wh.weight[0,0] = 3 (was …), from the drawn model; ", or nothing.
  private static func whatIf(_ applied: [AppliedEdit], from original: String) -> String {
    applied.isEmpty ? "" : "what-if: \(EditOptions.banner(applied, from: original)); "
  }

  /// Why chapter `number` of `loaded` cannot be trained, naming the chapters that can;
  /// nil when it can.
  static func refusal(of number: Int, in loaded: LoadedLesson) -> String? {
    let chapter = loaded.lesson.chapters[number - 1]
    let place =
      loaded.only == nil
      ? "--lesson \(loaded.file): its one chapter"
      : "--chapter \(number): chapter \(number) of \(loaded.file)"
    let trainable = trainable(in: loaded)
    let choice = trainable.isEmpty ? "" : "; train chapter " + listing(trainable)
    if chapter.words.count < 2 {
      let given = chapter.words.first.map { ", \"\($0)\"" } ?? ""
      return
        "\(place) has fewer than two words (\(chapter.words.count)\(given)): a next-word loss needs one to read and one to predict\(choice)"
    }
    guard let refusal = chapter.lossRefusal else { return nil }
    return "\(place) cannot be trained: \(refusal)\(choice)"
  }

  /// The numbers (from 1) of the chapters that can go on to a loss.
  static func trainable(in loaded: LoadedLesson) -> [Int] {
    zip(1..., loaded.lesson.chapters).filter { $0.1.lossRefusal == nil }.map(\.0)
  }

  /// "2, 3, 4, 5 or 6"
  static func listing(_ numbers: [Int]) -> String {
    listing(numbers.map(String.init))
  }

  static func listing(_ texts: [String]) -> String {
    guard let last = texts.last, texts.count > 1 else { return texts.first ?? "" }
    return texts.dropLast().joined(separator: ", ") + " or " + last
  }

  /// The one line for `--weights` or `--vocab`.
  static func noHead(_ option: String) -> String {
    "\(option): a model from --weights has no prediction head to score the next word, and no generator to draw one from (export --loss refuses it too); train an ad-hoc model or a lesson's chapter"
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
}

/// How `train` prints its rounds.
enum TrainingFormat: String, CaseIterable, ExpressibleByArgument {
  /// The loss per round and a small curve, for reading.
  case table
  /// JSON Lines, one line per round and one result line, for programs.
  case jsonl
}

extension LossKind: ExpressibleByArgument {}

/// What a run trains with: the loss, the learning rate and the number of rounds.
struct TrainingSettings {
  var loss: LossKind
  var learningRate: Double
  var steps: Int
  /// The settings a lesson's chapter gave, as its lesson file writes them (`lr: 0.5`).
  var fromChapter: [String] = []
}

/// `--loss`, `--lr`, `--steps` and `--format`.
struct TrainingOptions: ParsableArguments {
  // Optional so that a chapter's own loss:, lr: and steps: can stand where they are
  // not given.
  @Option(
    name: .customLong("loss"),
    help: ArgumentHelp(
      "What the loss counts: every next-word prediction, or the last one only (default: next-word, or a chapter's loss:; this option wins).",
      valueName: "loss"))
  var lossOption: LossKind?

  @Option(
    name: .customLong("lr"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "The learning rate, a positive finite number (default: 0.1, or a chapter's lr:; this option wins).",
      valueName: "rate"),
    transform: { try TrainingOptions.parseRate($0) })
  var rateOption: Double?

  @Option(
    name: .customLong("steps"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "Rounds of forward, backward and update (1 … \(TrainingOptions.maxSteps); default: 100, or a chapter's steps:; this option wins).",
      valueName: "n"),
    transform: { try TrainingOptions.parseSteps($0) })
  var stepsOption: Int?

  @Option(
    help: ArgumentHelp(
      "A table with a loss curve, or JSON Lines for programs.", valueName: "format"))
  var format: TrainingFormat = .table

  /// The most rounds one run may take.
  static let maxSteps = 100_000

  /// The options given, else what a chapter's `loss:`, `lr:` and `steps:` say (`lr:` goes
  /// with `steps:`), else the defaults: next-word, 0.1, 100 rounds.
  func settings(chapter: ChapterLoss?) -> TrainingSettings {
    var settings = TrainingSettings(
      loss: lossOption ?? chapter?.kind ?? .nextWord,
      learningRate: rateOption ?? ChapterLoss.defaultLearningRate,
      steps: stepsOption ?? 100)
    guard let chapter else { return settings }
    if lossOption == nil { settings.fromChapter.append("loss: \(chapter.kind.rawValue)") }
    guard let rounds = chapter.rounds else { return settings }
    if rateOption == nil {
      settings.learningRate = chapter.learningRate
      settings.fromChapter.append("lr: \(chapter.learningRate)")
    }
    if stepsOption == nil {
      settings.steps = rounds
      settings.fromChapter.append("steps: \(rounds)")
    }
    return settings
  }

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
