import Model
import TraceLog

/// A listener that writes what it receives: it keeps its first write error, and
/// `finish()` writes the rest and throws that error.
protocol WritingListener: TraceListener {
  var failure: Error? { get }
  mutating func finish() throws
}

/// Encodes events as the model emits them and writes them out in chunks, so memory
/// stays flat however long the input is.
struct EncodingListener<Encoder: TraceEncoder>: WritingListener {
  var encoder: Encoder
  var buffer = ByteBuffer(capacity: 1 << 20)
  let output: OutputFile
  /// The first write error; the run stops feeding words once it is set.
  var failure: Error?

  init(encoder: Encoder, output: OutputFile) {
    self.encoder = encoder
    self.output = output
  }

  mutating func begin(_ header: TraceHeader) {
    encoder.begin(header, into: &buffer)
    flushIfFull()
  }

  mutating func beginHeader(_ header: TraceHeader) {
    encoder.beginHeader(header, into: &buffer)
    flushIfFull()
  }

  mutating func headerWord(_ word: String) {
    encoder.headerWord(word, into: &buffer)
    flushIfFull()
  }

  mutating func endHeader() {
    encoder.endHeader(into: &buffer)
    flushIfFull()
  }

  /// The encoders write no values for an event that omits them: the model need not
  /// compute them.
  var readsOmittedValues: Bool { false }

  mutating func receive(_ event: TraceEvent) {
    encoder.encode(event, into: &buffer)
    flushIfFull()
  }

  /// Encodes a batch of events in place: each is borrowed from the batch's storage, not
  /// copied out of it (a copy retains and releases each of its tensors).
  mutating func receive(batch: [TraceEvent]) {
    batch.withUnsafeBufferPointer { events in
      for i in events.indices { receive(events[i]) }
    }
  }

  /// Writes events another copy of the encoder wrote, after those written so far.
  mutating func receive(encoded bytes: ByteBuffer) {
    flush()
    guard failure == nil else { return }
    do {
      try bytes.withUnsafeBytes { try output.write($0) }
    } catch {
      failure = error
    }
  }

  mutating func finish() throws {
    encoder.end(into: &buffer)
    flush()
    if let failure { throw failure }
  }

  /// Writes at a quarter of a megabyte: the bytes are copied into the file while they
  /// are still in the processor's cache.
  private mutating func flushIfFull() {
    if buffer.count >= 1 << 18 { flush() }
  }

  private mutating func flush() {
    guard failure == nil, buffer.count > 0 else { return }
    do {
      try buffer.withUnsafeBytes { try output.write($0) }
    } catch {
      failure = error
    }
    buffer.removeAll()
  }
}
