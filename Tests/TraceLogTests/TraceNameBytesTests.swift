import Testing

@testable import Model
@testable import TraceLog

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

  /// A name written into the room an encoder reserves for it: runs are copied 16 bytes
  /// at a time past their end, which the bound leaves room for, whatever the lengths of
  /// the runs and the numbers.
  @Test func namesFitTheRoomTheirBoundReserves() {
    let templates: [NameTemplate] = [
      "z_t = (W_h·h_{t-1} + b_h) + (W_e·e_t + b_e)",
      "a run of more than thirty-two bytes before the hole: e_t", "_t", "[i]", "h_{t-1}", "x",
    ]
    for template in templates {
      for t in [1, 9, 10, 1_800, Int.max] {
        let name = TraceName(template, t: t, index: t)
        let text = Array(name.string.utf8)
        #expect(name.spelledBound >= text.count + 16)
        var buffer = ByteBuffer()
        buffer.append(UInt8(ascii: "["))
        buffer.write(atMost: ByteWriter.bound(ofName: name)) { $0.name(name) }
        #expect(
          buffer.bytes == [UInt8(ascii: "["), UInt8(ascii: "\"")] + text + [UInt8(ascii: "\"")])
      }
    }
  }
}
