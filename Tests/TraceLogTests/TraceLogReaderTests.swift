import Foundation
import TestSupport
import Testing

@testable import Model
@testable import TraceLog

/// Every kind of broken log gets one error that names its line and says what is
/// wrong, and the reader neither crashes nor hangs nor reads more than it must.
@Suite struct TraceLogReaderTests {
  /// Each fixture in Fixtures/bad-logs and the message it must give (written by
  /// hand from what is wrong with the file).
  static let badLogs: [(file: String, message: String)] = [
    ("empty.jsonl", "line 1: the file is empty; a trace log starts with a header line"),
    (
      "not-json.jsonl",
      "line 1: not valid JSON at column 1: expected '{' (a trace log's first line is a JSON object, its header), found 'h'"
    ),
    (
      "binary-garbage.png",
      "line 1: not valid JSON at column 1: expected '{' (a trace log's first line is a JSON object, its header), found byte 0x89"
    ),
    (
      "truncated-last-line.jsonl",
      "line 4: the file ends in the middle of this line (no newline after it): it was cut short"
    ),
    (
      "missing-header.jsonl",
      "line 1: expected the header, found \"type\":\"event\"; a trace log's first line is its header"
    ),
    (
      "no-type.jsonl",
      "line 1: no \"type\": expected the header, {\"type\":\"header\",\"format\":\"rnntrace\",…}"
    ),
    (
      "unknown-header.jsonl",
      "line 1: not an rnntrace log: \"format\" is \"otherformat\", expected \"rnntrace\""
    ),
    (
      "future-version.jsonl",
      "line 1: format version 2 is newer than this rnntrace reads (version 1); read it with a newer rnntrace"
    ),
    (
      "shapes-disagree.jsonl",
      "line 5: result: the shape [1, 2] holds 2 values, but \"values\" has 1"
    ),
    (
      "parameter-shape.jsonl",
      "line 1: the parameter \"w_e\" has shape [2, 2], but a linear model with 5 words, inputs 4 and hidden 1 needs [4, 1]"
    ),
    (
      "nan.jsonl",
      "line 6: NaN and Infinity at column 170 are not JSON; a trace log writes a non-finite value as null"
    ),
    ("infinity.jsonl", "line 6: result.values[0]: 1e39 is outside the float32 range"),
    ("null-parameter.jsonl", "line 1: parameters.h0.values[0]: expected a number, found null"),
    ("out-of-order.jsonl", "line 3: step 3 is out of order: expected step 2 after step 1"),
    ("invalid-utf8.jsonl", "line 2: the string at column 39 is not valid UTF-8"),
    (
      "unknown-op.jsonl",
      "line 9: \"op\" \"relu\" is not one of embedding, matmul_input, tanh_input, bias_input, matmul_hidden, bias_hidden, add, tanh, hidden_state, logits, loss"
    ),
    ("second-header.jsonl", "line 4: a second header; a log has one header, on line 1"),
    ("empty-line.jsonl", "line 4: empty line; expected an event"),
    ("deep-nesting.jsonl", "line 1: values nested more than 64 deep at column 74"),
    (
      "word-not-in-vocabulary.jsonl",
      "line 1: word 2 of \"words\", \"cow\", is not in the vocabulary, so it has no embedding"
    ),
  ]

  @Test func everyBadLogFixtureIsListed() throws {
    #expect(Set(try LogTestModels.fixtureNames(in: "bad-logs")) == Set(Self.badLogs.map(\.file)))
  }

  @Test(arguments: badLogs)
  func badLogGivesOneClearError(file: String, message: String) throws {
    let bytes = try LogTestModels.fixture(file, in: "bad-logs")
    #expect(LogTestModels.problem(bytes) == message)
    // The same with --no-verify: a malformed log is never played.
    #expect(LogTestModels.problem(bytes, verify: false) == message)
    // And whatever the chunks the bytes arrive in.
    #expect(LogTestModels.problem(bytes, chunkSize: 7) == message)
  }

