import Model

/// Turns a trace into the bytes of one log format, a piece at a time: the header
/// first, then each event as the model emits it, then whatever closes the file.
///
/// The header's words come one call at a time (`headerWord`) between `beginHeader`
/// and `endHeader`, so that an export of a long text never holds all of its words:
/// a streamed export passes a header whose `words` is empty and feeds them here.
public protocol TraceEncoder {
  /// Everything the format writes before the header's words.
  mutating func beginHeader(_ header: TraceHeader, into out: inout ByteBuffer)
  /// The next of the header's words, in reading order.
  mutating func headerWord(_ word: String, into out: inout ByteBuffer)
  /// The rest of the header, after its words.
  mutating func endHeader(into out: inout ByteBuffer)
  mutating func encode(_ event: TraceEvent, into out: inout ByteBuffer)
  mutating func end(into out: inout ByteBuffer)
}

extension TraceEncoder {
  public mutating func headerWord(_ word: String, into out: inout ByteBuffer) {}
  public mutating func endHeader(into out: inout ByteBuffer) {}
  public mutating func end(into out: inout ByteBuffer) {}

  /// The whole header, words included.
  public mutating func begin(_ header: TraceHeader, into out: inout ByteBuffer) {
    beginHeader(header, into: &out)
    for word in header.words { headerWord(word, into: &out) }
    endHeader(into: &out)
  }

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
