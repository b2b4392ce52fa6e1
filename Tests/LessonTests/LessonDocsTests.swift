import Foundation
import Testing

@testable import Lesson
@testable import Model

/// docs/lessons.md says what the parser does: its example parses, and every message
/// of the mistake fixtures is in its table.
struct LessonDocsTests {
  static let docs: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../docs/lessons.md").standardized
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  @Test func exampleParses() throws {
    let blocks = Self.docs.components(separatedBy: "```yaml\n").dropFirst()
      .map { $0.components(separatedBy: "```")[0] }
    let example = try #require(blocks.first { $0.hasPrefix("title:") })
    let lesson = try LessonParser.parse(example, file: "docs/lessons.md")
    #expect(lesson.chapters.count == 1)
    #expect(lesson.chapters[0].stepCount == 25)
  }

  @Test(arguments: LessonMistakeTests.fixtures)
  func messageIsDocumented(_ name: String) throws {
    let url = LessonMistakeTests.directory.appendingPathComponent(name)
    let firstLine = try String(contentsOf: url, encoding: .utf8).prefix { $0 != "\n" }
    // `# expect: LINE:COLUMN: MESSAGE`: the table gives the message without a place.
    let message = firstLine.split(separator: ": ", maxSplits: 2)[2]
    #expect(Self.docs.contains(message), "\(name): not in docs/lessons.md")
  }
}