  /// A good header, then 100 MB of one line, produced as it is read: the reader stops
  /// at the event lines' limit rather than holding the line.
  @Test func aHundredMegabyteEventLineIsRefusedAtTheLimit() throws {
    struct LongLine: ByteSource {
      var header: [UInt8]
      var remaining = 100_000_000
      mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !header.isEmpty {
          let n = min(buffer.count, header.count)
          buffer.copyBytes(from: header.prefix(n))
          header.removeFirst(n)
          return n
        }
        let n = min(buffer.count, remaining)
        buffer.baseAddress!.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "7"), count: n)
        remaining -= n
        return n
      }
    }
    let log = LogTestModels.jsonl(.linear)
    let header = Array(log.prefix(through: try #require(log.firstIndex(of: 0x0A))))
    // The line starts as an event would, then one string without end.
    var reader = TraceLogReader(LongLine(header: header + Array(#"{"word":""#.utf8)))
    _ = try reader.readHeader()
    #expect(
      throws: TraceLogError(
        line: 2,
        "longer than 67108864 bytes, the most an event line may hold; a trace log has no such line")
    ) {
      _ = try reader.nextEvent()
    }
  }

  /// `verify /dev/zero`: bytes without end and without a newline are refused at the
  /// first chunk, not read up to the header's 1 GiB limit.
  @Test func endlessZerosAreRefusedAtOnce() throws {
    struct Zeros: ByteSource {
      var read = 0
      mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        read += buffer.count
        return buffer.count
      }
    }
    var reader = TraceLogReader(Zeros())
    #expect(
      throws: TraceLogError(
        line: 1,
        "byte 1 of this line is a control byte (0x0), which a JSON line cannot hold: not a trace log"
      )
    ) {
      _ = try reader.readHeader()
    }
    // A header that starts well and then turns to binary is refused where it turns.
    var turning = Array(#"{"type":"header","words":["#.utf8)
    turning += Array(repeating: UInt8(ascii: " "), count: 100_000) + [0x01]
    turning += Array(repeating: 0, count: 100_000)
    var late = TraceLogReader(ByteArraySource(turning))
    #expect(
      throws: TraceLogError(
        line: 1,
        "byte 100027 of this line is a control byte (0x1), which a JSON line cannot hold: not a trace log"
      )
    ) {
      _ = try late.readHeader()
    }
  }

  /// A header that states a small model and then gives endless parameters is
  /// refused once they pass what such a model needs, not at the 1 GiB limit.
  @Test func parametersPastWhatTheSizesNeedAreRefused() throws {
    struct EndlessParameters: ByteSource {
      var start = Array(
        #"{"type":"header","inputs":2,"hidden":3,"vocabulary":["a","b"],"parameters":{"h0":{"shape":[1,3],"values":["#
          .utf8)
      var read = 0
      mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !start.isEmpty {
          let n = min(buffer.count, start.count)
          buffer.copyBytes(from: start.prefix(n))
          start.removeFirst(n)
          return n
        }
        let digits = Array("0.5,".utf8)
        for i in 0..<buffer.count { buffer[i] = digits[i % 4] }
        read += buffer.count
        #expect(read < 1 << 20, "read on past the budget")
        if read >= 1 << 20 { return 0 }
        return buffer.count
      }
    }
    // 2 words × 2 + 3 × 2 + 3 × 3 + 3 × 3 values, and a head of 2 × 3 + 2: 36, so
    // 2 × (16 × 36 + 1024) bytes.
    var reader = TraceLogReader(EndlessParameters())
    #expect(
      throws: TraceLogError(
        line: 1,
        #""parameters" runs past 3200 bytes, more than a model of 2 words, inputs 2 and hidden 3 needs; a trace log has no such header"#
      )
    ) {
      _ = try reader.readHeader()
    }
  }

  @Test func smallerLimitsAreHonoured() throws {
    let log = LogTestModels.jsonl(.linear)
    var reader = TraceLogReader(ByteArraySource(log), maxHeaderBytes: 100)
    #expect(
      throws: TraceLogError(
        line: 1,
        "longer than 100 bytes, the most a header line may hold; a trace log has no such line")
    ) {
      _ = try reader.readHeader()
    }
    // The header has its own limit: a header far longer than an event line may be reads.
    var events = TraceLogReader(ByteArraySource(log), maxLineBytes: 100)
    let header = try events.readHeader()
    #expect(header.words.isEmpty == false)
    #expect(
      throws: TraceLogError(
        line: 2,
        "longer than 100 bytes, the most an event line may hold; a trace log has no such line")
    ) {
      _ = try events.nextEvent()
    }
  }

  @Test(arguments: Variant.allCases)
  func goodLogReadsBackEveryEventExactly(variant: Variant) throws {
    let trace = LogTestModels.trace(variant)
    let log = LogTestModels.jsonl(variant)
    for chunkSize in [1, 3, 64, 1 << 16] {
      var reader = TraceLogReader(ByteArraySource(log, chunkSize: chunkSize))
      let header = try reader.readHeader()
      #expect(
        header == TraceHeader(model: trace.model, words: trace.words, seed: 3, source: "test"))
      var logged: [LoggedEvent] = []
      while let event = try reader.nextEvent() { logged.append(event) }
      #expect(logged.count == trace.events.count)
      for (event, read) in zip(trace.events, logged) {
        #expect(read.line == event.step + 1)
        #expect(read.step == event.step && read.t == event.t && read.word == event.word)
        #expect(read.operation == event.operation && read.formula == event.formula)
        #expect(read.index == event.index)
        #expect(read.operands.map(\.name) == event.operands.map(\.name))
        #expect(read.operands.map(\.shape) == event.operands.map { Array($0.value.shape) })
        #expect(read.result.name == event.result.name)
        #expect(read.result.value.shape == event.result.value.shape)
        #expect(bits(read.result.value) == bits(event.result.value))
      }
    }
  }

  @Test func escapedStringsAndNullsDecode() throws {
    let fixture = try LogTestModels.fixture("lesson-linear.jsonl", in: "logs")
    let header = fixture.prefix(through: fixture.firstIndex(of: 0x0A)!)
    let line =
      #"{"type":"event","step":1,"t":1,"word":"\u00e9\ud83d\ude00\n\"\\\/","op":"hidden_state","formula":"h_1","operands":[],"result":{"name":"h_1","shape":[1],"values":[null]},"value":[null]}"#
    var reader = TraceLogReader(ByteArraySource(Array(header) + Array(line.utf8) + [0x0A]))
    _ = try reader.readHeader()
    let event = try #require(try reader.nextEvent())
    #expect(event.word == "é😀\n\"\\/")
    #expect(event.result.value.scalars.first?.isNaN == true)
    #expect(try reader.nextEvent() == nil)
  }

  @Test func aLoneSurrogateIsRefused() {
    let log = Array(#"{"type":"x\ud800"}"#.utf8) + [0x0A]
    #expect(LogTestModels.problem(log) == "line 1: a lone surrogate escape before column 17")
  }
}
