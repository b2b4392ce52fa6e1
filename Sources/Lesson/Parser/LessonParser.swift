import Model
import Yams

/// Turns the text of a lesson file into a checked `Lesson`, or the first mistake in it.
///
/// Takes text, never a path: the command reads files, so that bundled lessons and files
/// on disk go through the same door. Every check (keys, types, sizes, seeds, names,
/// shapes, anchors, placeholders) happens here, before any tensor is drawn.
public enum LessonParser {
  public static let keys = ["title", "summary", "chapters"]

  /// - Parameters:
  ///   - text: the YAML text of the lesson.
  ///   - file: the name to put in messages (`lessons/rnn-pytorch.yaml`).
  public static func parse(_ text: String, file: String) throws(LessonError) -> Lesson {
    let source = SourceText(file: file, text: text)
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text, .basic) else {
        throw source.error(
          at: nil, "the file is empty",
          expected: "a lesson: `title:` and `chapters:` (see docs/lessons.md)")
      }
      root = node
    } catch let error as LessonError {
      throw error
    } catch let error as YamlError {
      throw YAMLProblem.lessonError(error, source: source, text: text)
    } catch {
      throw source.error(at: nil, "unreadable YAML: \(error)", expected: "a YAML file")
    }
    let fields = try Fields(root, owner: "the lesson", allowed: keys, source: source)
    let title = try source.text(try fields.required("title", "the lesson's title", source: source))
    let summary = try fields["summary"].map { (field) throws(LessonError) in
      try source.text(field, "one line of text")
    }
    let chaptersField = try fields.required(
      "chapters", "a list of chapters, each starting with `- title:`", source: source)
    let items = try source.list(chaptersField, "a list of chapters, each starting with `- title:`")
    guard !items.isEmpty, items.count <= LessonLimits.maxChapters else {
      throw source.error(
        at: chaptersField.mark, "`chapters` has \(items.count) chapters",
        expected: "from 1 to \(LessonLimits.maxChapters)")
    }
    var chapters: [Chapter] = []
    for (i, item) in items.enumerated() {
      chapters.append(
        try ChapterReader(source: source, number: i + 1, earlier: chapters).read(item))
    }
    return Lesson(title: title, summary: summary, chapters: chapters)
  }
}
