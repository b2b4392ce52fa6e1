import Model
import TUI

/// States and grids for the tests, built from the golden models.
enum TestSupport {
  static func content(_ golden: (model: RNNModel, words: [String]), title: String = "test model")
    -> PlayerContent
  {
    PlayerContent(title: title, trace: golden.model.trace(golden.words))
  }

  static func state(
    _ golden: (model: RNNModel, words: [String]) = GoldenModels.linearTanhSeed7,
    columns: Int = 120, rows: Int = 40, canExport: Bool = false
  ) -> PlayerState {
    PlayerState(
      content: content(golden), size: ScreenSize(columns: columns, rows: rows),
      canExport: canExport)
  }

  /// `state` after `actions`.
  static func after(_ actions: [PlayerAction], from state: PlayerState) -> PlayerState {
    var state = state
    for action in actions { state.update(action) }
    return state
  }

  /// The `n` times repeated action.
  static func repeated(_ action: PlayerAction, _ n: Int) -> [PlayerAction] {
    Array(repeating: action, count: n)
  }
}
