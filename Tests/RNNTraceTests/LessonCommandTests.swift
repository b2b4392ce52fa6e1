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
    (["print", "--chapter", "9"], Int32(64), "expected 1 … 5"),
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
}
