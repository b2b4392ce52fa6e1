import Foundation
import Model
import TraceLog

/// Encodes and writes the model's events on a thread of its own, so that on two cores
/// the model computes the next words while the last ones are formatted: formatting is
/// most of an export's time (an (8, 16) model's 10,000 words took 0.13 s on one core).
///
/// Events come in batches through a queue of at most `capacity` batches, so the model
/// waits when the encoder falls behind and memory stays bounded. Events are values whose
/// tensors are never changed once shared, so handing them over copies nothing.
///
/// A batch may also come already encoded (`sendEncoded`): a model that would otherwise
/// wait for a full queue encodes its next batch itself, so both cores format.
///
/// Every use of the state below is under `condition`, except `listener`, which only the
/// thread touches once it has started (hence `@unchecked Sendable`).
final class EncoderThread<Encoder: TraceEncoder & SendableMetatype>: @unchecked Sendable {
  /// Batches waiting; two keep both sides busy without holding much.
  private let capacity = 2
  private let condition = NSCondition()
  private var queue: [Batch] = []
  /// Buffers of encoded batches already written, for the model's thread to fill again
  /// (a new one each time would cost its pages' faults again).
  private var spares: [ByteBuffer] = []
  private var closed = false
  private var cancelled = false
  private var done = false
  private var failure: Error?
  private var listener: EncodingListener<Encoder>

  /// Takes over `listener` (its encoder, its buffer and its file) and starts the thread.
  init(_ listener: EncodingListener<Encoder>) {
    self.listener = listener
    let thread = Thread { [self] in
      ProcessSignals.leaveToTheMainThread()
      run()
    }
    thread.name = "rnntrace encoder"
    thread.start()
  }

  /// Events to encode, or the bytes of events the model's thread encoded itself.
  enum Batch {
    case events([TraceEvent])
    case encoded(ByteBuffer)
  }

  /// Whether a batch sent now would wait for room in the queue.
  var isFull: Bool {
    condition.lock()
    defer { condition.unlock() }
    return queue.count >= capacity && failure == nil && !done
  }

  /// Queues a batch, waiting while the queue is full. Throws the encoder's write error,
  /// if it had one: the model should stop then.
  func send(_ batch: Batch) throws {
    condition.lock()
    defer { condition.unlock() }
    while queue.count >= capacity && failure == nil && !done { condition.wait() }
    if let failure { throw failure }
    queue.append(batch)
    condition.broadcast()
  }

  /// An emptied buffer of a batch already written, if there is one.
  func spareBuffer() -> ByteBuffer? {
    condition.lock()
    defer { condition.unlock() }
    return spares.popLast()
  }

  private func keepSpare(_ bytes: ByteBuffer) {
    var bytes = bytes
    bytes.removeAll()
    condition.lock()
    defer { condition.unlock() }
    if spares.count < capacity { spares.append(bytes) }
  }

  /// Waits until every batch is encoded and the format's ending written, then throws
  /// the write error, if any.
  func finish() throws {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
    while !done { condition.wait() }
    if let failure { throw failure }
  }

  /// Stops the thread without writing the rest (the export failed and its file is being
  /// discarded); returns once it has stopped. Does nothing after `finish()`.
  func cancel() {
    condition.lock()
    defer { condition.unlock() }
    guard !done else { return }
    cancelled = true
    closed = true
    queue.removeAll()
    condition.broadcast()
    while !done { condition.wait() }
  }

  private func run() {
    while let batch = next() {
      switch batch {
      // One access to `listener` a batch, not one an event: a class's stored property is
      // checked for exclusive access each time it is changed.
      case .events(let events): listener.receive(batch: events)
      case .encoded(let bytes):
        listener.receive(encoded: bytes)
        keepSpare(bytes)
      }
      if let error = listener.failure {
        stop(failing: error)
        return
      }
    }
    if isCancelled {
      stop(failing: nil)
      return
    }
    do {
      try listener.finish()
      stop(failing: nil)
    } catch {
      stop(failing: error)
    }
  }

  /// The next batch; nil once the queue is closed and empty.
  private func next() -> Batch? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty && !closed { condition.wait() }
    guard !queue.isEmpty else { return nil }
    condition.broadcast()
    return queue.removeFirst()
  }

  private var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }

  private func stop(failing error: Error?) {
    condition.lock()
    defer { condition.unlock() }
    failure = error
    done = true
    queue.removeAll()
    condition.broadcast()
  }
}
