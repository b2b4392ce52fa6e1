import Testing

@testable import Model
@testable import TraceLog

/// The byte-level writers behind every encoder, against hand-written expectations.
@Suite struct ByteBufferTests {
  static func text(_ write: (inout ByteBuffer) -> Void) -> String {
    var buffer = ByteBuffer()
    write(&buffer)
    return String(decoding: buffer.bytes, as: UTF8.self)
  }

  @Test(arguments: [
    (0, "0"), (7, "7"), (10, "10"), (4096, "4096"), (-1, "-1"), (-305, "-305"),
    (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
  ])
  func decimalIntegers(value: Int, expected: String) {
    #expect(Self.text { $0.appendDecimal(value) } == expected)
  }

  @Test func stringsNeedingNoEscapeAreCopiedWhole() {
    #expect(Self.text { $0.appendJSON("W_h·h_2 + b_h") } == "\"W_h·h_2 + b_h\"")
    #expect(Self.text { $0.appendJSON("") } == "\"\"")
  }

  @Test func stringsWithQuotesBackslashesAndControlsAreEscaped() {
    #expect(
      Self.text { $0.appendJSON("a\"b\\c\nd\u{1B}[0m\u{7F}é") }
        == "\"a\\\"b\\\\c\\nd\\u001b[0m\\u007fé\"")
  }

  @Test func aCopiedRangeRepeatsWhatWasWritten() {
    let text = Self.text { buffer in
      buffer.append("x=")
      let start = buffer.count
      buffer.appendJSON(values: [1.5, -0.25])
      let range = start..<buffer.count
      buffer.append(" again ")
      buffer.appendCopy(of: range)
    }
    #expect(text == "x=[1.5,-0.25] again [1.5,-0.25]")
  }
}
