import Model
import TraceLog

/// Gathers the model's events into batches for an `EncoderThread`: one hand-over per
/// batch, not per event. A batch ends at `maxEvents` events or `maxValues` values,
/// whichever comes first, so a wide model's batches stay small in memory too.
///
/// With a `helper` (an encoder whose events' bytes do not depend on what it wrote
/// before: JSON Lines), a batch that would wait for a full queue is encoded here
/// instead, on the model's thread, and handed over as bytes: when the encoder's thread
/// is the slower, both cores format, and the bytes are the same whoever wrote them.
struct BatchingListener<Encoder: TraceEncoder & SendableMetatype>: WritingListener {
  static var maxEvents: Int { 1024 }
  static var maxValues: Int { 1 << 18 }

  let thread: EncoderThread<Encoder>
  private var helper: Encoder?
  /// Whether to encode the batch being sent here; by default, when the queue is full.
  private let encodesHere: (() -> Bool)?
  private var batch: [TraceEvent] = []
  private var values = 0
  /// The encoder's write error, seen when a batch was handed over; the run stops
  /// feeding words once it is set.
  private(set) var failure: Error?

  init(
    thread: EncoderThread<Encoder>, helper: Encoder? = nil, encodesHere: (() -> Bool)? = nil
  ) {
    self.thread = thread
    self.helper = helper
    self.encodesHere = encodesHere
    batch.reserveCapacity(Self.maxEvents)
  }

  /// The encoders write no values for an event that omits them: the model need not
  /// compute them.
  var readsOmittedValues: Bool { false }

  mutating func receive(_ event: consuming TraceEvent) {
    // An omitted result's stand-in is one tensor shared by every such event.
    if !event.omitsValues { values &+= event.resultValue.count }
    batch.append(event)
    if batch.count >= Self.maxEvents || values >= Self.maxValues { send() }
  }

  /// Hands over the last batch and waits for the encoder to write everything.
  mutating func finish() throws {
    send()
    if let failure { throw failure }
    try thread.finish()
  }

  private mutating func send() {
    guard failure == nil, !batch.isEmpty else { return }
    do {
      if helper != nil && (encodesHere?() ?? thread.isFull) {
        var bytes =
          thread.spareBuffer() ?? ByteBuffer(capacity: values &* 16 &+ batch.count &* 256)
        for event in batch { helper!.encode(event, into: &bytes) }
        try thread.send(.encoded(bytes))
      } else {
        try thread.send(.events(batch))
      }
    } catch {
      failure = error
    }
    batch = []
    batch.reserveCapacity(Self.maxEvents)
    values = 0
  }
}
