/// One time step of a recurrent cell: from e_t and h_{t-1} to h_t, emitting an event
/// per operation on the way.
public protocol RNNCell: Sendable {
  /// Which of the lesson's formulations this is.
  var variant: Variant { get }
  /// The cell's parameters, named and ordered as `shared/reference/rnn_reference.py`
  /// prints them (after `embedding.weight` and `h0`).
  var parameters: [NamedTensor] { get }
  /// The size of e_t.
  var inputs: Int { get }
  /// The size of h_t.
  var hidden: Int { get }

  /// Computes h_t; `tracer.t` and `tracer.word` name the time step.
  func step<L: TraceListener>(input e: Tensor, previous h: Tensor, tracer: inout Tracer<L>)
    -> Tensor
}

/// The lesson's three formulations of the recurrence.
public enum Variant: String, Sendable, CaseIterable, Codable {
  /// The hypothesis function: h_t = h_{t-1}·w_h + e_t·w_e (no bias, no activation).
  case linear
  /// The first RNN class: h_t = tanh(h_{t-1}·Wh + tanh(e_t·We)).
  case rawTanh = "raw-tanh"
  /// The second RNN class: h_t = tanh(Wh(h_{t-1}) + We(e_t)) with `nn.Linear` layers.
  case linearTanh = "linear-tanh"

  /// The recurrence in one line, for headers and help.
  public var formula: String {
    switch self {
    case .linear: "h_t = h_{t-1}·w_h + e_t·w_e"
    case .rawTanh: "h_t = tanh(h_{t-1}·Wh + tanh(e_t·We))"
    case .linearTanh: "h_t = tanh(W_h·h_{t-1} + b_h + W_e·e_t + b_e)"
    }
  }
}
