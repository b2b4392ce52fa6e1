import ArgumentParser
import Lesson
import Model

/// `rnntrace lessons`: what is bundled.
struct LessonsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "List the lessons built into rnntrace, with their chapters.",
    discussion: """
      A bundled lesson can be named with --lesson; a lesson file of your own is \
      opened the same way by its path (docs/lessons.md describes the format).

      Examples:
        rnntrace lessons
        rnntrace print --lesson rnn-pytorch --chapter 2
        rnntrace play --lesson rnn-learning
        rnntrace print --lesson my-lesson.yaml
      """)

  /// "; next-word loss, 300 SGD rounds at lr 0.5" for a chapter that learns.
  static func lossNote(_ loss: ChapterLoss?) -> String {
    guard let loss else { return "" }
    guard let rounds = loss.rounds else { return "; \(loss.kind.rawValue) loss" }
    return
      "; \(loss.kind.rawValue) loss, \(rounds) SGD round\(rounds == 1 ? "" : "s") at lr \(loss.learningRate)"
  }

  func run() throws {
    for entry in BundledLessons.all {
      let lesson: Lesson
      do {
        lesson = try entry.lesson()
      } catch {
        throw CommandError(.data, error.description)
      }
      try StandardOutput.line("\(entry.name)  \(lesson.title)  (\(entry.fileName))")
      for (number, chapter) in zip(1..., lesson.chapters) {
        try StandardOutput.line(
          "  \(number). \(chapter.title)  [\(chapter.variant.rawValue), inputs \(chapter.inputs), hidden \(chapter.hidden), \(chapter.words.count) word\(chapter.words.count == 1 ? "" : "s")\(Self.lossNote(chapter.loss))]"
        )
      }
    }
  }
}
