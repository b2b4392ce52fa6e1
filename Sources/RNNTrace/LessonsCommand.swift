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
        rnntrace print --lesson my-lesson.yaml
      """)

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
          "  \(number). \(chapter.title)  [\(chapter.variant.rawValue), inputs \(chapter.inputs), hidden \(chapter.hidden), \(chapter.words.count) word\(chapter.words.count == 1 ? "" : "s")]"
        )
      }
    }
  }
}
