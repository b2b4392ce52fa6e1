import ArgumentParser
import Foundation
import Lesson
import Model

/// `--lesson` and `--chapter`: which lesson (bundled or a file) and which of its
/// chapters. With neither and no model options, the bundled lesson plays.
struct LessonOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "A lesson file (YAML, see docs/lessons.md), or the name of a bundled lesson (rnntrace lessons).",
      valueName: "path"))
  var lesson: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Only this chapter of the lesson (from 1).", valueName: "n"),
    transform: { text in
      guard let n = Int(text), n >= 1 else {
        throw ArgumentError("expected a chapter number from 1")
      }
      return n
    })
  var chapter: Int?

  var isGiven: Bool { lesson != nil || chapter != nil }

  /// The lesson, parsed and checked: a bundled one by name, else the file at `lesson`.
  func load() throws -> LoadedLesson {
    let text: String
    let file: String
    if let lesson, let entry = BundledLessons.named(lesson),
      !FileManager.default.fileExists(atPath: lesson)
    {
      text = entry.text
      file = entry.fileName
    } else if let lesson {
      text = try Self.read(lesson)
      file = lesson
    } else {
      text = BundledLessons.standard.text
      file = BundledLessons.standard.fileName
    }
    let parsed: Lesson
    do {
      parsed = try LessonParser.parse(text, file: file)
    } catch {
      throw CommandError(.data, error.description)
    }
    if let chapter, chapter > parsed.chapters.count {
      throw CommandError(
        .usage,
        "--chapter \(chapter): \(file) has \(parsed.chapters.count) chapters; expected 1 … \(parsed.chapters.count)"
      )
    }
    return LoadedLesson(lesson: parsed, file: file, only: chapter)
  }

  /// A lesson file's text, or one line saying why it cannot be read.
  static func read(_ path: String) throws -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      let names = BundledLessons.all.map(\.name).joined(separator: ", ")
      throw CommandError(
        .input,
        "--lesson \(path): no such file, and no bundled lesson of that name (bundled: \(names))")
    }
    if isDirectory.boolValue {
      throw CommandError(.input, "--lesson \(path): is a directory; expected a lesson file (.yaml)")
    }
    // A device, a pipe or standard input would be read without end or not at all.
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
      throw CommandError(
        .input,
        "--lesson \(path): not a regular file (a device, a pipe or standard input); expected a lesson file (.yaml)"
      )
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError(.input, "--lesson \(path): cannot be read (permission denied?)")
    }
    guard data.count <= LessonFileLimits.maxBytes else {
      throw CommandError(
        .data,
        "\(path): \(data.count) bytes; a lesson file may hold at most \(LessonFileLimits.maxBytes)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CommandError(.data, "\(path): not UTF-8 text; expected a YAML lesson file")
    }
    return text
  }
}

/// A lesson ready to play, print or export.
struct LoadedLesson {
  let lesson: Lesson
  /// Where it came from, for messages and titles.
  let file: String
  /// The one chapter asked for (from 1), or nil for all.
  let only: Int?
  /// `--loss`: the loss every chapter shown goes on to (a chapter with its own `loss:`
  /// keeps it, and must agree); set through `adding(loss:kernels:)`, which checks it.
  private(set) var lossOption: LossKind? = nil

  /// The chapters to show, with their numbers (from 1).
  var chapters: [(number: Int, chapter: Chapter)] {
    let all = Array(zip(1..., lesson.chapters))
    guard let only else { return all.map { ($0.0, $0.1) } }
    return [(only, lesson.chapters[only - 1])]
  }

  /// The lesson with `--loss` added to the chapters shown, or a usage error naming the
  /// chapter that cannot take it. Any loss (the chapters' own too) needs the AMD
  /// arithmetic the backward pass follows.
  func adding(loss: LossKind?, kernels: KernelsChoice) throws -> LoadedLesson {
    var copy = self
    copy.lossOption = loss
    let anyLoss = try chapters.contains { try copy.loss(of: $0.number) != nil }
    if anyLoss && kernels == .intelAVX512 {
      throw CommandError(
        .usage,
        "--kernels: the backward pass (\(loss.map { "--loss \($0.rawValue)" } ?? "the loss of \(file)")) follows PyTorch on AMD processors only; use --kernels amd or auto"
      )
    }
    return copy
  }

  /// The loss chapter `number` runs with: its own, or `--loss`; nil for none.
  func loss(of number: Int) throws -> ChapterLoss? {
    let chapter = lesson.chapters[number - 1]
    guard let option = lossOption else { return chapter.loss }
    if let own = chapter.loss {
      guard own.kind == option else {
        throw CommandError(
          .usage,
          "--loss \(option.rawValue): chapter \(number) of \(file) has its own loss, \(own.kind.rawValue), which its narrative follows; use --loss \(own.kind.rawValue) or leave --loss out"
        )
      }
      return own
    }
    if let refusal = chapter.lossRefusal {
      throw CommandError(
        .usage, "--loss: chapter \(number) of \(file) cannot go on to a loss: \(refusal)")
    }
    return ChapterLoss(kind: option)
  }

  /// Chapter `number` run: its forward pass, and its loss, backward pass and SGD rounds
  /// when it has them (`adding(loss:kernels:)` has checked they can be).
  func run(_ number: Int, kernel: TorchGenerator.Kernel, kernels: KernelFamily) -> ChapterTrace {
    let loss = try? self.loss(of: number)
    return lesson.chapters[number - 1].run(kernel: kernel, kernels: kernels, loss: loss ?? nil)
  }

  /// "RNN Pytorch — chapter 2: A sentence, word after word"
  func title(of number: Int) -> String {
    "\(lesson.title) — chapter \(number): \(lesson.chapters[number - 1].title)"
  }
}

enum LessonFileLimits {
  /// Lessons are written by hand; anything larger is not one.
  static let maxBytes = 4 << 20
}
