import Testing

@testable import Model

/// Names spelled from templates: the text the lesson writes, the same bytes whichever
/// way they are written, and equal to the same name given as text.
@Suite struct TraceNameTests {
  static let words = ["the", "dog", "jumped", "over", "a"]

  static func trace(_ variant: Variant) throws -> Trace {
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

  @Test func linearTanhNamesReadAsTheLessonWritesThem() throws {
    let events = try Self.trace(.linearTanh).events.filter { $0.t == 3 }
    #expect(
      events.map(\.formula) == [
        "e_3 = embedding[2]", "W_e·e_3", "W_e·e_3 + b_e", "W_h·h_2", "W_h·h_2 + b_h",
        "z_3 = (W_h·h_2 + b_h) + (W_e·e_3 + b_e)", "tanh(z_3)", "h_3",
      ])
    #expect(events[5].operands.map(\.name) == ["W_h·h_2 + b_h", "W_e·e_3 + b_e"])
    #expect(events[7].operands.map(\.name) == ["tanh(z_3)"])
    #expect(events.map(\.result.name).last == "h_3")
  }

  /// The longest template with the largest numbers still spells out in full.
  @Test func largeTimeStepsAreSpelledInFull() {
    let name = TraceName(.linearTanhSum, t: Int.max)
    let t = String(Int.max)
    let previous = String(Int.max - 1)
    #expect(name.string == "z_\(t) = (W_h·h_\(previous) + b_h) + (W_e·e_\(t) + b_e)")
    let lookup = TraceName(.embeddingLookup, t: Int.max, index: Int.min)
    #expect(lookup.string == "e_\(t) = embedding[\(Int.min)]")
  }
}
