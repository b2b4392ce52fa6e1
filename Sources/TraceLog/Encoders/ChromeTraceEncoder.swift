import Model

/// The Trace Event Format that Perfetto (ui.perfetto.dev) and chrome://tracing open
/// (`docs/trace-format.md`): a JSON object whose `traceEvents` hold
///
/// - one complete event (`"ph":"X"`) per operation on the "operations" track, one
///   step lasting 1 ms of synthetic time, with the operation's formula, operands,
///   shape and values in `args`;
/// - one complete event per word on the "words" track above it, spanning that word's
///   operations, so the operations read grouped by word;
/// - a counter (`"ph":"C"`) per hidden neuron, `h[0]`, `h[1]`, …, set at each
///   `hidden_state`;
/// - metadata events (`"ph":"M"`) that name the process and the two tracks.
///
/// A trace with a backward pass (a header with `loss`) has a third track, "backward",
/// below the operations: the backward pass's events go there, and a counter `|dL/dh|`
/// is set at each dL/dh_t, so the gradient's fading reads as a curve.
///
/// Every event carries `name`, `ph`, `ts`, `pid` and `tid`, metadata included, so
/// that a reader may rely on them.
public struct ChromeTraceEncoder: TraceEncoder {
  /// Synthetic time per step, in the format's microseconds.
  public static let stepMicroseconds = 1000
  static let process = 1
  static let wordTrack = 1
  static let operationTrack = 2
  static let backwardTrack = 3

  /// The word being read, its time step and the `ts` of its first operation; its
  /// slice is written when the word ends, as only then is its length known.
  private var openWord: (t: Int, word: String, start: Int, steps: Int)?
  private var isFirstEvent = true
  private var repeatedValues = RepeatedValues()

  public init() {}

  public mutating func beginHeader(_ header: TraceHeader, into out: inout ByteBuffer) {
    out.append("{\"displayTimeUnit\":\"ms\",\"otherData\":{")
    out.appendJSONModelSummary(of: header)
    out.append("},\"traceEvents\":[")
    metadata("process_name", track: Self.wordTrack, value: "rnntrace: \(header.source)", &out)
    metadata("thread_name", track: Self.wordTrack, value: "words", &out)
    metadata("thread_name", track: Self.operationTrack, value: "operations", &out)
    sortIndex(track: Self.wordTrack, 0, &out)
    sortIndex(track: Self.operationTrack, 1, &out)
    if header.loss != nil {
      metadata("thread_name", track: Self.backwardTrack, value: "backward", &out)
      sortIndex(track: Self.backwardTrack, 2, &out)
    }
  }

