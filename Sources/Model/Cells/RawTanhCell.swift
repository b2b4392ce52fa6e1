/// The lesson's first RNN class: h_t = tanh(h_{t-1}·Wh + tanh(e_t·We)).
///
/// The lesson applies tanh twice, once to the input product and once to the sum;
/// this cell keeps that slip, since it is what the lesson's code computes:
///
/// ```python
/// def forward(self, e_t, h_prev):
///     return torch.tanh(h_prev @ self.Wh + torch.tanh(e_t @ self.We))
/// ```
public struct RawTanhCell: RNNCell {
  public static let name = "raw-tanh"
  public static let readableNames = ["raw weights, tanh twice", "tanh twice"]
  public static let formula = "h_t = tanh(h_{t-1}·Wh + tanh(e_t·We))"
  public static let parameterLayout = [
    ParameterSpec("We", [.inputs, .hidden]), ParameterSpec("Wh", [.hidden, .hidden]),
  ]
  public static let lessonParts = [
    LessonPart("We", .weight, input: .inputs, "the input weight, inputs × hidden"),
    LessonPart("Wh", .weight, input: .hidden, "the hidden weight, hidden × hidden"),
  ]
  public static let hiddenStateBound: Float? = 1

  /// `We`, inputs × hidden.
  @usableFromInline let wE: TracedTensor
  /// `Wh`, hidden × hidden.
  @usableFromInline let wH: TracedTensor

  /// `torch.randn` for We, then for Wh.
  public static func draw(inputs: Int, hidden: Int, from generator: inout TorchGenerator)
    -> RawTanhCell
  {
    let wE = generator.randn([inputs, hidden])
    let wH = generator.randn([hidden, hidden])
    return RawTanhCell(parameters: [wE, wH])
  }

  public init(parameters: [Tensor]) {
    let named = Self.traced(parameters)
    wE = named[0]
    wH = named[1]
  }

  public init(wE: Tensor, wH: Tensor) { self.init(parameters: [wE, wH]) }

  public var parameterValues: [Tensor] { [wE.value, wH.value] }

  @inlinable
  public func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor {
    let product = trace.matmul(Self.inputProduct, e, wE)  // e_t·We
    let input = trace.tanh(Self.inputTanh, product)  // tanh(e_t·We)
    let recurrent = trace.matmul(Self.hiddenProduct, h, wH)  // h_{t-1}·Wh
    let z = trace.add(Self.sum, recurrent, input)  // z_t = h_{t-1}·Wh + tanh(e_t·We)
    return trace.tanh(Self.activation, z)  // tanh(z_t)
  }

  // The operations, as the events name them (`NameTemplate`: `_t` is the time step),
  // `static let` so that each template's holes are found once.
  @usableFromInline static let inputProduct = TracedOperation(.matmulInput, "e_t·We")
  @usableFromInline static let inputTanh = TracedOperation(.tanhInput, "tanh(e_t·We)")
  @usableFromInline static let hiddenProduct = TracedOperation(.matmulHidden, "h_{t-1}·Wh")
  @usableFromInline static let sum = TracedOperation(
    .add, "z_t = h_{t-1}·Wh + tanh(e_t·We)", result: "z_t")
  @usableFromInline static let activation = TracedOperation(.tanh, "tanh(z_t)")
}

extension Variant {
  /// h_t = tanh(h_{t-1}·Wh + tanh(e_t·We)).
  public static let rawTanh = Variant(RawTanhCell.self)
}
