import Model

/// The lesson's own notation, for what a learner reads: row vectors multiplied on the
/// left throughout, as the notebook computes them (`e_1·Weᵀ + b_e`, not `W_e·e_1`),
/// and `h_0` for the initial state.
///
/// The trace's names are part of the log format (`W_e·e_1`, `h0`) and stay as they are
/// in every file; the player and `rnntrace print` rewrite them here, for the eye only.
public enum Notation {
  /// `text` with every `W_e·x` written `x·Weᵀ` and `W_h·x` written `x·Whᵀ` (x a name
  /// such as `e_3`, `h_2` or `h_{t-1}`); nn.RNN's `W_ih·x`, `W_hh·x` likewise.
  public static func rowVectors(_ text: String) -> String {
    guard products.contains(where: { text.contains($0.0) }) else { return text }
    var out = ""
    var rest = Substring(text)
    while let found = nextProduct(in: rest) {
      out += rest[..<found.start]
      let operand = rest[found.operandStart...]
      let end = operand.firstIndex { " ),+=:".contains($0) } ?? operand.endIndex
      out += operand[..<end] + "·" + found.matrix
      rest = operand[end...]
    }
    return out + rest
  }

  /// The products a formula may hold, and the transposed matrix each is read as:
  /// the lesson's second class, and nn.RNN with PyTorch's own `W_ih`, `W_hh`.
  private static let products = [
    ("W_e·", "Weᵀ"), ("W_h·", "Whᵀ"), ("W_ih·", "W_ihᵀ"), ("W_hh·", "W_hhᵀ"),
  ]

  private static func nextProduct(in text: Substring)
    -> (start: Substring.Index, operandStart: Substring.Index, matrix: String)?
  {
    var first: (start: Substring.Index, operandStart: Substring.Index, matrix: String)?
    for (prefix, matrix) in products {
      guard let range = text.firstRange(of: prefix) else { continue }
      if first.map({ range.lowerBound < $0.start }) ?? true {
        first = (range.lowerBound, range.upperBound, matrix)
      }
    }
    return first
  }

  /// A tensor's name as a learner reads it: `h_0` for the log's `h0`, `b_e` and `b_h`
  /// for an `nn.Linear`'s biases, products as row vectors.
  public static func name(_ name: String) -> String {
    switch name {
    case "h0": "h_0"
    case "We.bias": "b_e"
    case "Wh.bias": "b_h"
    case "rnn.bias_ih_l0": "b_ih"
    case "rnn.bias_hh_l0": "b_hh"
    default: rowVectors(name)
    }
  }

  /// The matrix of a product as the learner reads it: `Weᵀ` for the transposed weight
  /// of an `nn.Linear` (stored out × in), `W_ihᵀ` for nn.RNN's (its formula's symbol;
  /// panels show `rnn.weight_ih_l0` beside it), else the weight's own name.
  public static func matrix(_ weightName: String, transposed: Bool) -> String {
    guard transposed else { return weightName }
    switch weightName {
    case "rnn.weight_ih_l0": return "W_ihᵀ"
    case "rnn.weight_hh_l0": return "W_hhᵀ"
    default: break
    }
    if weightName.hasSuffix(".weight") { return weightName.dropLast(7) + "ᵀ" }
    return weightName + "ᵀ"
  }

  /// The model as a learner reads it, longest first: what its weights are and what
  /// activation it has. The option names say neither (`linear` has no nn.Linear, and
  /// `linear-tanh` has), so they are kept for the command line and files.
  public static func variantNames(_ variant: Variant) -> [String] {
    switch variant {
    case .linear: ["raw weights, no activation", "no activation"]
    case .rawTanh: ["raw weights, tanh twice", "tanh twice"]
    case .linearTanh: ["nn.Linear layers, one tanh", "nn.Linear, tanh"]
    default: [variant.rawValue]
    }
  }
}
