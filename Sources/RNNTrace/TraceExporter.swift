import Model
import TUI
import TraceLog

/// What the player's export key calls: the trace being played, written as JSON Lines
/// into a directory (the current one by default) under a name made from its title,
/// atomically. Returns the path written, for the status line; errors are one line.
enum TraceExporter {
  /// `source`, what the header says produced the trace, is the title unless given.
  static func export(
    _ trace: Trace, title: String, seed: UInt64? = nil, source: String? = nil,
    edits: [AppliedEdit] = [], directory: String = ".",
    loss: (head: PredictionHead, kind: LossKind)? = nil
  ) throws -> String {
    try export(
      PlayerTrace(trace), title: title, seed: seed, source: source, edits: edits,
      directory: directory, loss: loss)
  }

  /// A long text's trace is run again from its start into the file, its words and
  /// events written as they come, and a replayed log's read back from its file a word
  /// at a time: the export holds no more than the player does.
  static func export(
    _ trace: PlayerTrace, title: String, seed: UInt64? = nil, source: String? = nil,
    edits: [AppliedEdit] = [], directory: String = ".",
    loss: (head: PredictionHead, kind: LossKind)? = nil
  ) throws -> String {
    let path = (directory == "." ? "" : directory + "/") + fileName(for: title)
    let file = try OutputFile.open(path, option: "export")
    do {
      var listener = EncodingListener(encoder: JSONLinesEncoder(), output: file)
      if let long = trace.checkpointed {
        precondition(loss == nil, "a round with its loss is held whole")
        listener.beginHeader(
          TraceHeader(
            model: trace.model, words: [], seed: edits.isEmpty ? seed : nil,
            source: source ?? title, edits: edits))
        for word in trace.words { listener.headerWord(word) }
        listener.endHeader()
        long.replay(into: &listener)
        try listener.finish()
        try file.commit()
        return path
      }
      if trace.windowed != nil {
        // A replayed log: its events read back from the file a word at a time, as they
        // are written.
        precondition(loss == nil, "a round with its loss is held whole")
        listener.begin(
          TraceHeader(
            model: trace.model, words: Array(trace.words), seed: edits.isEmpty ? seed : nil,
            source: source ?? title, edits: edits))
        for event in trace.events { listener.receive(event) }
        try listener.finish()
        try file.commit()
        return path
      }
      let whole = trace.whole!
      if let loss {
        listener.begin(
          TraceHeader(
            model: whole.model, head: loss.head, loss: loss.kind, words: whole.words,
            seed: edits.isEmpty ? seed : nil, source: source ?? title, edits: edits))
      } else {
        listener.begin(
          TraceHeader(
            model: whole.model, words: whole.words, seed: edits.isEmpty ? seed : nil,
            source: source ?? title, edits: edits))
      }
      for event in whole.events { listener.receive(event) }
      try listener.finish()
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
    return path
  }

  /// A chapter the learner may have edited in the player (`whatIf`): its edits follow
  /// the command line's in the header, and the title says what-if, and from what. A
  /// round with its loss is written with the edited run's head.
  static func export(
    _ trace: PlayerTrace, whatIf: WhatIfRecord?, title: String, seed: UInt64? = nil,
    source: String? = nil, edits: [AppliedEdit] = [],
    loss: (head: PredictionHead, kind: LossKind)? = nil
  ) throws -> String {
    guard let whatIf else {
      return try export(
        trace, title: title, seed: seed, source: source, edits: edits, loss: loss)
    }
    let original = source ?? title
    let from = seed.map { "\(original), seed \($0)" } ?? original
    return try export(
      trace, title: "what-if: \(whatIf.description), from \(from)",
      seed: whatIf.applied.isEmpty && edits.isEmpty ? seed : nil, edits: edits + whatIf.applied,
      loss: loss.map { (whatIf.head ?? $0.head, $0.kind) })
  }

  /// `Lesson — chapter 2: The loop` → `lesson-chapter-2-the-loop.jsonl`: lower-case
  /// ASCII letters and digits, runs of anything else as one `-`, at most 60
  /// characters, so the name is safe in any shell and on any file system.
  static func fileName(for title: String, extension suffix: String = "jsonl") -> String {
    var name = ""
    for scalar in title.unicodeScalars {
      if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
        name.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
      } else if !name.isEmpty && !name.hasSuffix("-") {
        name += "-"
      }
      if name.count >= 60 { break }
    }
    while name.hasSuffix("-") { name.removeLast() }
    return (name.isEmpty ? "trace" : name) + "." + suffix
  }
}
