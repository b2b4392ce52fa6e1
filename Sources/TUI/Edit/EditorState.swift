import Model

/// Edit mode (`w`): the cursor over the tensors on screen and the change being made to
/// the element under it, typed or nudged, until Enter applies it or Esc drops it.
public struct EditorState: Sendable {
  var targets: [EditTarget]
  var cursor: EditCursor
  /// What has been typed: a number, or a word for the word's slot.
  public internal(set) var typed = ""
  /// The change being previewed (nudged, negated, doubled): the screen already shows
  /// the run with it; Enter keeps it, Esc or a move drops it.
  var pending: WhatIfEdit?
  /// The chapter's what-if as it was when edit mode opened, before any preview.
  let before: WhatIf?

  /// The fine and coarse nudges (`[` `]`, `{` `}`).
  static let fineStep: Float = 0.01
  static let coarseStep: Float = 0.1
  static let maxTyped = 40

  var target: EditTarget { targets[cursor.target] }

  /// The parameter's stored index under the cursor (nil on the word's slot).
  var index: [Int]? {
    guard case .parameter = target.kind else { return nil }
    return target.index(row: cursor.row, column: cursor.column)
  }

  /// `w_h[0,0]`, `embedding.weight[0,3]`, `word 2`.
  var elementName: String {
    guard let index else { return target.name }
    return "\(target.name)[\(index.map(String.init).joined(separator: ","))]"
  }

  /// Whether the parameter element `name[index]` is under the cursor.
  func isCursor(_ name: String, _ index: [Int]) -> Bool {
    target.kind == .parameter(name) && self.index == index
  }

  /// Whether the word's slot is under the cursor.
  var isOnWord: Bool {
    if case .word = target.kind { return true }
    return false
  }

  /// The keys edit mode takes, for the narration line.
  static let keys =
    "↑ ↓ ← → choose a value; type one, or [ ] ±0.01, { } ±0.1, n negate, * double; Enter applies, Esc cancels"
  static let wordKeys =
    "↑ ↓ ← → choose; [ ] the previous or next word of the vocabulary, or type one; Enter applies, Esc cancels"

  /// Moves the cursor by rows or columns, from one tensor into the next past its last
  /// row (and back past its first).
  mutating func move(rows: Int, columns: Int) {
    if columns != 0 {
      cursor.column = min(max(0, cursor.column + columns), target.columns - 1)
    }
    guard rows != 0 else { return }
    let row = cursor.row + rows
    if row >= 0 && row < target.rows {
      cursor.row = row
      return
    }
    let next = cursor.target + (rows > 0 ? 1 : -1)
    guard targets.indices.contains(next) else { return }
    cursor.target = next
    cursor.row = rows > 0 ? 0 : targets[next].rows - 1
    cursor.column = min(cursor.column, targets[next].columns - 1)
  }
}
