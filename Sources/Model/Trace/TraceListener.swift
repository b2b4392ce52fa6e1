/// Receives the events of a running model.
///
/// Cells are generic over their listener, so a listener whose `isRecording` is false
/// compiles to the bare arithmetic: no event, no string, no copy is made. The run and
/// the cells are `@inlinable`, so that a listener from another module is specialized
/// too rather than called through its witness table on every operation.
public protocol TraceListener {
  /// Whether events should be built at all. Checked before an event is constructed.
  var isRecording: Bool { get }
  /// Called once per operation, in computation order. The event is handed over, so a
  /// listener that keeps it stores it without a copy.
  mutating func receive(_ event: consuming TraceEvent)
  /// Whether the listener reads the values of an event a log writes without them
  /// (`TraceEvent.omitsValues`). An encoder does not: the model then skips computing
  /// them, and such an event's result holds zeros of its shape.
  var readsOmittedValues: Bool { get }
}

extension TraceListener {
  @inlinable public var isRecording: Bool { true }
  @inlinable public var readsOmittedValues: Bool { true }
}

/// The listener for computing without tracing.
public struct NoTrace: TraceListener {
  @inlinable public init() {}
  @inlinable public var isRecording: Bool { false }
  @inlinable public mutating func receive(_ event: TraceEvent) {}
}

/// Keeps every event in memory (what the player and the tests use).
public struct TraceRecorder: TraceListener {
  @usableFromInline var recorded: [TraceEvent] = []

  public var events: [TraceEvent] { recorded }

  @inlinable public init() {}

  /// A recorder with room for `capacity` events before it grows.
  public init(reservingCapacity capacity: Int) {
    recorded.reserveCapacity(capacity)
  }

  @inlinable
  public mutating func receive(_ event: consuming TraceEvent) {
    // Start with room for a few words, rather than growing 1, 2, 4, … events at a time.
    if recorded.capacity == 0 { recorded.reserveCapacity(64) }
    recorded.append(event)
  }
}
