/// How the lesson writes each name an event uses, with the time step (and, for the
/// embedding lookup, the row) left as holes: `W_h·h_{t-1} + b_h`, `e_t = embedding[i]`.
///
/// Cells record these instead of strings, so that an event costs no string building
/// unless its names are read.
@usableFromInline
enum NameTemplate: UInt8, Sendable {
  /// No name: the second operand of a one-operand event.
  case none
  case embeddingWeight
  case linearWE
  case linearWH
  case rawWE
  case rawWH
  case inputWeight
  case inputBias
  case hiddenWeight
  case hiddenBias
  /// `e_t`
  case e
  /// `h_{t-1}`
  case previousH
  /// `h_t`
  case h
  /// `z_t`
  case z
  /// `tanh(z_t)`
  case tanhZ
  /// `e_t = embedding[i]`
  case embeddingLookup
  /// `e_t·w_e`
  case linearInputProduct
  /// `h_{t-1}·w_h`
  case linearHiddenProduct
  /// `z_t = h_{t-1}·w_h + e_t·w_e`
  case linearSum
  /// `e_t·We`
  case rawInputProduct
  /// `tanh(e_t·We)`
  case rawInputTanh
  /// `h_{t-1}·Wh`
  case rawHiddenProduct
  /// `z_t = h_{t-1}·Wh + tanh(e_t·We)`
  case rawSum
  /// `W_e·e_t`
  case inputProduct
  /// `W_e·e_t + b_e`
  case inputAffine
  /// `W_h·h_{t-1}`
  case hiddenProduct
  /// `W_h·h_{t-1} + b_h`
  case hiddenAffine
  /// `z_t = (W_h·h_{t-1} + b_h) + (W_e·e_t + b_e)`
  case linearTanhSum
  /// nn.RNN's parameters as its state dict names them.
  case rnnWeightIH
  case rnnWeightHH
  case rnnBiasIH
  case rnnBiasHH
  /// `W_ih·e_t`
  case rnnInputProduct
  /// `W_ih·e_t + b_ih`
  case rnnInputAffine
  /// `W_hh·h_{t-1}`
  case rnnHiddenProduct
  /// `W_hh·h_{t-1} + b_hh`
  case rnnHiddenAffine
  /// `z_t = (W_hh·h_{t-1} + b_hh) + (W_ih·e_t + b_ih)`
  case rnnSum

  /// Writes the name for time step `t` (and row `index`) piece by piece into `out`.
  /// Inlinable, so that an encoder in another module writes into its own buffer
  /// without a call through `NameWriter`'s witness table for every piece.
  @inlinable
  func write<Out: NameWriter>(t: Int, index: Int, into out: inout Out) {
    switch self {
    case .none: break
    case .embeddingWeight: out.write("embedding.weight")
    case .linearWE: out.write("w_e")
    case .linearWH: out.write("w_h")
    case .rawWE: out.write("We")
    case .rawWH: out.write("Wh")
    case .inputWeight: out.write("We.weight")
    case .inputBias: out.write("We.bias")
    case .hiddenWeight: out.write("Wh.weight")
    case .hiddenBias: out.write("Wh.bias")
    case .e: Self.symbol("e_", t, into: &out)
    case .previousH: Self.symbol("h_", t - 1, into: &out)
    case .h: Self.symbol("h_", t, into: &out)
    case .z: Self.symbol("z_", t, into: &out)
    case .tanhZ:
      out.write("tanh(")
      Self.symbol("z_", t, into: &out)
      out.write(")")
    case .embeddingLookup:
      Self.symbol("e_", t, into: &out)
      out.write(" = embedding[")
      out.write(number: index)
      out.write("]")
    case .linearInputProduct:
      Self.symbol("e_", t, into: &out)
      out.write("·w_e")
    case .linearHiddenProduct:
      Self.symbol("h_", t - 1, into: &out)
      out.write("·w_h")
    case .linearSum:
      Self.symbol("z_", t, into: &out)
      out.write(" = ")
      Self.symbol("h_", t - 1, into: &out)
      out.write("·w_h + ")
      Self.symbol("e_", t, into: &out)
      out.write("·w_e")
    case .rawInputProduct:
      Self.symbol("e_", t, into: &out)
      out.write("·We")
    case .rawInputTanh:
      out.write("tanh(")
      Self.symbol("e_", t, into: &out)
      out.write("·We)")
    case .rawHiddenProduct:
      Self.symbol("h_", t - 1, into: &out)
      out.write("·Wh")
    case .rawSum:
      Self.symbol("z_", t, into: &out)
      out.write(" = ")
      Self.symbol("h_", t - 1, into: &out)
      out.write("·Wh + tanh(")
      Self.symbol("e_", t, into: &out)
      out.write("·We)")
    case .inputProduct:
      out.write("W_e·")
      Self.symbol("e_", t, into: &out)
    case .inputAffine:
      out.write("W_e·")
      Self.symbol("e_", t, into: &out)
      out.write(" + b_e")
    case .hiddenProduct:
      out.write("W_h·")
      Self.symbol("h_", t - 1, into: &out)
    case .hiddenAffine:
      out.write("W_h·")
      Self.symbol("h_", t - 1, into: &out)
      out.write(" + b_h")
    case .linearTanhSum:
      Self.symbol("z_", t, into: &out)
      out.write(" = (W_h·")
      Self.symbol("h_", t - 1, into: &out)
      out.write(" + b_h) + (W_e·")
      Self.symbol("e_", t, into: &out)
      out.write(" + b_e)")
    case .rnnWeightIH: out.write("rnn.weight_ih_l0")
    case .rnnWeightHH: out.write("rnn.weight_hh_l0")
    case .rnnBiasIH: out.write("rnn.bias_ih_l0")
    case .rnnBiasHH: out.write("rnn.bias_hh_l0")
    case .rnnInputProduct:
      out.write("W_ih·")
      Self.symbol("e_", t, into: &out)
    case .rnnInputAffine:
      out.write("W_ih·")
      Self.symbol("e_", t, into: &out)
      out.write(" + b_ih")
    case .rnnHiddenProduct:
      out.write("W_hh·")
      Self.symbol("h_", t - 1, into: &out)
    case .rnnHiddenAffine:
      out.write("W_hh·")
      Self.symbol("h_", t - 1, into: &out)
      out.write(" + b_hh")
    case .rnnSum:
      Self.symbol("z_", t, into: &out)
      out.write(" = (W_hh·")
      Self.symbol("h_", t - 1, into: &out)
      out.write(" + b_hh) + (W_ih·")
      Self.symbol("e_", t, into: &out)
      out.write(" + b_ih)")
    }
  }

  // Inlined so that each letter is a constant where it is written: a copy of unknown
  // length is a call to memmove.
  @inline(__always) @usableFromInline
  static func symbol<Out: NameWriter>(
    _ letter: StaticString, _ t: Int, into out: inout Out
  ) {
    out.write(letter)
    out.write(number: t)
  }
}
