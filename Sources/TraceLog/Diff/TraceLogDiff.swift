import Model

/// A log that could not be read while comparing: which of the two, and why.
public struct TraceLogDiffError: Error, Sendable {
  /// true for the first log (A), false for the second (B).
  public let inA: Bool
  /// A `TraceLogError` or an error of the byte source.
  public let underlying: any Error
}

/// Compares two JSON Lines logs read side by side, a time step of each at a time.
public enum TraceLogDiff {
  public static func compare<A: ByteSource, B: ByteSource>(_ a: A, _ b: B) throws(TraceLogDiffError)
    -> TraceComparison
  {
    var readerA = TraceLogReader(a)
    var readerB = TraceLogReader(b)
    let headerA = try side(true) { try readerA.readHeader() }
    let headerB = try side(false) { try readerB.readHeader() }
    var comparison = TraceComparison(headerA, headerB)
    var pendingA: LoggedEvent?
    var pendingB: LoggedEvent?
    while true {
      let wordA = try side(true) { try nextWord(&readerA, &pendingA) }
      let wordB = try side(false) { try nextWord(&readerB, &pendingB) }
      if wordA.isEmpty && wordB.isEmpty { break }
      comparison.compare(wordA, wordB)
    }
    return comparison
  }

  /// The events of the next time step: up to its hidden state, or until t changes.
  private static func nextWord<S: ByteSource>(
    _ reader: inout TraceLogReader<S>, _ pending: inout LoggedEvent?
  ) throws -> [LoggedEvent] {
    var events: [LoggedEvent] = []
    if let first = pending {
      events.append(first)
      pending = nil
      if first.operation == .hiddenState { return events }
    }
    while let event = try reader.nextEvent() {
      if let t = events.first?.t, event.t != t {
        pending = event
        return events
      }
      events.append(event)
      if event.operation == .hiddenState { return events }
    }
    return events
  }

  private static func side<T>(_ inA: Bool, _ body: () throws -> T) throws(TraceLogDiffError) -> T {
    do {
      return try body()
    } catch {
      throw TraceLogDiffError(inA: inA, underlying: error)
    }
  }
}
