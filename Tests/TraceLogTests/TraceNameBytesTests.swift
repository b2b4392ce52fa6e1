import Testing
import TraceLog

@testable import Model

/// Names spelled from templates into an encoder's buffer: the bytes of their text, and
/// equal to the same name given as text.
@Suite struct TraceNameBytesTests {
  static func trace(_ variant: Variant) throws -> Trace {
    let words = ["the", "dog", "jumped", "over", "a"]
    let spec = ModelSpec(variant: variant, seed: 3, inputs: 3, hidden: 2, words: words)
    return try spec.build().trace(words)
  }

  @Test(arguments: Variant.allCases)
  func everyNameWritesTheBytesOfItsString(variant: Variant) throws {
    for event in try Self.trace(variant).events {
      var names = [event.formulaName, event.result.label]
      names += (0..<event.operandCount).map { event.operand($0).label }
      for name in names {
        var buffer = ByteBuffer()
        name.write(into: &buffer)
        #expect(buffer.bytes == Array(name.string.utf8))
        #expect(name == TraceName(name.string))
      }
    }
  }

}
