import Testing

@testable import Model

/// Names spelled from templates: the text the lesson writes, also for the largest
/// numbers (TraceNameBytesTests: the same bytes in an encoder's buffer).
@Suite struct TraceNameTests {
  static let words = ["the", "dog", "jumped", "over", "a"]

  static func trace(_ variant: Variant) throws -> Trace {
    let spec = ModelSpec(variant: variant, seed: 3, inputs: 3, hidden: 2, words: words)
    return try spec.build().trace(words)
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

  /// A template's holes are the lesson's subscripts t and t-1 and the row i; the same
  /// letters elsewhere in a name stay as they are.
  @Test func onlyTheSubscriptsAndTheRowAreFilledIn() {
    #expect(TraceName("h_{t-1}·w_to + e_t", t: 1).string == "h_0·w_to + e_1")
    #expect(TraceName("x_t_t·x[i][j]_t1", t: 4, index: 9).string == "x_t_4·x[9][j]_t1")
    #expect(TraceName("rnn.weight_ih_l0", t: 5).string == "rnn.weight_ih_l0")
    #expect(TraceName("_t", t: 2).string == "_2")
    #expect(TraceName("[i]", t: 2, index: -3).string == "[-3]")
  }

  /// The backward pass counts steps in words: `{t}` and `{t+1}` are holes anywhere;
  /// other braces stay as they are.
  @Test func stepNumbersInWordsAreFilledIn() {
    #expect(TraceName("dL/dh_t from step {t+1}", t: 4).string == "dL/dh_4 from step 5")
    #expect(TraceName("dL/dh_{t-1} from step {t}", t: 4).string == "dL/dh_3 from step 4")
    #expect(TraceName("{t+2} {x} {t-1} {t}{t+1}", t: 9).string == "{t+2} {x} {t-1} 910")
    let built = NameTemplate("dL/dh_t = dL/dh_t from step {t+1}")
    #expect(built.layout & NameTemplate.scanned == 0)
    #expect(TraceName(built, t: 99).string == "dL/dh_99 = dL/dh_99 from step 100")
  }

  /// A run of 512 bytes or more before a hole does not fit the packed form: the
  /// template is searched as it is written, and spells the same.
  @Test func aLongRunBeforeAHoleIsSearched() {
    let run = String(repeating: "x", count: 600)
    let template = NameTemplate(run + " {t+1} h_t")
    #expect(template.layout & NameTemplate.scanned != 0)
    #expect(TraceName(template, t: 6).string == run + " 7 h_6")
  }

  /// Up to four holes and 1,023 bytes are packed when a template is made; a template with
  /// more holes or bytes is searched as it is written, and spells the same.
  @Test func templatesBeyondThePackedFormSpellTheSame() {
    let five: NameTemplate = "a_t b_{t-1} c[i] d_t e_t"
    #expect(five.layout & NameTemplate.scanned != 0)
    #expect(TraceName(five, t: 7, index: 2).string == "a_7 b_6 c[2] d_7 e_7")
    let four: NameTemplate = "a_t b_{t-1} c[i] d_t"
    #expect(four.layout & NameTemplate.scanned == 0)
    #expect(TraceName(four, t: 7, index: 2).string == "a_7 b_6 c[2] d_7")
    let long = "e_t" + String(repeating: "·x", count: 400) + " = h_{t-1}"
    #expect(long.utf8.count > 1_023)
    let bytes = Array(long.utf8)
    bytes.withUnsafeBufferPointer { bytes in
      let template = NameTemplate(start: bytes.baseAddress!, count: bytes.count)
      #expect(template.layout & NameTemplate.scanned != 0)
      #expect(
        TraceName(template, t: 3).string == "e_3" + String(repeating: "·x", count: 400) + " = h_2")
    }
    let one: NameTemplate = "x"
    #expect(TraceName(one, t: 1).string == "x")
    #expect(one == "x" && five != four)
  }

  /// The longest template with the largest numbers still spells out in full.
  @Test func largeTimeStepsAreSpelledInFull() {
    let name = TraceName("z_t = (W_h·h_{t-1} + b_h) + (W_e·e_t + b_e)", t: Int.max)
    let t = String(Int.max)
    let previous = String(Int.max - 1)
    #expect(name.string == "z_\(t) = (W_h·h_\(previous) + b_h) + (W_e·e_\(t) + b_e)")
    let lookup = TraceName("e_t = embedding[i]", t: Int.max, index: Int.min)
    #expect(lookup.string == "e_\(t) = embedding[\(Int.min)]")
  }
}
