import Testing

@testable import Model

/// A variant written in one place, as a new file in Sources/Model/Cells would write it:
/// its name, parameters, draw, step, and the names of its events beside the operations.
/// Nothing else in the program knows it, yet its events read in its own names.
struct BiasedLinearCell: RNNCell {
  static let name = "biased-linear"
  static let formula = "h_t = tanh(h_{t-1}·U + e_t·V + c)"
  static let parameterLayout = [
    ParameterSpec("cell.U", [.hidden, .hidden]), ParameterSpec("cell.V", [.inputs, .hidden]),
    ParameterSpec("cell.c", [.hidden]),
  ]
  static let lessonParts = [
    LessonPart("U", .weight, input: .hidden, "the hidden weight, hidden × hidden"),
    LessonPart("V", .weight, input: .inputs, "the input weight, inputs × hidden"),
  ]
  static let hiddenStateBound: Float? = 1

  let u: TracedTensor
  let v: TracedTensor
  let c: TracedTensor

  static func draw(inputs: Int, hidden: Int, from generator: inout TorchGenerator)
    -> BiasedLinearCell
  {
    let u = generator.randn([hidden, hidden])
    let v = generator.randn([inputs, hidden])
    return BiasedLinearCell(parameters: [u, v, generator.randn([hidden])])
  }

  init(parameters: [Tensor]) {
    let named = Self.traced(parameters)
    u = named[0]
    v = named[1]
    c = named[2]
  }

  var parameterValues: [Tensor] { [u.value, v.value, c.value] }

  func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor {
    let input = trace.matmul(TracedOperation(.matmulInput, "e_t·V"), e, v)
    let recurrent = trace.matmul(TracedOperation(.matmulHidden, "h_{t-1}·U"), h, u)
    let z = trace.add(
      TracedOperation(.add, "z_t = h_{t-1}·U + e_t·V", result: "z_t"), recurrent, input)
    let a = trace.add(TracedOperation(.biasHidden, "z_t + c", result: "a_t"), z, c)
    return trace.tanh(TracedOperation(.tanh, "tanh(a_t)"), a)
  }
}

@Suite struct OneFileVariantTests {
  static func model() -> RNNModel {
    var generator = TorchGenerator(seed: 7)
    let embedding = generator.randn([2, 3])
    let h0 = generator.randn([1, 2])
    let cell = BiasedLinearCell.draw(inputs: 3, hidden: 2, from: &generator)
    return RNNModel(vocabulary: ["the", "dog"], embedding: embedding, h0: h0, cell: cell)
  }

  @Test func itsEventsCarryTheNamesItsFileGives() {
    let trace = Self.model().trace(["the", "dog", "the"])
    let events = trace.events.filter { $0.t == 2 }
    #expect(
      events.map(\.formula) == [
        "e_2 = embedding[1]", "e_2·V", "h_1·U", "z_2 = h_1·U + e_2·V", "z_2 + c", "tanh(a_2)",
        "h_2",
      ])
    #expect(
      events.map { $0.operands.map(\.name) } == [
        ["embedding.weight"], ["e_2", "cell.V"], ["h_1", "cell.U"], ["h_1·U", "e_2·V"],
        ["z_2", "cell.c"], ["a_2"], ["tanh(a_2)"],
      ])
    #expect(
      events.map(\.result.name) == [
        "e_2", "e_2·V", "h_1·U", "z_2", "a_2", "tanh(a_2)", "h_2",
      ])
    #expect(trace.events.map(\.step) == Array(1...21))
  }

  @Test func itIsAVariantByItsCellType() {
    let model = Self.model()
    #expect(model.variant == Variant(BiasedLinearCell.self))
    #expect(model.variant.rawValue == "biased-linear")
    #expect(Variant(rawValue: "biased-linear") == nil, "not in the registry")
    #expect(
      model.parameters.map(\.name) == ["embedding.weight", "h0", "cell.U", "cell.V", "cell.c"])
    #expect(
      model.variant.parameterShapes(inputs: 3, hidden: 2).map(\.shape) == [[2, 2], [3, 2], [2]])
  }

  /// What the events name is what the step computed: h_t = tanh(h_{t-1}·U + e_t·V + c).
  @Test func itsEventsAreItsArithmetic() {
    let model = Self.model()
    let trace = model.trace(["dog"])
    let cell = model.cell as! BiasedLinearCell
    let e = model.embedding.row(1)
    let z = model.h0.matmul(cell.u.value, family: .amd) + e.matmul(cell.v.value, family: .amd)
    let h = (z + cell.c.value).tanh(family: .amd)
    #expect(trace.events.last?.result.value == h)
    #expect(model.hiddenStates(for: ["dog"]).last == h)
  }
}
