import Foundation
import TestSupport
import Testing

@testable import Model
@testable import TraceLog

/// The CSV log holds every value once, in long form, and loads with Python's `csv`
/// module and pandas as it is.
@Suite struct CSVEncoderTests {
  static func csv(_ trace: Trace) -> [UInt8] {
    var encoder = CSVEncoder()
    return encoder.encode(trace, seed: 3, source: "test")
  }

  /// One row per parameter value and per result value.
  static func expectedRows(_ trace: Trace) -> Int {
    trace.model.parameters.map(\.value.count).reduce(0, +)
      + trace.events.map(\.result.value.count).reduce(0, +)
  }

  @Test(.enabled(if: pythonHas(), "python3 is not installed"), arguments: Variant.allCases)
  func pythonCSVReadsEveryValueExactly(variant: Variant) throws {
    let trace = LogTestModels.trace(variant)
    let file = try temporaryFile(Self.csv(trace), suffix: ".csv")
    defer { try? FileManager.default.removeItem(at: file) }
    // Python prints each hidden_state row back as float32 bits, in file order.
    let script = """
      import csv, struct, sys
      with open(sys.argv[1], newline="") as f:
          rows = list(csv.reader(f, strict=True))
      print(",".join(rows[0]))
      print(len(rows) - 1)
      for r in rows[1:]:
          if r[3] == "hidden_state":
              print(r[0], r[1], r[2], r[4], r[5], r[6], struct.unpack("<I", struct.pack("<f", float(r[7])))[0])
      """
    let result = try runPython(script, [file.path])
    #expect(result.status == 0, "\(result.output)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines[0] == "step,t,word,op,tensor,row,column,value")
    #expect(lines[1] == String(Self.expectedRows(trace)))
    var expected: [String] = []
    for event in trace.events where event.operation == .hiddenState {
      for (k, value) in event.result.value.scalars.enumerated() {
        expected.append(
          "\(event.step) \(event.t) \(event.word) \(event.result.name) 0 \(k) \(value.bitPattern)")
      }
    }
    #expect(Array(lines.dropFirst(2)) == expected)
  }

  @Test(.enabled(if: pythonHas(), "python3 is not installed"))
  func wordsThatNeedQuotingReadBackWhole() throws {
    let word = "a,\"b\"\r\nc"
    let base = LogTestModels.model(.linear)
    let model = RNNModel(
      vocabulary: [word, "dog", "cat"], embedding: base.embedding, h0: base.h0, cell: base.cell)
    let bytes = Self.csv(model.trace([word]))
    #expect(String(decoding: bytes, as: UTF8.self).contains("\"a,\"\"b\"\"\r\nc\""))
    let file = try temporaryFile(bytes, suffix: ".csv")
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
      import csv, sys
      with open(sys.argv[1], newline="") as f:
          rows = list(csv.reader(f, strict=True))
      words = {r[2] for r in rows[1:] if r[0] != "0"}
      print(repr(sorted(words)))
      """
    let result = try runPython(script, [file.path])
    #expect(result.output == "['a,\"b\"\\r\\nc']\n")
  }

  @Test(.enabled(if: pythonHas("pandas"), "pandas is not installed"))
  func pandasLoadsTheColumnsWithTheirTypes() throws {
    let trace = LogTestModels.trace(.linearTanh)
    let file = try temporaryFile(Self.csv(trace), suffix: ".csv")
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
      import sys, pandas as pd
      df = pd.read_csv(sys.argv[1], keep_default_na=False)
      print(len(df), list(df.columns))
      print(df["step"].dtype, df["row"].dtype, df["value"].dtype)
      h = df[(df.op == "hidden_state") & (df.t == 4)].sort_values("column")["value"].tolist()
      print(" ".join(repr(v) for v in h))
      """
    let result = try runPython(script, [file.path])
    #expect(result.status == 0, "\(result.output)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(
      lines[0]
        == "\(Self.expectedRows(trace)) ['step', 't', 'word', 'op', 'tensor', 'row', 'column', 'value']"
    )
    #expect(lines[1] == "int64 int64 float64")
    // pandas reads float64; each value is the float32 widened, so it rounds back exactly.
    let h4 = lines[2].split(separator: " ").map { Float(Double($0)!) }
    #expect(h4.map(\.bitPattern) == bits(trace.hiddenStates[4]))
  }

  @Test func nonFiniteValuesAreWrittenAsPythonReadsThem() {
    var out = ByteBuffer()
    var encoder = CSVEncoder()
    let event = TraceEvent(
      step: 1, t: 1, word: "w", operation: .add, formula: "z_1",
      operands: [],
      result: NamedTensor("z_1", Tensor(shape: [1, 3], scalars: [.infinity, -.infinity, .nan])))
    encoder.encode(event, into: &out)
    #expect(
      String(decoding: out.bytes, as: UTF8.self)
        == "1,1,w,add,z_1,0,0,inf\r\n1,1,w,add,z_1,0,1,-inf\r\n1,1,w,add,z_1,0,2,nan\r\n")
  }

  /// The lesson's loop (NUMBERS.md, chapter 1) as CSV: its hidden_state rows are the
  /// lesson's hidden states. The fixture's tensors are the lesson's printed 4-decimal
  /// values, not PyTorch's full ones, so h_t may move by a unit in the 4th decimal;
  /// hence the tolerance of 2e-4.
  @Test(.enabled(if: pythonHas(), "python3 is not installed"))
  func lessonLoopAsCSVHoldsTheLessonsHiddenStates() throws {
    let log = try LogTestModels.fixture("lesson-linear.jsonl", in: "logs")
    let loaded = try TraceLogLoader.load(ByteArraySource(log), verify: true)
    let file = try temporaryFile(Self.csv(loaded.trace), suffix: ".csv")
    defer { try? FileManager.default.removeItem(at: file) }
    let script = """
      import csv, sys
      with open(sys.argv[1], newline="") as f:
          print(" ".join(r[7] for r in csv.reader(f) if r[3] == "hidden_state"))
      """
    let result = try runPython(script, [file.path])
    let states = result.output.split(separator: " ").map {
      Double($0.trimmingCharacters(in: .whitespacesAndNewlines))!
    }
    let lesson = [-1.4958, -0.4856, 1.3492, 1.5714, -1.3220]
    #expect(states.count == lesson.count)
    for (state, printed) in zip(states, lesson) {
      #expect(abs(state - printed) <= 2e-4, "\(state) vs the lesson's \(printed)")
    }
  }
}
