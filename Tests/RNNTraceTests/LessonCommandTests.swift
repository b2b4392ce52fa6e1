import Foundation
import Lesson
import Testing

/// The bundled lesson through the command, as a learner runs it.
@Suite struct LessonCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../LessonTests/Fixtures")

  /// Every number NUMBERS.md lists, read from the fixture's "printed" column.
  static let lessonNumbers: [String] = {
    let text = try! String(
      contentsOf: fixtures.appendingPathComponent("lesson/NUMBERS.md"), encoding: .utf8)
    var numbers: [String] = []
    for line in text.split(separator: "\n") where line.hasPrefix("| ") {
      let cells = line.split(separator: "|")
      guard cells.count >= 3 else { continue }
      numbers += cells[2].split(whereSeparator: { " ,/".contains($0) })
        .filter { Double($0) != nil }.map(String.init)
    }
    return numbers
  }()

  @Test func printWithNoArgumentsShowsEveryNumberOfTheLesson() throws {
    let result = try RNNTraceBinary.run(["print"])
    #expect(result.status == 0)
    #expect(Self.lessonNumbers.count >= 30)
    for number in Self.lessonNumbers {
      #expect(result.stdout.contains(number), "\(number) is missing from rnntrace print")
    }
    for chapter in 1...5 { #expect(result.stdout.contains("Chapter \(chapter): ")) }
  }

  @Test func chapterTwoExportedAsCSVHoldsTheLessonsHiddenStates() throws {
    let result = try RNNTraceBinary.run(["export", "--chapter", "2", "--format", "csv"])
    #expect(result.status == 0)
    let rows = result.stdout.split(separator: "\r\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let states = rows.filter { $0.count == 8 && $0[3] == "hidden_state" }
      .map { String(format: "%.4f", Double($0[7])!) }
    #expect(states == ["-1.4958", "-0.4856", "1.3492", "1.5714", "-1.3220"])
    let h0 = rows.first { $0.count == 8 && $0[4] == "h0" }.map {
      String(format: "%.4f", Double($0[7])!)
    }
    #expect(h0 == "-0.1117")
  }

  @Test func oneChapterPrintsAlone() throws {
    let result = try RNNTraceBinary.run(["print", "--chapter", "3"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Chapter 3: "))
    #expect(!result.stdout.contains("Chapter 2: "))
    #expect(result.stdout.contains("tanh_input"))
  }

  @Test(arguments: [
    (["print", "--chapter", "9"], Int32(64), "expected 1 … 6"),
    (["print", "--chapter", "0"], Int32(64), "chapter number"),
    (["export", "--lesson", "rnn-pytorch"], Int32(64), "--chapter"),
    (["print", "--chapter", "2", "--seed", "3"], Int32(64), "give one or the other"),
    (["print", "--lesson", "/no/such/lesson.yaml"], Int32(66), "no such file"),
  ])
  func lessonMistakesInTheCommandLine(arguments: [String], status: Int32, message: String) throws {
    let result = try RNNTraceBinary.run(arguments)
    #expect(result.status == status)
    #expect(result.stderr.contains(message))
    #expect(result.stderr.split(separator: "\n").count == 1)
  }

  @Test func editedCopyOfTheLessonOpensAndABrokenOneNamesItsLine() throws {
    let scratch = try ScratchDirectory()
    let bundled = try RNNTraceBinary.run(["lessons"])
    #expect(bundled.stdout.contains("rnn-pytorch"))
    let lesson = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../lessons/rnn-pytorch.yaml")
    var text = try String(contentsOf: lesson, encoding: .utf8)
    text = text.replacingOccurrences(
      of: "title: RNN Pytorch, one operation at a time", with: "title: My own copy")
    let copy = scratch.path("copy.yaml")
    try text.write(toFile: copy, atomically: true, encoding: .utf8)
    let good = try RNNTraceBinary.run(["print", "--lesson", copy, "--chapter", "1"])
    #expect(good.status == 0)
    #expect(good.stdout.hasPrefix("My own copy"))

    let broken = text.replacingOccurrences(of: "    inputs: 4\n", with: "    inputz: 4\n")
    try broken.write(toFile: copy, atomically: true, encoding: .utf8)
    let line =
      broken.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("inputz") }! + 1
    let bad = try RNNTraceBinary.run(["print", "--lesson", copy])
    #expect(bad.status == 65)
    #expect(bad.stdout.isEmpty)
    #expect(bad.stderr.contains("\(copy):\(line):5:"))
    #expect(bad.stderr.contains("inputz"))
  }
  /// `print --rng-kernel` draws a chapter's tensors with that kernel, as `export` does:
  /// chapter 2's E is a 20-value `randn`, which takes the block path, where the two
  /// kernels' arithmetic differs in the last bits (shown at 9 decimals).
  @Test func printedChapterTwoEmbeddingFollowsTheKernel() throws {
    var printed: [String: [Double]] = [:]
    for kernel in ["avx2", "generic"] {
      let export = try RNNTraceBinary.run(["export", "--chapter", "2", "--rng-kernel", kernel])
      #expect(export.status == 0)
      let header = export.stdout.prefix { $0 != "\n" }
      let object = try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any]
      let parameters = object?["parameters"] as? [String: Any]
      let embedding = parameters?["embedding.weight"] as? [String: Any]
      let exported = try #require(embedding?["values"] as? [Double])
      #expect(exported.count == 20)

      let print = try RNNTraceBinary.run([
        "print", "--chapter", "2", "--rng-kernel", kernel, "--precision", "9",
      ])
      #expect(print.status == 0)
      let values = Self.numbers(after: "embedding.weight (5×4)", in: print.stdout, count: 20)
      #expect(values.count == 20)
      for (shown, text) in zip(values, exported) {
        // The log's shortest decimal reads back to the float32; 9 decimals are that
        // float32 rounded once, within half a unit of the 9th.
        let value = Double(Float(text))
        #expect(abs(shown - value) <= 5.1e-10, "\(kernel): printed \(shown), exported \(text)")
      }
      printed[kernel] = values
    }
    #expect(printed["avx2"] != printed["generic"], "the kernels should draw a different E")
  }

  /// The first `count` decimal numbers printed after the line containing `label`.
  static func numbers(after label: String, in text: String, count: Int) -> [Double] {
    let lines = text.split(separator: "\n")
    guard let start = lines.firstIndex(where: { $0.contains(label) }) else { return [] }
    var numbers: [Double] = []
    for line in lines[(start + 1)...] {
      for token in line.split(whereSeparator: { " [],".contains($0) }) {
        if let value = Double(token) { numbers.append(value) }
        if numbers.count == count { return numbers }
      }
    }
    return numbers
  }
}
