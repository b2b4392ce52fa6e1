import Foundation
import Testing

/// Inputs at the edges: an empty output name, a lesson that is not a file, a
/// byte-order mark, bytes that are not UTF-8 on the command line.
@Suite struct InputEdgeTests {
  @Test func anEmptyOutputNameIsAUsageError() throws {
    let result = try RNNTraceBinary.run(["export", "-o", ""])
    #expect(result.status == 64)
    #expect(
      result.stderr
        == "rnntrace: error: -o \"\": an empty file name; give a path such as trace.jsonl, or - for standard output\n"
    )
  }

  @Test(arguments: ["/dev/null", "/dev/stdin", "fifo"])
  func aLessonThatIsNotARegularFileIsSaidSo(path: String) throws {
    let scratch = try ScratchDirectory()
    let fifo = scratch.path("fifo")
    #expect(mkfifo(fifo, 0o600) == 0)
    let given = path == "fifo" ? fifo : path
    let result = try RNNTraceBinary.run(["print", "--lesson", given])
    #expect(result.status == 66)
    #expect(result.stderr.hasPrefix("rnntrace: error: --lesson \(given): not a regular file"))
  }

  @Test func aByteOrderMarkIsNotPartOfTheFirstWord() throws {
    let scratch = try ScratchDirectory()
    let file = scratch.path("words.txt")
    try Data([0xEF, 0xBB, 0xBF] + Array("the dog the".utf8)).write(to: URL(fileURLWithPath: file))
    let fromFile = try RNNTraceBinary.run(["export", "--sentence-file", file])
    let inline = try RNNTraceBinary.run(["export", "--sentence", "the dog the"])
    #expect(fromFile.status == 0)
    #expect(fromFile.stdout == inline.stdout)
  }

  /// Invalid UTF-8 in --sentence is refused as in a file, with the byte; a U+FFFD
  /// typed as such is a character like any other.
  @Test func invalidUTF8InTheSentenceIsAnError() throws {
    let result = try RNNTraceBinary.run(
      through: "exec \"$0\" print --sentence \"$(printf 'caf\\351 x')\"", [])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("rnntrace: error: --sentence: byte 4 is not valid UTF-8"))
    let replacement = try RNNTraceBinary.run(["print", "--sentence", "a \u{FFFD} b"])
    #expect(replacement.status == 0)
  }
  /// Bytes without end are refused at the first chunk, not read to the header's limit.
  @Test func verifyRefusesDevZeroAtOnce() throws {
    let result = try RNNTraceBinary.run(["verify", "/dev/zero"])
    #expect(result.status == 65)
    #expect(
      result.stderr
        == "rnntrace: error: /dev/zero: line 1: byte 1 of this line is a control byte (0x0), which a JSON line cannot hold: not a trace log\n"
    )
  }
  /// A long header (a model of 256 × 256, 2 MB of parameters) still reads: the
  /// budget its sizes allow is not too tight.
  @Test func aLongHeaderVerifies() throws {
    let scratch = try ScratchDirectory()
    let log = scratch.path("wide.jsonl")
    let words = (0..<300).map { "w\($0)" }.joined(separator: " ")
    let exported = try RNNTraceBinary.run([
      "export", "--inputs", "256", "--hidden", "256", "--sentence", words, "-o", log,
    ])
    #expect(exported.status == 0, "\(exported.stderr)")
    let verified = try RNNTraceBinary.run(["verify", log])
    #expect(verified.status == 0, "\(verified.stderr)")
  }
}
