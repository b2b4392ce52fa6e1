import Model
import Yams

/// What a chapter has named so far under `random:` and `literals:`, with shapes, so that
/// references can be checked before anything is drawn.
struct TensorNames {
  /// A name bound by a draw or a literal.
  struct Definition {
    /// nil for a layer (`nn.Linear`, `nn.Embedding`), whose tensors are `NAME.weight` …
    let shape: [Int]?
    /// For a layer: `nn.Linear` or `nn.Embedding`, and whether it has a bias.
    let layer: (kind: String, hasBias: Bool)?
    let mark: Position?
  }

  private(set) var definitions: [String: Definition] = [:]
  /// Tensor names (not layers) in the order defined, for messages.
  private(set) var tensorNames: [String] = []

  func isDefined(_ name: String) -> Bool { definitions[name] != nil }
  subscript(name: String) -> Definition? { definitions[name] }

  mutating func define(_ name: String, shape: [Int], mark: Position?) {
    definitions[name] = Definition(shape: shape, layer: nil, mark: mark)
    tensorNames.append(name)
  }

  mutating func define(_ draw: TensorDraw, mark: Position?) {
    guard let name = draw.name else { return }
    switch draw.kind {
    case .randn(let shape), .rand(let shape):
      define(name, shape: shape, mark: mark)
    case .linear(_, _, let bias):
      definitions[name] = Definition(shape: nil, layer: ("nn.Linear", bias), mark: mark)
      for output in draw.outputs { define(output.name, shape: output.shape, mark: mark) }
    case .embedding:
      definitions[name] = Definition(shape: nil, layer: ("nn.Embedding", false), mark: mark)
      for output in draw.outputs { define(output.name, shape: output.shape, mark: mark) }
    }
  }

  /// "h_0, w_h, w_e, E", or a note that there are none.
  var listing: String {
    tensorNames.isEmpty ? "none yet" : tensorNames.joined(separator: ", ")
  }
}

/// `4×5`, or `(4)` for a vector: shapes as messages write them.
func shapeText(_ shape: [Int]) -> String {
  shape.count == 1 ? "a vector of \(shape[0])" : shape.map(String.init).joined(separator: "×")
}

/// The shape of `shape` transposed, as `Tensor.transposed` makes it (a vector is a row).
func transposedShape(_ shape: [Int]) -> [Int] {
  shape.count == 1 ? [shape[0], 1] : [shape[1], shape[0]]
}

/// Whether `name` is a plain identifier: a letter or `_`, then letters, digits or `_`.
func isIdentifier(_ name: String) -> Bool {
  guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_"
  else { return false }
  return name.unicodeScalars.allSatisfy {
    $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0)
  }
}

/// `1 row`, `3 rows`.
func count(_ n: Int, _ noun: String) -> String {
  n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
}
