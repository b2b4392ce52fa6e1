/// The lesson's hypothesis function: h_t = h_{t-1}·w_h + e_t·w_e.
///
/// ```python
/// def forward(self, e_t, h_prev):
///     return h_prev @ self.w_h + e_t @ self.w_e
/// ```
public struct LinearCell: RNNCell {
  public static let name = "linear"
  public static let readableNames = ["raw weights, no activation", "no activation"]
  public static let formula = "h_t = h_{t-1}·w_h + e_t·w_e"
  public static let parameterLayout = [
    ParameterSpec("w_h", [.hidden, .hidden]), ParameterSpec("w_e", [.inputs, .hidden]),
  ]
  public static let lessonParts = [
    LessonPart("w_h", .weight, input: .hidden, "the hidden weight, hidden × hidden"),
    LessonPart("w_e", .weight, input: .inputs, "the input weight, inputs × hidden"),
  ]
  public static let hiddenStateBound: Float? = nil

  /// `w_h`, hidden × hidden.
  @usableFromInline let wH: TracedTensor
  /// `w_e`, inputs × hidden.
  @usableFromInline let wE: TracedTensor

  /// `torch.randn` for w_h, then for w_e.
  public static func draw(inputs: Int, hidden: Int, from generator: inout TorchGenerator)
    -> LinearCell
  {
    let wH = generator.randn([hidden, hidden])
    let wE = generator.randn([inputs, hidden])
    return LinearCell(parameters: [wH, wE])
  }

  public init(parameters: [Tensor]) {
    let named = Self.traced(parameters)
    wH = named[0]
    wE = named[1]
  }

  public init(wH: Tensor, wE: Tensor) { self.init(parameters: [wH, wE]) }

  public var parameterValues: [Tensor] { [wH.value, wE.value] }

  @inlinable
  public func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor {
    let input = trace.matmul(Self.inputProduct, e, wE)  // e_t·w_e
    let recurrent = trace.matmul(Self.hiddenProduct, h, wH)  // h_{t-1}·w_h
    return trace.add(Self.sum, recurrent, input)  // z_t = h_{t-1}·w_h + e_t·w_e
  }

  // The operations, as the events name them (`NameTemplate`: `_t` is the time step),
  // `static let` so that each template's holes are found once.
  @usableFromInline static let inputProduct = TracedOperation(.matmulInput, "e_t·w_e")
  @usableFromInline static let hiddenProduct = TracedOperation(.matmulHidden, "h_{t-1}·w_h")
  @usableFromInline static let sum = TracedOperation(
    .add, "z_t = h_{t-1}·w_h + e_t·w_e", result: "z_t")
}

extension Variant {
  /// h_t = h_{t-1}·w_h + e_t·w_e (no bias, no activation).
  public static let linear = Variant(LinearCell.self)
}
