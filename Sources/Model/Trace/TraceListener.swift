/// Receives the events of a running model.
///
/// Cells are generic over their listener, so a listener whose `isRecording` is false
/// compiles to the bare arithmetic: no event, no string, no copy is made.
public protocol TraceListener {
  /// Whether events should be built at all. Checked before an event is constructed.
  var isRecording: Bool { get }
  /// Called once per operation, in computation order.
  mutating func receive(_ event: TraceEvent)
}

extension TraceListener {
  public var isRecording: Bool { true }
}

/// The listener for computing without tracing.
public struct NoTrace: TraceListener {
  public init() {}
  @inlinable public var isRecording: Bool { false }
  @inlinable public mutating func receive(_ event: TraceEvent) {}
}

/// Keeps every event in memory (what the player and the tests use).
public struct TraceRecorder: TraceListener {
  public private(set) var events: [TraceEvent] = []
  public init() {}
  public mutating func receive(_ event: TraceEvent) { events.append(event) }
}

/// Hands each event to a closure (what streaming encoders use).
public struct TraceSink: TraceListener {
  let body: (TraceEvent) -> Void
  public init(_ body: @escaping (TraceEvent) -> Void) { self.body = body }
  public mutating func receive(_ event: TraceEvent) { body(event) }
}

/// Numbers the events of one run and passes them to a listener.
///
/// Cells call `emit` with an autoclosure for the operands and formula, so nothing of
/// the event is built when the listener is not recording.
public struct Tracer<Listener: TraceListener> {
  public var listener: Listener
  /// The step number of the last event emitted.
  public private(set) var step: Int
  /// The time step being computed.
  public var t: Int = 0
  /// The word being read.
  public var word: String = ""

  public init(listener: Listener, step: Int = 0) {
    self.listener = listener
    self.step = step
  }

  /// Whether events are wanted: a cell names its tensors only when they are.
  @inline(__always)
  public var isRecording: Bool { listener.isRecording }

  @inline(__always)
  public mutating func emit(
    _ operation: Operation, _ formula: @autoclosure () -> String,
    operands: @autoclosure () -> [NamedTensor], result name: @autoclosure () -> String,
    _ value: Tensor, index: Int? = nil
  ) {
    guard listener.isRecording else { return }
    step += 1
    listener.receive(
      TraceEvent(
        step: step, t: t, word: word, operation: operation, formula: formula(),
        operands: operands(), result: NamedTensor(name(), value), index: index))
  }
}