  public mutating func encode(_ event: TraceEvent, into out: inout ByteBuffer) {
    let ts = (event.step - 1) * Self.stepMicroseconds
    if let open = openWord, open.t != event.t {
      closeWord(&out)
    }
    if openWord == nil {
      openWord = (event.t, event.word, ts, 0)
    }
    openWord?.steps += 1

    startEvent(&out)
    let named = event.result
    let result = named.value
    // One bound for the whole event, so its pieces are written without checks: the
    // constant pieces (144 bytes), six numbers, the strings, the values.
    let bound =
      160 + 6 * ByteWriter.decimalBound + ByteWriter.bound(ofJSON: event.operation.rawValue)
      + ByteWriter.bound(ofJSON: event.word) + ByteWriter.bound(ofName: named.label)
      + ByteWriter.bound(ofShape: result.shape)
      + ByteWriter.bound(ofValues: event.omitsValues ? 0 : result.count)
      + ByteWriter.bound(ofFormulaAndOperands: event)
    let backward = event.pass == .backward
    out.write(atMost: bound) { out in
      out.literal("{\"name\":")
      out.string(event.operation.rawValue)
      out.literal(
        backward
          ? ",\"cat\":\"backward\",\"ph\":\"X\",\"ts\":"
          : ",\"cat\":\"operation\",\"ph\":\"X\",\"ts\":")
      out.decimal(ts)
      out.literal(",\"dur\":")
      out.decimal(Self.stepMicroseconds)
      out.literal(",\"pid\":")
      out.decimal(Self.process)
      out.literal(",\"tid\":")
      out.decimal(backward ? Self.backwardTrack : Self.operationTrack)
      out.literal(",\"args\":{\"step\":")
      out.decimal(event.step)
      out.literal(",\"t\":")
      out.decimal(event.t)
      out.literal(",\"word\":")
      out.string(event.word)
      out.formulaAndOperands(of: event)
      out.literal(",\"result\":")
      out.name(named.label)
      out.literal(",\"shape\":")
      out.shape(result.shape)
      if !event.omitsValues {
        out.literal(",\"values\":")
        repeatedValues.write(result.scalars, to: &out)
      }
      out.literal("}}")
    }

    if backward && event.operation == .hiddenState {
      // ‖dL/dh_t‖, summed in double: a curve, not a value to check bits against.
      let norm = Float(result.scalars.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot())
      guard norm.isFinite else { return }
      startEvent(&out)
      out.append(literal: "{\"name\":\"|dL/dh|\",\"cat\":\"gradient\",\"ph\":\"C\",\"ts\":")
      out.appendDecimal(ts)
      out.append(literal: ",\"pid\":")
      out.appendDecimal(Self.process)
      out.append(literal: ",\"tid\":")
      out.appendDecimal(Self.backwardTrack)
      out.append(literal: ",\"args\":{\"value\":")
      out.appendJSON(norm)
      out.append(literal: "}}")
    } else if event.operation == .hiddenState {
      // The values' text was just written: each counter copies its element's.
      let written = repeatedValues
      written.forEachElement { j, text in
        // A counter cannot hold a non-finite value; the gap shows where it overflowed.
        guard result.scalars[j].isFinite else { return }
        startEvent(&out)
        out.append(literal: "{\"name\":\"h[")
        out.appendDecimal(j)
        out.append(literal: "]\",\"cat\":\"hidden\",\"ph\":\"C\",\"ts\":")
        out.appendDecimal(ts)
        out.append(literal: ",\"pid\":")
        out.appendDecimal(Self.process)
        out.append(literal: ",\"tid\":")
        out.appendDecimal(Self.operationTrack)
        out.append(literal: ",\"args\":{\"value\":")
        out.append(bytesOf: text)
        out.append(literal: "}}")
      }
    }
  }

  public mutating func end(into out: inout ByteBuffer) {
    closeWord(&out)
    out.append("\n]}\n")
  }

  private mutating func closeWord(_ out: inout ByteBuffer) {
    guard let open = openWord else { return }
    openWord = nil
    startEvent(&out)
    out.append(literal: "{\"name\":")
    out.appendJSON("t=\(open.t) \(open.word)")
    out.append(literal: ",\"cat\":\"word\",\"ph\":\"X\",\"ts\":")
    out.appendDecimal(open.start)
    out.append(literal: ",\"dur\":")
    out.appendDecimal(open.steps * Self.stepMicroseconds)
    out.append(literal: ",\"pid\":")
    out.appendDecimal(Self.process)
    out.append(literal: ",\"tid\":")
    out.appendDecimal(Self.wordTrack)
    out.append(literal: ",\"args\":{\"t\":")
    out.appendDecimal(open.t)
    out.append(literal: ",\"word\":")
    out.appendJSON(open.word)
    out.append(literal: "}}")
  }

  private mutating func metadata(
    _ name: String, track: Int, value: String, _ out: inout ByteBuffer
  ) {
    startEvent(&out)
    out.append("{\"name\":\"\(name)\",\"ph\":\"M\",\"ts\":0,\"pid\":\(Self.process),\"tid\":")
    out.append(String(track))
    out.append(",\"args\":{\"name\":")
    out.appendJSON(value)
    out.append("}}")
  }

  private mutating func sortIndex(track: Int, _ index: Int, _ out: inout ByteBuffer) {
    startEvent(&out)
    out.append("{\"name\":\"thread_sort_index\",\"ph\":\"M\",\"ts\":0,\"pid\":\(Self.process),")
    out.append("\"tid\":\(track),\"args\":{\"sort_index\":\(index)}}")
  }

  /// Events go one to a line, so the file reads in a pager and diffs well.
  private mutating func startEvent(_ out: inout ByteBuffer) {
    out.append(literal: isFirstEvent ? "\n" : ",\n")
    isFirstEvent = false
  }
}
