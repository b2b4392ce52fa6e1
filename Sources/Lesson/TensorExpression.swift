import Model

/// Where one of a model's tensors comes from: a name the chapter defined (possibly
/// transposed, e.g. `E.T`, whose rows are the columns of `E`), or numbers written inline.
public enum TensorExpression: Equatable, Sendable {
  case named(String, transposed: Bool)
  case literal(Tensor)

  /// The expression as the lesson file writes it (`E.T`), or `[…]` for inline numbers.
  public var source: String {
    switch self {
    case .named(let name, let transposed): transposed ? "\(name).T" : name
    case .literal: "[…]"
    }
  }

  /// The value, given the chapter's named tensors. The parser has checked every name.
  func evaluate(in tensors: [String: Tensor]) -> Tensor {
    switch self {
    case .named(let name, let transposed):
      guard let value = tensors[name] else {
        preconditionFailure("lesson tensor \(name) was validated but is missing")
      }
      return transposed ? value.transposed() : value
    case .literal(let value):
      return value
    }
  }
}
