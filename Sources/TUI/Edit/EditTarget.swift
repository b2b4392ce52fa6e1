import Model

/// A tensor the learner can edit from the screen, laid out as its panel draws it: the
/// word being read, its row of the embedding table, each weight (as the product panel
/// shows it, transposed for an `nn.Linear`), each bias, and h_0.
struct EditTarget: Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    /// Word t, swapped for another word of the vocabulary.
    case word(t: Int)
    /// A parameter, by its name in a log's header.
    case parameter(String)
  }

  let kind: Kind
  /// Rows and columns as drawn.
  let rows: Int
  let columns: Int
  /// Whether the panel draws the stored matrix transposed (`We.weightᵀ`).
  let transposed: Bool
  /// The one row of the parameter on screen (the word's row of the embedding table).
  let fixedRow: Int?
  /// The parameter's dimensions: 1 for a bias vector.
  let rank: Int

  /// The parameter's stored index of the element drawn at `row`, `column`.
  func index(row: Int, column: Int) -> [Int] {
    if rank == 1 { return [column] }
    if let fixedRow { return [fixedRow, column] }
    return transposed ? [column, row] : [row, column]
  }

  var name: String {
    switch kind {
    case .word(let t): "word \(t)"
    case .parameter(let name): name
    }
  }

  /// The editable tensors of the current word, in the order of its panels, the word
  /// first and h_0 last; past the forward pass (the loss, the backward pass), those of
  /// the step's word and then the prediction head's.
  static func onScreen(_ state: PlayerState) -> [EditTarget] {
    let chapter = state.chapter
    let events = chapter.trace.events
    let model = chapter.trace.model
    let shapes = Dictionary(
      chapter.editableParameters.map { ($0.name, Array($0.value.shape)) },
      uniquingKeysWith: { a, _ in a })
    // A step after the forward pass belongs to word t; its forward events come first.
    let word = state.event.isAfterForward ? max(0, state.event.t - 1) : state.wordIndex
    var targets = [
      EditTarget(
        kind: .word(t: word + 1), rows: 1, columns: 1, transposed: false,
        fixedRow: nil, rank: 0)
    ]
    func add(_ name: String, rows: Int, columns: Int, transposed: Bool, fixedRow: Int? = nil) {
      guard let shape = shapes[name], !targets.contains(where: { $0.kind == .parameter(name) })
      else { return }
      targets.append(
        EditTarget(
          kind: .parameter(name), rows: rows, columns: columns, transposed: transposed,
          fixedRow: fixedRow, rank: shape.count))
    }
    for i in chapter.wordEvents[word] {
      let event = events[i]
      switch event.operation {
      case .embedding:
        if let row = event.index {
          add("embedding.weight", rows: 1, columns: model.inputs, transposed: false, fixedRow: row)
        }
      case .matmulInput, .matmulHidden:
        if let product = MatrixProduct(event) {
          add(
            product.weight.name, rows: product.inner, columns: product.outputs,
            transposed: product.transposed)
        }
      case .biasInput, .biasHidden:
        if let bias = event.operands.last {
          add(bias.name, rows: 1, columns: bias.value.count, transposed: false)
        }
      default: break
      }
    }
    if chapter.learner != nil {
      add("head.weight", rows: model.vocabulary.count, columns: model.hidden, transposed: false)
      add("head.bias", rows: 1, columns: model.vocabulary.count, transposed: false)
    }
    add("h0", rows: 1, columns: model.hidden, transposed: false, fixedRow: 0)
    return targets
  }
}

/// Where the edit cursor is: a tensor of `EditTarget.onScreen` and an element as drawn.
struct EditCursor: Equatable, Sendable {
  var target: Int
  var row: Int
  var column: Int
}
