import Foundation
import Model

/// A learner's loss and backward pass, computed on a thread of its own and handed to the
/// verifier in batches as it asks for them: at most two batches are held, so a long
/// log's backward pass is checked in flat memory (the whole pass, vocabulary-sized
/// tensors and all, would take gigabytes).
///
/// The handle stops the thread when it goes (a verifier that found a difference stops
/// reading): the pass then runs on untraced to its end, and nothing waits for it.
final class BackwardStream {
  private let feed: Feed

  /// Starts `learner`'s backward pass, its events numbered on from `step`.
  init(_ learner: Learner, after step: Int) {
    let feed = Feed()
    self.feed = feed
    let thread = Thread {
      var trace = Tracer(listener: Feeder(feed: feed), step: step)
      _ = learner.backward(trace: &trace, keepingStates: false)
      trace.listener.flush()
      feed.finish()
    }
    thread.name = "rnntrace verifier backward"
    thread.start()
  }

  /// The next batch of events, in order; nil after the last.
  func next() -> [TraceEvent]? { feed.take() }

  deinit { feed.cancel() }

  /// The batches between the two threads. Every use of its state is under `condition`.
  fileprivate final class Feed: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[TraceEvent]] = []
    private var finished = false
    private var cancelled = false

    /// Waits while a batch is already waiting; false once the reader has gone.
    func put(_ batch: [TraceEvent]) -> Bool {
      condition.lock()
      defer { condition.unlock() }
      while !batches.isEmpty && !cancelled { condition.wait() }
      guard !cancelled else { return false }
      batches.append(batch)
      condition.broadcast()
      return true
    }

    func take() -> [TraceEvent]? {
      condition.lock()
      defer { condition.unlock() }
      while batches.isEmpty && !finished { condition.wait() }
      guard !batches.isEmpty else { return nil }
      condition.broadcast()
      return batches.removeFirst()
    }

    var isCancelled: Bool {
      condition.lock()
      defer { condition.unlock() }
      return cancelled
    }

    func finish() {
      condition.lock()
      defer { condition.unlock() }
      finished = true
      condition.broadcast()
    }

    func cancel() {
      condition.lock()
      defer { condition.unlock() }
      cancelled = true
      batches.removeAll()
      condition.broadcast()
    }
  }

  /// Gathers the pass's events into batches of at most 1,024 events or 2^18 values.
  private struct Feeder: TraceListener {
    let feed: Feed
    private var batch: [TraceEvent] = []
    private var values = 0
    private var stopped = false

    init(feed: Feed) { self.feed = feed }

    var isRecording: Bool { !stopped }

    mutating func receive(_ event: TraceEvent) {
      values += event.resultValue.count
      batch.append(event)
      if batch.count >= 1_024 || values >= 1 << 18 { flush() }
    }

    mutating func flush() {
      guard !batch.isEmpty, !stopped else { return }
      if !feed.put(batch) { stopped = true }
      batch = []
      values = 0
    }
  }
}
