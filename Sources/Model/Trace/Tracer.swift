/// The context of a running model's operations: each operation computes its result and,
/// when the listener records, passes it on as an event numbered in computation order.
///
/// A cell calls one method per operation (`let z = trace.add(Self.sum, recurrent, input)`),
/// so that the events are the computation, in its order, by construction. Names are
/// recorded as templates (`NameTemplate`), spelled only when read, and an operation's
/// names (an autoclosure) are not even looked up unless the listener records. The arithmetic each
/// operation uses (which product order, which tanh) is chosen here, from `kernels`, so a
/// cell does not name it.
public struct Tracer<Listener: TraceListener> {
  public var listener: Listener
  @usableFromInline var lastStep: Int
  /// The time step being computed.
  public var t: Int = 0
  /// The word being read.
  public var word: String = ""
  /// The arithmetic the operations use.
  public let kernels: KernelFamily

  @inlinable
  public init(listener: Listener, step: Int = 0, kernels: KernelFamily = .amd) {
    self.listener = listener
    self.lastStep = step
    self.kernels = kernels
  }

  /// The step number of the last event emitted.
  @inlinable public var step: Int { lastStep }

  /// Whether events are wanted.
  @inlinable
  public var isRecording: Bool { listener.isRecording }

  /// `x·W`, `(1×k)·(k×n)`, each output summed in `kernels`' order (left to right on AMD).
  @inlinable @inline(__always)
  mutating func matmul(
    _ operation: @autoclosure () -> TracedOperation, _ x: borrowing TracedTensor,
    _ w: borrowing TracedTensor
  )
    -> TracedTensor
  {
    product(operation(), x, w, transposed: false)
  }

  /// `x·Wᵀ`, what `nn.Linear` computes before its bias, with a weight stored `[out, in]`;
  /// summed in the order of MKL's matrix-vector kernel for `kernels`.
  @inlinable @inline(__always)
  mutating func linear(
    _ operation: @autoclosure () -> TracedOperation, _ x: borrowing TracedTensor,
    _ w: borrowing TracedTensor
  )
    -> TracedTensor
  {
    product(operation(), x, w, transposed: true)
  }

  /// `x·Wᵀ` as one row of a product PyTorch takes for every word at once (nn.RNN's input
  /// product): on AMD, with at least `MKLGemm.minimumColumns` outputs, summed as MKL's
  /// matrix-matrix kernel sums each row (`MKLGemm`, which also needs four words or more);
  /// otherwise as `linear`.
  @inlinable @inline(__always)
  mutating func linearOverWords(
    _ operation: @autoclosure () -> TracedOperation, _ x: borrowing TracedTensor,
    _ w: borrowing TracedTensor
  )
    -> TracedTensor
  {
    guard kernels == .amd, w.value.rows >= MKLGemm.minimumColumns else {
      return product(operation(), x, w, transposed: true)
    }
    let value = x.value.gemmTransposed(w.value)
    guard listener.isRecording else { return TracedTensor(value, nil) }
    let operation = operation()
    record(operation, x.value, x.name!, w.value, w.name!, value, order: .mklGemm)
    return TracedTensor(value, operation.result)
  }

  /// `x·W` or `x·Wᵀ`, recorded with the order its sums were taken in.
  @inlinable @inline(__always)
  mutating func product(
    _ operation: @autoclosure () -> TracedOperation, _ x: borrowing TracedTensor,
    _ w: borrowing TracedTensor,
    transposed: Bool
  ) -> TracedTensor {
    let value =
      transposed
      ? x.value.matmulTransposed(w.value, family: kernels)
      : x.value.matmul(w.value, family: kernels)
    guard listener.isRecording else { return TracedTensor(value, nil) }
    let order: ProductOrder =
      switch (transposed, kernels == .amd) {
      case (false, true): .leftToRight
      case (false, false): .intelAVX512Gemm
      case (true, true): .mklGemv
      case (true, false): .intelAVX512Gemv
      }
    let operation = operation()
    record(operation, x.value, x.name!, w.value, w.name!, value, order: order)
    return TracedTensor(value, operation.result)
  }

  /// `a + b`, element-wise; a vector `b` is added to every row (a bias).
  @inlinable @inline(__always)
  mutating func add(
    _ operation: @autoclosure () -> TracedOperation, _ a: borrowing TracedTensor,
    _ b: borrowing TracedTensor
  )
    -> TracedTensor
  {
    let value = a.value + b.value
    guard listener.isRecording else { return TracedTensor(value, nil) }
    let operation = operation()
    record(operation, a.value, a.name!, b.value, b.name!, value)
    return TracedTensor(value, operation.result)
  }

  /// `tanh(x)`, element-wise, bit for bit as `torch.tanh`.
  @inlinable @inline(__always)
  mutating func tanh(_ operation: @autoclosure () -> TracedOperation, _ x: borrowing TracedTensor)
    -> TracedTensor
  {
    let value = x.value.tanh(family: kernels)
    guard listener.isRecording else { return TracedTensor(value, nil) }
    let operation = operation()
    record(operation, x.value, x.name!, nil, nil, value)
    return TracedTensor(value, operation.result)
  }

  /// Row `index` of `table`: an embedding lookup.
  @inlinable @inline(__always)
  mutating func lookup(
    _ operation: @autoclosure () -> TracedOperation, _ table: borrowing TracedTensor, row index: Int
  )
    -> TracedTensor
  {
    let value = table.value.row(index)
    guard listener.isRecording else { return TracedTensor(value, nil) }
    let operation = operation()
    record(operation, table.value, table.name!, nil, nil, value, index: index)
    return TracedTensor(value, operation.result)
  }

  /// `x` itself, under a new name: h_t joins the list of hidden states.
  @inlinable @inline(__always)
  mutating func keep(_ operation: @autoclosure () -> TracedOperation, _ x: borrowing TracedTensor)
    -> TracedTensor
  {
    guard listener.isRecording else { return TracedTensor(x.value, nil) }
    let operation = operation()
    record(operation, x.value, x.name!, nil, nil, x.value)
    return TracedTensor(x.value, operation.result)
  }

  /// Passes the event of an operation just computed to the listener (which records).
  @inlinable @inline(__always)
  mutating func record(
    _ operation: TracedOperation, _ first: Tensor, _ firstName: NameTemplate, _ second: Tensor?,
    _ secondName: NameTemplate?, _ value: Tensor, index: Int? = nil, order: ProductOrder? = nil
  ) {
    lastStep += 1
    let templates = EventTemplates(
      operation.formula, firstName, secondName, result: operation.result)
    listener.receive(
      TraceEvent(
        step: lastStep, t: t, word: word, operation: operation.operation, index: index,
        names: .templates(templates), first: first, second: second,
        operandCount: secondName == nil ? 1 : 2, result: value, productOrder: order))
  }
}
