import Model

/// Caps on what a lesson may ask for, checked before anything is drawn or allocated.
///
/// Sizes reuse `ModelLimits`; these add the few things only a lesson has.
enum LessonLimits {
  /// The most words in a chapter's sentence: a lesson is read by a person, step by step.
  static let maxWords = 1_000
  /// The most chapters in a lesson.
  static let maxChapters = 100
  /// The most numbers all the draws of one chapter may take from the generator,
  /// discarded draws included (they cost the same time).
  static let maxDrawnNumbers = ModelLimits.maxParameters
}
