import Foundation
import Lesson
import Model
import TUI
import Testing

@testable import RNNTrace

/// The player's export key: the trace being played, as JSON Lines, under a name
/// made from its title, that verifies.
@Suite struct TraceExporterTests {
  @Test(arguments: [
    ("Lesson — chapter 2: The loop", "lesson-chapter-2-the-loop.jsonl"),
    (
      "Ad-hoc model: linear, seed 12, inputs 4, hidden 1",
      "ad-hoc-model-linear-seed-12-inputs-4-hidden-1.jsonl"
    ),
    ("../../etc/passwd", "etc-passwd.jsonl"),
    ("日本語", "trace.jsonl"),
    (String(repeating: "a", count: 200), String(repeating: "a", count: 60) + ".jsonl"),
  ])
  func fileNameIsSafe(title: String, name: String) {
    #expect(TraceExporter.fileName(for: title) == name)
  }

  @Test func exportedTraceVerifies() throws {
    let scratch = try ScratchDirectory()
    let cell = LinearCell(
      wH: Tensor(shape: [1, 1], scalars: [-0.2138]),
      wE: Tensor(shape: [2, 1], scalars: [-1.378, 0.4515]))
    let model = RNNModel(
      vocabulary: ["a", "b"], embedding: Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]),
      h0: Tensor(shape: [1, 1], scalars: [-0.1117]), cell: cell)
    let trace = model.trace(["a", "b", "a"])
    let path = try TraceExporter.export(
      trace, title: "Chapter 1: the loop", directory: scratch.url.path)
    #expect(path == scratch.path("chapter-1-the-loop.jsonl"))
    #expect(try scratch.contents() == ["chapter-1-the-loop.jsonl"])
    let verify = try RNNTraceBinary.run(["verify", path])
    #expect(verify.status == 0, "\(verify.stderr)")
    // Exporting again replaces the file whole.
    _ = try TraceExporter.export(trace, title: "Chapter 1: the loop", directory: scratch.url.path)
    #expect(try scratch.contents() == ["chapter-1-the-loop.jsonl"])
  }

  /// A long text's chapter is exported by running it again from its start, not from
  /// events held: the file is byte for byte the one its whole trace writes.
  @Test func aLongTextsExportIsTheWholeTracesByteForByte() throws {
    let scratch = try ScratchDirectory()
    let vocabulary = ["the", "dog", "jumped", "over"]
    let words = (0..<50).map { vocabulary[$0 * 5 % 4] }
    let model = try ModelSpec(variant: .rawTanh, seed: 5, inputs: 3, hidden: 2, words: vocabulary)
      .build()
    let whole = try TraceExporter.export(
      model.trace(words), title: "whole", seed: 5, directory: scratch.url.path)
    let rows = words.map { Int32(model.index(of: $0)!) }
    let long = try TraceExporter.export(
      PlayerTrace(model: model, rows: rows, interval: 6), title: "long", seed: 5,
      source: "whole", directory: scratch.url.path)
    let a = try Data(contentsOf: URL(fileURLWithPath: whole))
    let b = try Data(contentsOf: URL(fileURLWithPath: long))
    #expect(a.count > 10_000)
    #expect(a == b)
  }

  @Test func exportIntoAReadOnlyDirectoryIsOneLine() throws {
    let scratch = try ScratchDirectory()
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o555], ofItemAtPath: scratch.url.path)
    defer {
      try? FileManager.default.setAttributes(
        [.posixPermissions: 0o755], ofItemAtPath: scratch.url.path)
    }
    let model = RNNModel(
      vocabulary: ["a"], embedding: Tensor(shape: [1, 1], scalars: [1]),
      h0: Tensor(shape: [1, 1], scalars: [0]),
      cell: LinearCell(
        wH: Tensor(shape: [1, 1], scalars: [1]), wE: Tensor(shape: [1, 1], scalars: [1])))
    #expect {
      _ = try TraceExporter.export(model.trace(["a"]), title: "x", directory: scratch.url.path)
    } throws: { error in
      "\(error)".contains("not writable") && !"\(error)".contains("\n")
    }
  }
}
