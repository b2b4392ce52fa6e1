import ArgumentParser
import Foundation
import Lesson
import Model
import TraceLog

/// `rnntrace export`: the trace as a log file for other tools.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the trace as a log: JSON Lines, CSV, or a trace for Perfetto.",
    // The parser's own usage line lists every option on one line, wider than a terminal.
    usage: """
      rnntrace export [<model options>] [<lesson options>]
                      [--format <format>] [--output <file>]
      """,
    discussion: """
      Formats (docs/trace-format.md): jsonl, a header line with the model's parameters \
      then one JSON object per operation, for jq, pandas or any language, and what \
      'rnntrace replay' and 'rnntrace verify' read; csv, one row per value with a \
      header row, for spreadsheets and data frames; chrome, the Trace Event Format \
      that ui.perfetto.dev and chrome://tracing open. Without --format, the \
      extension of -o decides (.jsonl, .csv, .json), else jsonl.

      The trace is written while it is computed, so a long text (--sentence-file) \
      costs no more memory than a short one. A file named with -o is written under \
      a temporary name and renamed when complete, so an existing file is replaced \
      whole or not at all. On a terminal, an export that takes more than half a \
      second shows its progress on standard error (words done, rate, time left); \
      --quiet leaves it out.

      --loss next-word|last-word goes on past the words: a prediction head drawn next \
      from the model's generator (as 'rnntrace train' draws it) scores each next word, \
      the loss events (one per counted position, then the total) follow the forward \
      events, then the backward pass of one round, from the loss back to every \
      parameter, each event marked "pass":"backward" (CSV: a pass column; Chrome: a \
      backward track). An ad-hoc model, or a lesson's chapter (its head drawn next \
      from the chapter's stream; a chapter with its own loss: exports it without \
      --loss). Its words are held in memory, but no tensor per word: the backward \
      pass recomputes the forward states from a checkpoint every √T words, so memory \
      stays flat however long the text.

      Examples:
        rnntrace export -o trace.jsonl
        rnntrace export --loss next-word -o learn.jsonl   (with the backward pass)
        rnntrace export --chapter 2 -o chapter2.csv     (the lesson's chapter 2)
        rnntrace export --chapter 5 --loss last-word -o ch5-learn.jsonl
        rnntrace export --lesson rnn-learning --chapter 2 -o gradient.jsonl
        rnntrace export --seed 7 --sentence "to be or not to be" -o trace.csv
        rnntrace export --sentence-file book.txt -o book.json   (for Perfetto)
        rnntrace export --hidden 1 | jq -c 'select(.op == "hidden_state")'
        rnntrace export --set 'Wh.weight[0,1]=1.5' -o whatif.jsonl
        rnntrace export --loss last-word --set 'Wh.weight[0,0]=1.5' -o grad.jsonl
        rnntrace export --weights m.safetensors --vocab v.txt -o m.jsonl
      """)

  @OptionGroup(title: "Model options") var model: ModelOptions

  @OptionGroup(title: "Lesson options (a chapter of a lesson instead of an ad-hoc model)")
  var lesson: LessonOptions

  @OptionGroup(title: "Trained weights (your own model instead)") var weights: WeightsOptions

  @OptionGroup(title: "What-if") var edits: EditOptions

  @Option(help: "The log format (default: from -o's extension, else jsonl).")
  var format: TraceFormat?

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Go on to the loss and one backward pass: next-word or last-word.", valueName: "loss"))
  var loss: LossKind?
  @OptionGroup var progressOption: QuietOption

  /// The format asked for, or the one -o's extension implies.
  var resolvedFormat: TraceFormat {
    format ?? output.flatMap(TraceFormat.implied(by:)) ?? .jsonl
  }

  func run() throws {
    if weights.isGiven && loss != nil {
      throw CommandError(.usage, LossRound.withoutHead)
    }
    if weights.isGiven {
      try exportWeights()
      return
    }
    let source = try WalkthroughSource.resolve(model: model, lesson: lesson, preferLesson: false)
    var chapter: (title: String, chapter: Chapter)?
    var round: LossRound?
    var applied: [AppliedEdit] = []
    if case .lesson(let found) = source {
      let loaded = try found.adding(loss: loss, kernels: model.kernelsChoice)
      guard let number = loaded.only ?? (loaded.lesson.chapters.count == 1 ? 1 : nil) else {
        throw CommandError(
          .usage,
          "--chapter: \(loaded.file) has \(loaded.lesson.chapters.count) chapters and a log holds one; choose it with --chapter 1 … \(loaded.lesson.chapters.count)"
        )
      }
      chapter = (loaded.title(of: number), loaded.lesson.chapters[number - 1])
      if try loaded.loss(of: number) != nil {
        if edits.isEmpty {
          round = LossRound(loaded.run(number, kernel: model.rngKernel, kernels: model.kernels))
        } else {
          let whatIf = try edits.chapter(
            of: loaded, kernel: model.rngKernel, kernels: model.kernels)
          (round, applied) = (LossRound(whatIf.run), whatIf.applied)
        }
      }
    } else if let loss {
      // Checked before the output is opened, like every usage error.
      (round, applied) = try LossRound(model, words: try model.wordSource().all(), loss: loss)
        .applying(edits)
    }
    // The output is checked first: a doomed export should not compute anything.
    let file = try OutputFile.open(output)
    do {
      if let round {
        try write(
          round, source: chapter?.title ?? "ad-hoc model", seed: chapter == nil ? model.seed : nil,
          edits: applied, to: file)
      } else if let chapter {
        let (built, applied) = try edits.apply(
          to: chapter.chapter.makeModel(kernel: model.rngKernel, kernels: model.kernels))
        try write(
          built, .inline(chapter.chapter.words), source: chapter.title, seed: nil, edits: applied,
          to: file)
      } else {
        try export(to: file)
      }
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }

  /// A model from `--weights`: everything is read and checked before the output opens.
  private func exportWeights() throws {
    let (loaded, words, first) = try weights.loadChecked(
      model: model, lesson: lesson, edits: edits)
    let file = try OutputFile.open(output)
    do {
      try write(
        loaded.model, words, source: loaded.source, seed: nil, edits: loaded.applied,
        first: first, to: file)
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }

  /// Reads the words three times (vocabulary, header, events) rather than holding
  /// them, so memory stays flat however long the text.
  private func export(to file: OutputFile) throws {
    let words = try model.wordSource()
    var vocabulary: [String] = []
    var seen = Set<String>()
    let first = try words.eachWord { word in
      if seen.insert(word).inserted { vocabulary.append(word) }
    }
    seen = []
    let (built, applied) = try edits.apply(
      to: try model.build(vocabulary: vocabulary, origin: words.origin))
    try write(
      built, words, source: "ad-hoc model", seed: model.seed, edits: applied, first: first,
      to: file)
  }

  /// Streams the trace of `words` through `built` into `file` in the chosen format.
  /// A lesson chapter comes through here too, with its own model, words (`.inline`)
  /// and title as `source`, and a nil seed. An edited model (`--set`) records its
  /// edits and claims no seed (its parameters are no longer the seed's draws); its
  /// source says what it was edited from.
  func write(
    _ built: RNNModel, _ words: WordSource, source: String, seed: UInt64?,
    edits: [AppliedEdit] = [], first: WordSource.Pass? = nil, to file: OutputFile
  ) throws {
    let first = try first ?? words.eachWord { _ in }
    var source = source
    if !edits.isEmpty {
      let original = seed.map { "\(source), seed \($0)" } ?? source
      source = "what-if: \(EditOptions.banner(edits, from: original))"
    }
    let header = TraceHeader(
      model: built, words: [], seed: edits.isEmpty ? seed : nil, source: source, edits: edits)
    switch resolvedFormat {
    case .jsonl: try stream(JSONLinesEncoder(), built, header, words, first, file)
    case .csv: try stream(CSVEncoder(), built, header, words, first, file)
    case .chrome: try stream(ChromeTraceEncoder(), built, header, words, first, file)
    }
  }

  /// Writes the trace of one round with its loss and backward pass: the forward events,
  /// the loss events, then the backward events, encoded as they are computed.
  /// A what-if's round records its edits and claims no seed, as `write` does above.
  private func write(
    _ round: LossRound, source: String, seed: UInt64?, edits: [AppliedEdit],
    to file: OutputFile
  ) throws {
    var source = source
    if !edits.isEmpty {
      let original = seed.map { "\(source), seed \($0)" } ?? source
      source = "what-if: \(EditOptions.banner(edits, from: original))"
    }
    let header = TraceHeader(
      model: round.model, head: round.head, loss: round.learner.loss,
      words: round.learner.words, seed: edits.isEmpty ? seed : nil, source: source, edits: edits)
    switch resolvedFormat {
    case .jsonl: try write(round, JSONLinesEncoder(), header, file, helper: JSONLinesEncoder())
    case .csv: try write(round, CSVEncoder(), header, file)
    case .chrome: try write(round, ChromeTraceEncoder(), header, file)
    }
  }

  /// The loss and the backward pass keep no tensor per word (`keepingStates: false`), so
  /// memory stays flat however many words; with a second core the events are encoded
  /// there, as the forward pass's are; with a `helper` (`BatchingListener`) this thread
  /// encodes the batches that would wait for the encoder's.
  private func write<Encoder: TraceEncoder & SendableMetatype>(
    _ round: LossRound, _ encoder: Encoder, _ header: TraceHeader, _ file: OutputFile,
    helper: Encoder? = nil
  ) throws {
    var listener = EncodingListener(encoder: encoder, output: file)
    listener.begin(header)
    guard ProcessInfo.processInfo.activeProcessorCount > 1 else {
      var (written, _) = round.run(into: listener, keepingStates: false)
      try written.finish()
      return
    }
    let thread = EncoderThread(listener)
    defer { thread.cancel() }
    var (written, _) = round.run(
      into: BatchingListener(thread: thread, helper: helper), keepingStates: false)
    try written.finish()
  }

  private func stream<Encoder: TraceEncoder & SendableMetatype>(
    _ encoder: Encoder, _ built: RNNModel, _ header: TraceHeader, _ words: WordSource,
    _ first: WordSource.Pass, _ file: OutputFile
  ) throws {
    let changed = CommandError(
      .data,
      "\(words.origin): the file changed while it was read; export it again once it is complete")
    var listener = EncodingListener(encoder: encoder, output: file)
    listener.beginHeader(header)
    let second = try words.eachWord { listener.headerWord($0) }
    guard second == first else { throw changed }
    listener.endHeader()
    let progress = ProgressDisplay.standardError(
      "export", total: first.count, quiet: progressOption.quiet,
      writesStandardOutput: output == nil || output == "-")
    defer { progress.finish() }
    guard ProcessInfo.processInfo.activeProcessorCount > 1 else {
      try feed(listener, built, words, first, changed, progress)
      return
    }
    // With a second core, the events are encoded there while the model runs.
    let thread = EncoderThread(listener)
    defer { thread.cancel() }
    try feed(BatchingListener(thread: thread), built, words, first, changed, progress)
  }

  /// Runs the model over the words (their third reading) into `listener`, stopping at
  /// the first write error, then has it write the rest.
  private func feed<Listener: WritingListener>(
    _ listener: Listener, _ built: RNNModel, _ words: WordSource, _ first: WordSource.Pass,
    _ changed: CommandError, _ progress: ProgressDisplay
  ) throws {
    var run = RNNRun(model: built, listener: listener)
    var done = 0
    let third = try words.eachWord { word in
      guard built.index(of: word) != nil else { throw changed }
      _ = run.read(word)
      done += 1
      progress.update(done)
      if let failure = run.tracer.listener.failure { throw failure }
    }
    guard third == first else { throw changed }
    try run.tracer.listener.finish()
  }
}

extension TraceFormat: ExpressibleByArgument {}
