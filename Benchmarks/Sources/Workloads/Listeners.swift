import Model
import TraceLog

/// Counts events and drops them: what building an event costs, without keeping it.
public struct CountingListener: TraceListener {
  public var count = 0
  public init() {}
  public mutating func receive(_ event: TraceEvent) { count += 1 }
}

/// Encodes every event as `rnntrace export` does and throws the bytes away once a
/// chunk is full, so that only the encoder is measured, not a disk or a pipe.
public struct DiscardingEncoderListener<Encoder: TraceEncoder>: TraceListener {
  public var encoder: Encoder
  public var buffer = ByteBuffer(capacity: 1 << 20)
  /// Bytes encoded so far, including those discarded.
  public var bytes = 0

  public init(encoder: Encoder) { self.encoder = encoder }

  /// Like the command's encoding listeners: the encoders write no omitted values.
  public var readsOmittedValues: Bool { false }

  public mutating func begin(_ header: TraceHeader) {
    encoder.begin(header, into: &buffer)
    drainIfFull()
  }

  public mutating func receive(_ event: TraceEvent) {
    encoder.encode(event, into: &buffer)
    drainIfFull()
  }

  public mutating func finish() {
    encoder.end(into: &buffer)
    drain()
  }

  private mutating func drainIfFull() {
    if buffer.count >= 1 << 20 { drain() }
  }

  private mutating func drain() {
    bytes += buffer.count
    buffer.removeAll()
  }
}
