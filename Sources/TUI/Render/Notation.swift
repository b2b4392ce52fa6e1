import Model

/// The lesson's own notation, for what a learner reads: row vectors multiplied on the
/// left throughout, as the notebook computes them (`e_1·Weᵀ + b_e`, not `W_e·e_1`),
/// and `h_0` for the initial state.
///
/// The trace's names are part of the log format (`W_e·e_1`, `h0`) and stay as they are
/// in every file; the player and `rnntrace print` rewrite them here, for the eye only.
public enum Notation {
  /// `text` with every `W_e·x` written `x·Weᵀ` and `W_h·x` written `x·Whᵀ` (x a name
  /// such as `e_3`, `h_2` or `h_{t-1}`).
  public static func rowVectors(_ text: String) -> String {
    guard text.contains("W_e·") || text.contains("W_h·") else { return text }
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

  private static func nextProduct(in text: Substring)
    -> (start: Substring.Index, operandStart: Substring.Index, matrix: String)?
  {
    let e = text.firstRange(of: "W_e·")
    let h = text.firstRange(of: "W_h·")
    switch (e, h) {
    case (nil, nil): return nil
    case (let e?, nil): return (e.lowerBound, e.upperBound, "Weᵀ")
    case (nil, let h?): return (h.lowerBound, h.upperBound, "Whᵀ")
    case (let e?, let h?):
      return e.lowerBound < h.lowerBound
        ? (e.lowerBound, e.upperBound, "Weᵀ") : (h.lowerBound, h.upperBound, "Whᵀ")
    }
  }

  /// A tensor's name as a learner reads it: `h_0` for the log's `h0`, `b_e` and `b_h`
  /// for an `nn.Linear`'s biases, products as row vectors.
  public static func name(_ name: String) -> String {
    switch name {
    case "h0": "h_0"
    case "We.bias": "b_e"
    case "Wh.bias": "b_h"
    default: rowVectors(name)
    }
  }

  /// The matrix of a product as the learner reads it: `Weᵀ` for the transposed weight
  /// of an `nn.Linear` (stored out × in), else the weight's own name.
  public static func matrix(_ weightName: String, transposed: Bool) -> String {
    guard transposed else { return weightName }
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
