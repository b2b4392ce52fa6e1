import Foundation
import TestSupport
import Testing
import TraceLog

@testable import Lesson
@testable import Model

/// Every number of the lesson page (`Fixtures/lesson/NUMBERS.md`), computed here
/// from the lesson's seeds with the generator and the cells, and compared at the 4
/// decimals the lesson prints.
@Suite struct LessonNumbersTests {
  /// name → the printed numbers, read from the fixture's table.
  static let printed: [String: [String]] = {
    let url = Bundle.module.url(
      forResource: "NUMBERS", withExtension: "md", subdirectory: "Fixtures/lesson")!
    let text = try! String(contentsOf: url, encoding: .utf8)
    var table: [String: [String]] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count >= 3, cells[0] != "name", !cells[0].hasPrefix("-") else { continue }
      let numbers = cells[2].split(whereSeparator: { " ,/".contains($0) })
        .filter { Double($0) != nil }.map(String.init)
      table[cells[0]] = numbers
    }
    return table
  }()

  static func fourDecimals(_ values: [Float]) -> [String] {
    values.map { String(format: "%.4f", Double($0)) }
  }

  /// The lesson's tensors, drawn in the lesson's order.
  struct Lesson {
    var e1: Tensor
    var h0: Tensor
    var wH: Tensor
    var wE: Tensor
    var E: Tensor

    init() {
      var rng = TorchGenerator(seed: 15)
      e1 = rng.randn([4, 1])
      rng.manualSeed(13)
      h0 = rng.randn([1, 1])
      // The notebook ran its `E = randn(4, 5)` cell twice: E is the second draw.
      _ = rng.randn([4, 5])
      E = rng.randn([4, 5])
      rng.manualSeed(12)
      wH = rng.randn([1, 1])
      wE = rng.randn([4, 1])
    }
  }

  @Test func tableHasEveryRow() {
    #expect(
      Set(Self.printed.keys).isSuperset(of: [
        "e_1", "h_0", "w_h", "w_e", "one step", "E", "first embedding product",
        "hidden states of the loop",
      ]))
  }

  @Test func drawnTensors() {
    let lesson = Lesson()
    #expect(Self.fourDecimals(lesson.e1.scalars) == Self.printed["e_1"])
    #expect(Self.fourDecimals(lesson.h0.scalars) == Self.printed["h_0"])
    #expect(Self.fourDecimals(lesson.wH.scalars) == Self.printed["w_h"])
    #expect(Self.fourDecimals(lesson.wE.scalars) == Self.printed["w_e"])
    #expect(Self.fourDecimals(lesson.E.scalars) == Self.printed["E"])
  }

  @Test func oneStepOfTheHypothesisFunction() {
    let lesson = Lesson()
    let cell = LinearCell(wH: lesson.wH, wE: lesson.wE)
    let model = RNNModel(
      vocabulary: ["dog"], embedding: lesson.e1.transposed(), h0: lesson.h0, cell: cell)
    let h1 = model.hiddenStates(for: ["dog"])[1]
    #expect(Self.fourDecimals(h1.scalars) == Self.printed["one step"])
  }

  @Test func sentenceOverTheColumnsOfE() {
    let lesson = Lesson()
    let words = ["the", "dog", "jumped", "over", "a"]
    let model = RNNModel(
      vocabulary: words, embedding: lesson.E.transposed(), h0: lesson.h0,
      cell: LinearCell(wH: lesson.wH, wE: lesson.wE))
    let trace = model.trace(words)
    let firstProduct = trace.events.first { $0.operation == .matmulInput }!
    #expect(
      Self.fourDecimals(firstProduct.result.value.scalars)
        == Self.printed["first embedding product"]
    )
    #expect(
      Self.fourDecimals(trace.hiddenStates.flatMap(\.scalars))
        == Self.printed["hidden states of the loop"])
  }

  /// The lesson's loop drawn from the lesson's seeds, as CSV, read by Python: its
  /// hidden_state rows print as NUMBERS.md prints the hidden states.
  @Test(.enabled(if: pythonHas(), "python3 is not installed"))
  func lessonLoopFromItsSeedsAsCSVHoldsNUMBERS() throws {
    let lesson = Lesson()
    let words = ["the", "dog", "jumped", "over", "a"]
    let model = RNNModel(
      vocabulary: words, embedding: lesson.E.transposed(), h0: lesson.h0,
      cell: LinearCell(wH: lesson.wH, wE: lesson.wE))
    var encoder = CSVEncoder()
    let csv = encoder.encode(model.trace(words), seed: 3, source: "test")
    let file = try temporaryFile(csv, suffix: ".csv")
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
      import csv, sys
      with open(sys.argv[1], newline="") as f:
          print(" ".join("%.4f" % float(r[7]) for r in csv.reader(f) if r[3] == "hidden_state"))
      """
    let result = try runPython(script, [file.path])
    let printed = try #require(Self.printed["hidden states of the loop"])
    // NUMBERS.md lists h_0 first; the CSV holds the states the loop computes.
    #expect(result.output == printed.dropFirst().joined(separator: " ") + "\n")
  }
}
