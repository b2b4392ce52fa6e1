/// One operation of the RNN, recorded as the model computed it.
///
/// Events are the only thing that flows from the model to the player and the
/// encoders: a view never recomputes the math, it shows what the cell did.
///
/// A cell's event holds its tensors and a recipe for its names (`EventNames`); the
/// names are only spelled out when read, since most listeners read few of them.
public struct TraceEvent: Equatable, Sendable {
  /// Position in the whole trace, from 1.
  public let step: Int
  /// The time step: word `t` of the sentence, from 1.
  public let t: Int
  /// The word being read at this time step.
  public let word: String
  /// What kind of operation this is.
  public let operation: Operation
  /// For an embedding lookup: the word's row in the vocabulary.
  public let index: Int?
  /// For a product: the order its sums were taken in (and so the weight's layout).
  public let productOrder: ProductOrder?
  /// Whether the model computed this going forwards, or backwards from the loss.
  public let pass: Pass
  /// Whether a log writes the result without its values, which its operands (written
  /// earlier in the log) give again: the prediction head's per-position gradient terms
  /// and its running sums before the last (docs/trace-format.md, "The loss and the
  /// backward pass"). In memory the event holds its values all the same.
  public let omitsValues: Bool
  @usableFromInline let names: EventNames
  /// The operands' values, in order; an event has at most two.
  @usableFromInline let first: Tensor?
  @usableFromInline let second: Tensor?
  @usableFromInline let value: Tensor
  /// The number of operands (1 or 2 for every event a cell emits), stored: an optional
  /// tensor compared with nil is copied first.
  public let operandCount: Int

  /// An event with its names given as text (what a log reader rebuilds).
  public init(
    step: Int, t: Int, word: String, operation: Operation, formula: String,
    operands: [NamedTensor], result: NamedTensor, index: Int? = nil,
    productOrder: ProductOrder? = nil, pass: Pass = .forward, omitsValues: Bool = false
  ) {
    precondition(operands.count <= 2, "an event has at most two operands")
    self.pass = pass
    self.omitsValues = omitsValues
    self.step = step
    self.t = t
    self.word = word
    self.operation = operation
    self.index = index
    self.productOrder = productOrder
    self.names = .given(
      GivenNames(
        formula: TraceName(formula), operands: operands.map(\.label), result: result.label))
    self.first = operands.first?.value
    self.second = operands.count > 1 ? operands[1].value : nil
    self.value = result.value
    self.operandCount = operands.count
  }

  @inlinable
  init(
    step: Int, t: Int, word: String, operation: Operation, index: Int?,
    names: EventNames, first: Tensor, second: Tensor?, operandCount: Int, result: Tensor,
    productOrder: ProductOrder?, pass: Pass = .forward, omitsValues: Bool = false
  ) {
    self.pass = pass
    self.omitsValues = omitsValues
    self.step = step
    self.t = t
    self.word = word
    self.operation = operation
    self.index = index
    self.productOrder = productOrder
    self.names = names
    self.first = first
    self.second = second
    self.value = result
    self.operandCount = operandCount
  }

  /// The operation in the lesson's names: `e_3·w_e`, `W_h·h_2 + b_h`, `tanh(z_3)`.
  public var formula: String { formulaName.string }

  /// The formula, unspelled (see `TraceName.write(into:)`).
  public var formulaName: TraceName {
    switch names {
    case .templates(let templates): name(templates.formula)
    case .given(let given): given.formula
    }
  }

  /// Operand `i`, without building the `operands` array.
  public func operand(_ i: Int) -> NamedTensor {
    NamedTensor(operandName(i), i == 0 ? first! : second!)
  }

  /// What went in, by name (a parameter's name, or an earlier result's name).
  public var operands: [NamedTensor] {
    switch operandCount {
    case 0: []
    case 1: [operand(0)]
    default: [operand(0), operand(1)]
    }
  }

