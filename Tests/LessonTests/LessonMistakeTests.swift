import Foundation
import Testing

@testable import Lesson
@testable import Model

/// Every file in Fixtures/lessons-bad is a lesson with one mistake. Its first line,
/// `# expect: LINE:COLUMN: MESSAGE`, is the message an author should see, written by
/// hand; the parser must refuse the file with exactly that.
struct LessonMistakeTests {
  static let directory = Bundle.module.url(
    forResource: "lessons-bad", withExtension: nil, subdirectory: "Fixtures")!

  static var fixtures: [String] {
    let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
    return (names ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
  }

  /// The mistakes a lesson author is most likely to make, each of which must have a fixture.
  @Test func everyListedMistakeHasAFixture() {
    let required = [
      "unknown-key", "wrong-type", "bad-indentation", "shape-mismatch", "missing-embedding",
      "negative-size", "huge-size", "seed-out-of-range", "undefined-tensor",
    ]
    for name in required {
      #expect(Self.fixtures.contains("\(name).yaml"), "no fixture for \(name)")
    }
  }

  @Test(arguments: fixtures)
  func isRefusedWithItsMessage(_ name: String) throws {
    let text = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
    let firstLine = text.prefix { $0 != "\n" }
    let prefix = "# expect: "
    try #require(firstLine.hasPrefix(prefix), "\(name) has no `# expect:` line")
    let expected = "\(name):" + firstLine.dropFirst(prefix.count)
    #expect(throws: LessonError.self) { try LessonParser.parse(text, file: name) }
    do {
      _ = try LessonParser.parse(text, file: name)
    } catch {
      #expect(error.description == expected)
    }
  }
}
