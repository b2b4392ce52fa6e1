/// The recurrent layers of `torch.nn`, as far as their initialisation differs: by the
/// number of gates stacked in each weight.
public enum RecurrentKind: String, Sendable, CaseIterable {
  /// `nn.RNNCell` / `nn.RNN`: one gate.
  case rnn = "RNN"
  /// `nn.LSTMCell` / `nn.LSTM`: input, forget, cell and output gates.
  case lstm = "LSTM"
  /// `nn.GRUCell` / `nn.GRU`: reset, update and new gates.
  case gru = "GRU"

  /// The factor G of the `[G * hidden, …]` weight shapes.
  public var gates: Int {
    switch self {
    case .rnn: 1
    case .lstm: 4
    case .gru: 3
    }
  }
}