  /// What came out.
  public var result: NamedTensor {
    switch names {
    case .templates(let templates): NamedTensor(name(templates.result), value)
    case .given(let given): NamedTensor(given.result, value)
    }
  }

  /// What came out, without its name.
  public var resultValue: Tensor { value }

  /// Whether the result is named by the formula itself (`W_e·e_3`, where `z_3 = …` names
  /// `z_3`): an encoder that has written the formula copies its bytes for the result.
  @inlinable
  public var resultIsFormula: Bool {
    if case .templates(let templates) = names {
      return templates.result.packed == templates.formula.packed
    }
    return false
  }

  /// Operand `i`'s name, without copying its tensor as `operand(_:)` does: the
  /// encoders read it for every event.
  public func operandName(_ i: Int) -> TraceName {
    precondition(i >= 0 && i < operandCount, "operand \(i) of \(operandCount)")
    switch names {
    case .templates(let templates): return name(i == 0 ? templates.first : templates.second!)
    case .given(let given): return given.operands[i]
    }
  }

  /// Operand `i`'s shape, without copying its tensor.
  public func operandShape(_ i: Int) -> TensorShape {
    precondition(i >= 0 && i < operandCount, "operand \(i) of \(operandCount)")
    return i == 0 ? first.unsafelyUnwrapped.shape : second.unsafelyUnwrapped.shape
  }

  private func name(_ template: NameTemplate) -> TraceName {
    TraceName(template, t: t, index: index ?? 0)
  }

  public static func == (lhs: TraceEvent, rhs: TraceEvent) -> Bool {
    lhs.step == rhs.step && lhs.t == rhs.t && lhs.word == rhs.word
      && lhs.operation == rhs.operation && lhs.pass == rhs.pass && lhs.index == rhs.index
      && lhs.omitsValues == rhs.omitsValues
      && lhs.value == rhs.value
      && lhs.first == rhs.first && lhs.second == rhs.second
      && lhs.formulaName == rhs.formulaName && lhs.result.label == rhs.result.label
      && (0..<lhs.operandCount).allSatisfy { lhs.operandName($0) == rhs.operandName($0) }
  }
}

extension TraceEvent {
  /// Whether the event comes after the forward pass: the loss, or the backward pass.
  public var isAfterForward: Bool {
    pass == .backward || operation == .logits || operation == .loss
  }
}

/// The kinds of operation a cell performs, named as in the JSON Lines format
/// (`docs/trace-format.md`), which are the names a PyTorch script tracing the same
/// forward pass by hand would give them.
public enum Operation: String, Sendable, CaseIterable, Codable {
  /// Word → index → row of the embedding table: e_t.
  case embedding
  /// The input product: e_t·w_e, or W_e·e_t for an `nn.Linear`.
  case matmulInput = "matmul_input"
  /// The first RNN class's inner tanh: tanh(e_t·We).
  case tanhInput = "tanh_input"
  /// The input layer's bias: W_e·e_t + b_e.
  case biasInput = "bias_input"
  /// The hidden product: h_{t-1}·w_h, or W_h·h_{t-1}.
  case matmulHidden = "matmul_hidden"
  /// The hidden layer's bias: W_h·h_{t-1} + b_h.
  case biasHidden = "bias_hidden"
  /// The sum of the two paths: z_t.
  case add
  /// The activation: tanh(z_t).
  case tanh
  /// h_t joins the list of hidden states.
  case hiddenState = "hidden_state"
  /// The prediction head's scores for the next word: y_t = head.weight·h_t + head.bias.
  case logits
  /// A cross-entropy term L_t, or the loss L that sums them up.
  case loss

  /// Whether the operation is a matrix product (the player can drill into these).
  public var isProduct: Bool { self == .matmulInput || self == .matmulHidden }
}

/// Which way through the model an event goes.
public enum Pass: String, Sendable, CaseIterable {
  /// From the words to the hidden states, and on to the loss.
  case forward
  /// From the loss back to every parameter: autograd's `loss.backward()`.
  case backward
}
