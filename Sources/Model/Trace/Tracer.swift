/// Numbers the events of one run and passes them to a listener.
///
/// Cells emit their events with name templates, so that nothing of an event is
/// spelled out when it is built; a cell from outside this module emits with text names
/// through `emit(_:_:operands:result:_:index:)`, whose autoclosures are not evaluated
/// when the listener is not recording.
public struct Tracer<Listener: TraceListener> {
  public var listener: Listener
  @usableFromInline var lastStep: Int
  /// The time step being computed.
  public var t: Int = 0
  /// The word being read.
  public var word: String = ""
  /// Whose kernels the cells' products and tanh follow (`RNNModel.kernels`).
  public var kernels: KernelFamily

  @inlinable
  public init(listener: Listener, step: Int = 0, kernels: KernelFamily = .amd) {
    self.listener = listener
    self.lastStep = step
    self.kernels = kernels
  }

  /// The step number of the last event emitted.
  @inlinable public var step: Int { lastStep }

  /// Whether events are wanted: a cell names its tensors only when they are.
  @inlinable
  public var isRecording: Bool { listener.isRecording }

  public mutating func emit(
    _ operation: Operation, _ formula: @autoclosure () -> String,
    operands: @autoclosure () -> [NamedTensor], result name: @autoclosure () -> String,
    _ value: Tensor, index: Int? = nil
  ) {
    guard listener.isRecording else { return }
    lastStep += 1
    listener.receive(
      TraceEvent(
        step: lastStep, t: t, word: word, operation: operation, formula: formula(),
        operands: operands(), result: NamedTensor(name(), value), index: index))
  }

  /// An event of this module's cells: its names are the templates, filled in with `t`.
  @inlinable @inline(__always)
  mutating func emit(
    _ operation: Operation, _ templates: EventTemplates, _ first: Tensor, _ second: Tensor?,
    result value: Tensor, index: Int? = nil
  ) {
    guard listener.isRecording else { return }
    lastStep += 1
    listener.receive(
      TraceEvent(
        step: lastStep, t: t, word: word, operation: operation, index: index,
        names: .templates(templates), first: first, second: second,
        operandCount: templates.second == .none ? 1 : 2, result: value))
  }
}
