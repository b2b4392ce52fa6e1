import Model

/// One edit the learner made in the player: an element of a parameter set to a value,
/// or the word at time step t swapped for another word of the vocabulary.
public enum WhatIfEdit: Equatable, Sendable {
  case parameter(ParameterEdit)
  /// Word t (from 1) becomes `word`.
  case word(t: Int, word: String)
}

/// What the export key hands the command with the edited trace: the parameter edits as
/// applied (the log's header records them) and the whole what-if in one line.
public struct WhatIfRecord: Equatable, Sendable {
  /// Each parameter edit, with the value before it.
  public let applied: [AppliedEdit]
  /// `w_h[0,0] = 1.5 (was -0.2138), word 2 "dog" → "over"`.
  public let description: String
  /// The edited run's prediction head, for a chapter with a loss (the header holds it).
  public var head: PredictionHead?

  public init(applied: [AppliedEdit], description: String, head: PredictionHead? = nil) {
    self.applied = applied
    self.description = description
    self.head = head
  }
}

/// How the player writes a value the learner set: as short as it reads (`1.5`, `-0.2238`).
enum EditValueText {
  static func short(_ v: Float) -> String {
    var text = NumberFormat.value(v)
    guard text.contains("."), !text.contains("e") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
