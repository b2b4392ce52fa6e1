import ArgumentParser
import Foundation
import Lesson
import Model
import TUI

/// `rnntrace play`: the player, on the bundled lesson or an ad-hoc model.
struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Step through the RNN one operation at a time, in the terminal.",
    usage: "rnntrace play [<model options>] [<lesson options>]",
    discussion: """
      With no model options it plays the bundled lesson, chapter by chapter, with \
      its narrative beside the computation; model options play an ad-hoc model.

      Keys: → or n the next operation (at a chapter's end, the next chapter), ← the \
      previous one, PgDn/PgUp the next or previous word, ] and [ the next or \
      previous chapter, c a menu of the chapters, i the chapter's introduction \
      again, } and { the narrative a \
      page down or up, Space play and pause, d drill into a product, e export the \
      trace as JSON Lines into the current directory, r start and stop recording the \
      session as an asciicast (.cast) there, / search for a step (tanh, word over, \
      t 4, h[0] < 0, sign h[0], |h| > 0.9) and > or < its next or previous match, a the quiz \
      (guess each result before it shows; the lesson's own questions are asked with the \
      quiz on or off, and a off stops them too), w what-if (edit a value on screen: type \
      it or nudge it with [ ] { }, Enter applies; u undoes, U reverts all, D shows each \
      change), Esc \
      close a box, q quit; ?: every key, the legend and a glossary.

      Where standard input or output is not a terminal, or TERM=dumb, or curses \
      cannot drive the terminal, the walkthrough is printed as `rnntrace print` \
      prints it.

      Examples:
        rnntrace                     (the same as rnntrace play)
        rnntrace play --chapter 3
        rnntrace play --lesson my-lesson.yaml
        rnntrace play --variant raw-tanh --hidden 3 --sentence "to be or not"
        rnntrace play --loss last-word   (on to the loss and back through time)
        rnntrace play --loss next-word --steps 50   (the update, a loss curve)
        rnntrace play --chapter 5 --loss next-word   (chapter 5, then its loss)
        rnntrace play --lesson rnn-learning   (how the RNN learns)
        rnntrace play --chapter 1 --set 'h0[0,0]=0.5'   (what if h_0 were 0.5)
        rnntrace play --quiz --chapter 2   (guess each result first)
        rnntrace play --weights m.safetensors --vocab vocab.txt --sentence "the dog"
      """)

  @OptionGroup(title: "Model options (an ad-hoc model instead of the lesson)")
  var model: ModelOptions

  @OptionGroup(title: "Lesson options") var lesson: LessonOptions

  @OptionGroup(title: "Trained weights (your own model instead)") var weights: WeightsOptions

  @Option(
    help: ArgumentHelp(
      "Go on to the loss and one backward pass: next-word or last-word.", valueName: "loss"))
  var loss: LossKind?

  @Option(
    name: .customLong("lr"), parsing: .unconditional,
    help: ArgumentHelp(
      "With --loss: the learning rate of the SGD update, as train takes it (default: 0.1).",
      valueName: "rate"),
    transform: { try TrainingOptions.parseRate($0) })
  var learningRate: Double?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "With --loss: rounds of training after the traced one, for the loss curve, as train takes them (1 … \(TrainingOptions.maxSteps); default: 1).",
      valueName: "n"),
    transform: { try TrainingOptions.parseSteps($0) })
  var steps: Int?

  @OptionGroup(title: "What-if") var edits: EditOptions

  @Flag(
    help:
      "Predict, then reveal: each result stays hidden until you guess it (a turns this on and off)."
  )
  var quiz = false

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    if loss != nil && weights.isGiven {
      throw CommandError(.usage, LossRound.withoutHead)
    }
    if loss == nil, learningRate != nil || steps != nil {
      throw CommandError(
        .usage,
        "\(steps != nil ? "--steps" : "--lr"): training needs a loss to follow; add --loss next-word or --loss last-word"
      )
    }
    if lesson.isGiven, learningRate != nil || steps != nil {
      throw CommandError(
        .usage,
        "\(steps != nil ? "--steps" : "--lr"): a lesson's chapter trains as its lesson says (steps:, lr:); use --lr and --steps with an ad-hoc model"
      )
    }
    if let loss, !lesson.isGiven {
      try playWithLoss(loss)
      return
    }
    if weights.isGiven {
      let (loaded, source, first) = try weights.loadChecked(
        model: model, lesson: lesson, edits: edits)
      let built = loaded.model
      let (title, origin, applied) = (loaded.title, loaded.source, loaded.applied)
      let playTitle =
        applied.isEmpty
        ? title
        : "what-if: \(EditOptions.banner(applied, from: "the model in \(loaded.fileName)")). \(title)"
      try Self.play(
        try Self.content(title: playTitle, built, source, first: FirstPass(pass: first)),
        title: playTitle, quiz: quiz,
        export: {
          try TraceExporter.export(
            $0, whatIf: $1, title: playTitle, source: origin, edits: applied)
        },
        plainText: {
          try WalkthroughText(format: ValueFormat()).stream(
            built, try source.all(), title: loaded.printedTitle
          ) {
            try StandardOutput.write($0)
          }
        })
      return
    }
    switch try WalkthroughSource.resolve(model: model, lesson: lesson, preferLesson: true) {
    case .lesson(let found):
      let loaded = try found.adding(loss: loss, kernels: model.kernelsChoice)
      let whatIf =
        edits.isEmpty
        ? nil : try edits.chapter(of: loaded, kernel: model.rngKernel, kernels: model.kernels)
      let banner = whatIf.map {
        "what-if: \(EditOptions.banner($0.applied, from: "chapter \($0.number) as the lesson has it"))"
      }
      let runs = loaded.chapters.map { number, _ in
        if let whatIf, whatIf.number == number { return whatIf.run }
        return loaded.run(number, kernel: model.rngKernel, kernels: model.kernels)
      }
      let chapters = zip(loaded.chapters, runs).map { Self.playerChapter($1, number: $0.number) }
      let heads = runs.map { run in run.training.map { ($0.head, $0.loss.kind) } }
      // A what-if says so first, where the header does not cut it off; the chapter's
      // title, after it, says what it was edited from.
      let content = PlayerContent(
        title: whatIf.map { "what-if: \($0.applied.map(\.description).joined(separator: ", "))" }
          ?? loaded.lesson.title,
        chapters: chapters, chapterCount: loaded.lesson.chapters.count)
      var configuration = PlayerConfiguration(export: { chapter, trace, edited in
        let number = loaded.chapters[chapter].number
        let title = loaded.title(of: number)
        if let whatIf, let banner, number == whatIf.number {
          return try TraceExporter.export(
            trace, whatIf: edited, title: "\(banner), \(title)", edits: whatIf.applied,
            loss: heads[chapter])
        }
        return try TraceExporter.export(
          trace, whatIf: edited, title: title, loss: heads[chapter])
      })
      configuration.quiz = quiz
      configuration.record = { trace in
        let number = chapters.firstIndex { $0.trace.isSame(as: trace) }
        return try SessionCastFile.target(
          title: number.map { loaded.title(of: loaded.chapters[$0].number) } ?? loaded.lesson.title,
          environment: environment)
      }
      try PlayerLauncher.run(content, configuration: configuration, environment: environment) {
        var text = ""
        var lessonText = LessonText(
          format: ValueFormat(), kernel: model.rngKernel, kernels: model.kernels)
        if let whatIf, let banner { lessonText.whatIf = (whatIf.number, whatIf.run, banner) }
        lessonText.write(loaded, to: &text)
        try StandardOutput.write(text)
      }
    case .adHoc:
      let source = try model.wordSource()
      var (built, first) = try Self.model(model, source)
      var title = model.walkthroughTitle
      let seed = model.seed
      var applied: [AppliedEdit] = []
      if !edits.isEmpty {
        (built, applied) = try edits.apply(to: built)
        title = "what-if: \(EditOptions.banner(applied, from: "the ad-hoc model")). \(title)"
      }
      let (playTitle, playEdits, playModel) = (title, applied, built)
      // The trace is computed only for the player; printed, it is streamed.
      try Self.play(
        try Self.content(title: playTitle, playModel, source, first: first), title: playTitle,
        quiz: quiz,
        export: {
          try TraceExporter.export($0, whatIf: $1, title: playTitle, seed: seed, edits: playEdits)
        },
        plainText: {
          try WalkthroughText(format: ValueFormat()).stream(
            playModel, try source.all(), title: title + model.kernels.titleNote
          ) {
            try StandardOutput.write($0)
          }
        })
    }
  }

  /// The ad-hoc model for `source`'s words: for a file, its vocabulary read in a first
  /// pass rather than holding the words, and each word's row as that pass numbered
  /// them (first appearances in order, as the embedding table has them), so that the
  /// player needs no second pass.
  private static func model(_ options: ModelOptions, _ source: WordSource) throws -> (
    RNNModel, FirstPass?
  ) {
    guard case .file = source else { return (try options.build(), nil) }
    var vocabulary: [String] = []
    var numbered: [String: Int32] = [:]
    var rows: [Int32] = []
    // A long text's passes before the first frame take seconds: each says how far it
    // has got, on standard error, erased before the player takes the screen.
    let progress = ProgressDisplay.standardError("play: reading", total: nil, quiet: false)
    defer { progress.finish() }
    let pass = try source.eachWord { word in
      progress.update(rows.count + 1)
      if let row = numbered[word] {
        rows.append(row)
        return
      }
      let row = Int32(vocabulary.count)
      numbered[word] = row
      vocabulary.append(word)
      rows.append(row)
    }
    let built = try options.build(vocabulary: vocabulary, origin: source.origin)
    return (built, FirstPass(pass: pass, vocabulary: vocabulary, rows: rows))
  }

  /// What a first pass over a file saw: the words' count and digest, and the rows of
  /// the words when it numbered them.
  struct FirstPass {
    var pass: WordSource.Pass
    var vocabulary: [String] = []
    var rows: [Int32]?
  }

  /// What the player plays: a sentence's trace held whole, or a file's read through
  /// checkpoints (the words as their rows in the embedding table, the hidden state
  /// every few words), so that a book plays in a few megabytes.
  static func content(
    title: String, _ built: RNNModel, _ source: WordSource, first: FirstPass?
  ) throws -> PlayerContent {
    guard case .file = source else {
      return PlayerContent(title: title, trace: built.trace(try source.all()))
    }
    let numbered = first.map { first in
      first.vocabulary.enumerated().allSatisfy { built.index(of: $1) == $0 }
    }
    var rows: [Int32]
    if let given = first?.rows, numbered == true {
      rows = given
    } else {
      rows = []
      var unknown: String?
      let reading = ProgressDisplay.standardError(
        "play: reading", total: first?.pass.count, quiet: false)
      defer { reading.finish() }
      let second = try source.eachWord { word in
        reading.update(rows.count + 1)
        guard let row = built.index(of: word) else {
          if unknown == nil { unknown = word }
          return
        }
        if unknown == nil { rows.append(Int32(row)) }
      }
      if unknown != nil || (first != nil && second != first?.pass) {
        throw CommandError(
          .data,
          "\(source.origin): the file changed while it was read; play it again once it is complete"
        )
      }
    }
    let progress = ProgressDisplay.standardError("play: running", total: rows.count, quiet: false)
    defer { progress.finish() }
    let trace = PlayerTrace(model: built, rows: rows) { progress.update($0) }
    return PlayerContent(title: title, chapters: [PlayerChapter(title: "", trace: trace)])
  }

  /// An ad-hoc model's round: the forward pass, the loss, then the backward pass, each
  /// backward operation a step with the gradient flow ‖dL/dh_t‖ beside it.
  private func playWithLoss(_ loss: LossKind) throws {
    let (round, applied) = try LossRound(
      model, words: try model.wordSource().all(), loss: loss
    ).applying(edits)
    try Self.checkHeldWhole(round)
    let (trace, _) = round.trace()
    let rounds = steps ?? 1
    let rate = learningRate ?? 0.1
    var title =
      model.walkthroughTitle + "; \(loss.rawValue) loss, "
      + (rounds == 1 ? "one round" : "\(rounds) rounds, lr \(rate)")
    if !applied.isEmpty {
      title = "what-if: \(EditOptions.banner(applied, from: "the ad-hoc model")). \(title)"
    }
    let seed = model.seed
    let head = round.head
    // The traced round is the first of the run: its update and the loss curve follow it.
    let progress = ProgressDisplay.standardError(
      "play", unit: "rounds", total: rounds, quiet: false, stride: 1)
    let training = TrainingRun(round.learner, rounds: rounds, learningRate: rate) {
      progress.update($0)
    }
    progress.finish()
    var chapter = PlayerChapter(title: "", trace: trace)
    chapter.training = training
    chapter.learner = round.learner
    let shown = steps.map { _ in training }
    let (playTitle, playEdits) = (title, applied)
    try Self.play(
      PlayerContent(title: title, chapters: [chapter]), title: title,
      export: { trace, whatIf in
        try TraceExporter.export(
          trace, whatIf: whatIf, title: playTitle, seed: seed, edits: playEdits,
          loss: (head, loss))
      },
      plainText: {
        var text = ""
        WalkthroughText(format: ValueFormat()).write(trace, title: title, to: &text)
        // Asked for rounds, the walkthrough ends with them as train prints them.
        if let shown {
          text += "\n" + TrainingOutput(result: shown, title: title).table()
        }
        try StandardOutput.write(text)
      })
  }

  /// The most numbers a round the player holds whole may have: its events' values, about
  /// 32 MiB of them.
  static let mostHeldNumbers = 8_000_000

  /// The player holds a round with its backward pass whole, and each word's part grows
  /// with the vocabulary (the head's gradient alone is V×hidden numbers a word): a text
  /// too long for that is refused in one line, not played out of memory.
  static func checkHeldWhole(_ round: LossRound) throws {
    let (v, h, i) = (round.model.vocabulary.count, round.model.hidden, round.model.inputs)
    let perWord = 2 * v * h + 4 * v + 4 * (i * h + h * h) + 64
    let words = round.learner.words.count
    guard words * perWord > mostHeldNumbers else { return }
    throw CommandError(
      .usage,
      "--loss: the player holds a round and its backward pass whole: \(words) words of this model come to about \(words * perWord) numbers, and it holds at most \(mostHeldNumbers); play at most \(max(2, mostHeldNumbers / perWord)) words, or use export --loss, which streams"
    )
  }

  /// Opens the player with export and record keys, or prints where there is no
  /// screen. A recording is named after `title`.
  static func play(
    _ content: @autoclosure () throws -> PlayerContent, title: String, quiz: Bool = false,
    export: @escaping @Sendable (PlayerTrace, WhatIfRecord?) throws -> String,
    plainText: () throws -> Void
  ) throws {
    let environment = ProcessInfo.processInfo.environment
    var configuration = PlayerConfiguration(
      export: { _, trace, whatIf in try export(trace, whatIf) },
      record: { _ in try SessionCastFile.target(title: title, environment: environment) })
    configuration.quiz = quiz
    try PlayerLauncher.run(
      try content(), configuration: configuration, environment: environment, plainText: plainText)
  }

  /// A chapter for the player: its trace, its introduction and its paragraphs with
  /// their values filled in.
  static func playerChapter(_ run: ChapterTrace, number: Int) -> PlayerChapter {
    var narrative = run.narrativeByStep()
    let introduction = narrative.removeValue(forKey: 0) ?? []
    var chapter = PlayerChapter(
      title: run.chapter.title, trace: run.trace, narrative: narrative, number: number,
      introduction: introduction, summary: run.summary().map { [$0] } ?? [],
      code: run.chapter.code)
    chapter.training = run.training?.run
    chapter.learner = run.training?.learner
    chapter.questions = playerQuestions(run)
    // A what-if's edited run gets the text's values filled in from it.
    chapter.narrator = ChapterNarrator { trace, applied in
      let edited = run.edited(trace: trace, applied: applied)
      guard let training = run.training else { return narrated(edited) }
      // A round with its loss: the loss, the gradients and the rounds are the edited
      // model's and head's too, run again from the edits.
      let edits = applied.map { ParameterEdit(name: $0.name, index: $0.index, value: $0.to) }
      guard
        let swapped = try? Learner(
          model: training.learner.model, head: training.learner.head, words: Array(trace.words),
          loss: training.loss.kind),
        let learner = try? swapped.applying(edits).learner
      else { return narrated(run) }
      return narrated(run.chapter.run(learner, tensors: edited.tensors, loss: training.loss))
    }
    return chapter
  }

  /// The text of `run`, its values filled in, as the player holds it.
  static func narrated(_ run: ChapterTrace) -> ChapterText {
    var narrative = run.narrativeByStep()
    let introduction = narrative.removeValue(forKey: 0) ?? []
    return ChapterText(
      narrative: narrative, introduction: introduction,
      summary: run.summary().map { [$0] } ?? [], questions: playerQuestions(run))
  }

  /// The lesson's questions with their answers worked out from this run (an edited run's
  /// own values, for a what-if).
  static func playerQuestions(_ run: ChapterTrace) -> [Int: PlayerQuestion] {
    var questions: [Int: PlayerQuestion] = [:]
    for question in run.chapter.questions {
      let answer: PlayerQuestion.Answer
      switch question.answer {
      case .number(let expression):
        answer = .number(name: expression.source, value: Float(run.value(of: expression)))
      case .choices(let choices):
        answer = .choice(
          options: choices.map { run.text(of: $0.text) }, correct: run.answer(of: choices),
          evidence: run.evidence(for: choices))
      }
      questions[question.step] = PlayerQuestion(
        prompt: run.text(of: question.prompt), answer: answer)
    }
    return questions
  }
}
