/// Turns a trace into the bytes of one log format, a piece at a time: the header
/// first, then each event as the model emits it, then whatever closes the file.
public protocol TraceEncoder {
  mutating func begin(_ header: TraceHeader, into out: inout ByteBuffer)
  mutating func encode(_ event: TraceEvent, into out: inout ByteBuffer)
  mutating func end(into out: inout ByteBuffer)
}

extension TraceEncoder {
  public mutating func end(into out: inout ByteBuffer) {}

  /// The whole of a recorded trace in this format (for tests and small traces).
  public mutating func encode(_ trace: Trace, seed: UInt64?, source: String) -> [UInt8] {
    var out = ByteBuffer()
    begin(
      TraceHeader(model: trace.model, words: trace.words, seed: seed, source: source), into: &out)
    for event in trace.events { encode(event, into: &out) }
    end(into: &out)
    return out.bytes
  }
}
