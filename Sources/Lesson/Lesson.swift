import Model

/// A lesson: a title and chapters, each a narrated run of an RNN (see docs/lessons.md).
///
/// Made by `LessonParser` from the text of a lesson file; fully checked, so every
/// chapter can be built and played.
public struct Lesson: Equatable, Sendable {
  public let title: String
  /// One line on what the lesson teaches, for listings.
  public let summary: String?
  /// At least one.
  public let chapters: [Chapter]

  public init(title: String, summary: String?, chapters: [Chapter]) {
    self.title = title
    self.summary = summary
    self.chapters = chapters
  }
}
