import Model

/// The lessons built into the program, so that `rnntrace` needs no file beside it.
///
/// Their text is embedded at build time from `lessons/` (through symlinks in
/// `Sources/Lesson/Bundled/`), so the files in `lessons/` stay the only copy.
public enum BundledLessons {
  /// One bundled lesson file.
  public struct Entry: Sendable {
    /// What `rnntrace lessons` lists and `--lesson` may name: `rnn-pytorch`.
    public let name: String
    /// The file name in `lessons/`, used in messages.
    public let fileName: String
    /// The YAML text.
    public let text: String

    /// The lesson, parsed. Bundled lessons are checked by the tests, so this only fails
    /// if a broken file was shipped.
    public func lesson() throws(LessonError) -> Lesson {
      try LessonParser.parse(text, file: fileName)
    }
  }

  /// Every bundled lesson; the first is the default.
  public static let all: [Entry] = [
    Entry(
      name: "rnn-pytorch", fileName: "lessons/rnn-pytorch.yaml",
      text: String(decoding: PackageResources.rnn_pytorch_yaml, as: UTF8.self)),
    Entry(
      name: "rnn-learning", fileName: "lessons/rnn-learning.yaml",
      text: String(decoding: PackageResources.rnn_learning_yaml, as: UTF8.self)),
  ]

  /// The lesson `rnntrace` opens when given none.
  public static var standard: Entry { all[0] }

  /// The bundled lesson called `name`, if there is one.
  public static func named(_ name: String) -> Entry? {
    all.first { $0.name == name }
  }
}
