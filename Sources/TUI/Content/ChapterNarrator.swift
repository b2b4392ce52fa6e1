import Model

/// How a lesson's chapter fills its text's values in from a run: the player asks it
/// again for a what-if's edited run, so that the text's numbers are the screen's.
public struct ChapterNarrator: Sendable {
  /// The chapter's text with the values of `trace`, a run of the chapter's model with
  /// the parameter edits `applied` (which the lesson's own tensors take too).
  public let narrate: @Sendable (_ trace: Trace, _ applied: [AppliedEdit]) -> ChapterText

  public init(
    narrate: @escaping @Sendable (_ trace: Trace, _ applied: [AppliedEdit]) -> ChapterText
  ) {
    self.narrate = narrate
  }
}

/// A chapter's text with its values filled in: what `ChapterNarrator` gives.
public struct ChapterText: Sendable {
  public var narrative: [Int: [String]]
  public var introduction: [String]
  public var summary: [String]
  public var questions: [Int: PlayerQuestion]

  public init(
    narrative: [Int: [String]], introduction: [String], summary: [String],
    questions: [Int: PlayerQuestion]
  ) {
    self.narrative = narrative
    self.introduction = introduction
    self.summary = summary
    self.questions = questions
  }
}
