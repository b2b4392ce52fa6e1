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
    // Byte by byte: `print` rewrites every formula of the lesson, and a search for each
    // product as a String costs more than the rest of printing it.
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    var copied = 0
    var i = 0
    while i + 1 < bytes.count {
      guard bytes[i] == UInt8(ascii: "W"), bytes[i + 1] == UInt8(ascii: "_"),
        let (length, matrix) = product(in: bytes, at: i + 2)
      else {
        i += 1
        continue
      }
      let operandStart = i + 2 + length
      var end = operandStart
      while end < bytes.count, !operandEnds.contains(bytes[end]) { end += 1 }
      out += bytes[copied..<i]
      out += bytes[operandStart..<end]
      out += "·".utf8
      out += matrix.utf8
      copied = end
      i = end
    }
    guard copied > 0 else { return text }
    out += bytes[copied...]
    return String(decoding: out, as: UTF8.self)
  }

  /// The products a formula may hold, after their `W_`, and the transposed matrix each
  /// is read as: the lesson's second class, and nn.RNN with PyTorch's own `W_ih`, `W_hh`.
  private static let products: [(suffix: [UInt8], matrix: String)] = [
    (Array("e·".utf8), "Weᵀ"), (Array("h·".utf8), "Whᵀ"), (Array("ih·".utf8), "W_ihᵀ"),
    (Array("hh·".utf8), "W_hhᵀ"),
  ]

  /// The bytes that end a product's operand (`e_3` in `W_e·e_3 + b_e`).
  private static let operandEnds = Set(" ),+=:".utf8)

  /// The product whose suffix `bytes` hold at `start`: the suffix's length and its matrix.
  private static func product(in bytes: [UInt8], at start: Int) -> (Int, String)? {
    for (suffix, matrix) in products
    where bytes.count - start >= suffix.count
      && bytes[start..<start + suffix.count].elementsEqual(suffix)
    {
      return (suffix.count, matrix)
    }
    return nil
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
    variant.cell.readableNames
  }
}
