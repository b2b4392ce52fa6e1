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
    columns: Int = 120, rows: Int = 40, canExport: Bool = false, canRecord: Bool = false
  ) -> PlayerState {
    PlayerState(
      content: content(golden), size: ScreenSize(columns: columns, rows: rows),
      canExport: canExport, canRecord: canRecord)
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

extension TestSupport {
  /// A model far larger than a screen: `inputs` × `hidden` weights and a sentence of
  /// `words` words, its numbers from a fixed sequence (their values do not matter here).
  static func largeModel(inputs: Int = 64, hidden: Int = 64, words count: Int = 200)
    -> (model: RNNModel, words: [String])
  {
    var seed: UInt32 = 12345
    func next(_ n: Int) -> [Float] {
      (0..<n).map { _ in
        seed = seed &* 1_664_525 &+ 1_013_904_223
        return Float(Int(seed >> 8) % 2001 - 1000) / 1000
      }
    }
    let vocabulary = (0..<50).map { "w\($0)" }
    let cell = LinearTanhCell(
      inputWeight: Tensor(shape: [hidden, inputs], scalars: next(hidden * inputs)),
      inputBias: Tensor(shape: [hidden], scalars: next(hidden)),
      hiddenWeight: Tensor(shape: [hidden, hidden], scalars: next(hidden * hidden)),
      hiddenBias: Tensor(shape: [hidden], scalars: next(hidden)))
    let model = RNNModel(
      vocabulary: vocabulary,
      embedding: Tensor(shape: [50, inputs], scalars: next(50 * inputs)),
      h0: Tensor(shape: [1, hidden], scalars: next(hidden)), cell: cell)
    return (model, (0..<count).map { vocabulary[($0 * 7) % 50] })
  }

  /// A one-word model whose word is `word`.
  static func oneWordModel(_ word: String) -> (model: RNNModel, words: [String]) {
    let golden = GoldenModels.linearTanhSeed7.model
    let model = RNNModel(
      vocabulary: [word], embedding: golden.embedding.row(0), h0: golden.h0, cell: golden.cell)
    return (model, [word])
  }
}
