/// One operation of the RNN, recorded as the model computed it.
///
/// Events are the only thing that flows from the model to the player and the
/// encoders: a view never recomputes the math, it shows what the cell did.
public struct TraceEvent: Equatable, Sendable {
  /// Position in the whole trace, from 1.
  public let step: Int
  /// The time step: word `t` of the sentence, from 1.
  public let t: Int
  /// The word being read at this time step.
  public let word: String
  /// What kind of operation this is.
  public let operation: Operation
  /// The operation in the lesson's names: `e_3·w_e`, `W_h·h_2 + b_h`, `tanh(z_3)`.
  public let formula: String
  /// What went in, by name (a parameter's name, or an earlier result's name).
  public let operands: [NamedTensor]
  /// What came out.
  public let result: NamedTensor
  /// For an embedding lookup: the word's row in the vocabulary.
  public let index: Int?

  public init(
    step: Int, t: Int, word: String, operation: Operation, formula: String,
    operands: [NamedTensor], result: NamedTensor, index: Int? = nil
  ) {
    self.step = step
    self.t = t
    self.word = word
    self.operation = operation
    self.formula = formula
    self.operands = operands
    self.result = result
    self.index = index
  }
}

/// The kinds of operation a cell performs, named as in the JSON Lines format (and as
/// `shared/peers/trace_torch.py` names them).
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

  /// Whether the operation is a matrix product (the player can drill into these).
  public var isProduct: Bool { self == .matmulInput || self == .matmulHidden }
}

/// A tensor with the name the lesson gives it.
public struct NamedTensor: Equatable, Sendable {
  public let name: String
  public let value: Tensor

  public init(_ name: String, _ value: Tensor) {
    self.name = name
    self.value = value
  }
}
