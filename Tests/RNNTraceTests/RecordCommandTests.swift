import Foundation
import Lesson
import Model
import TUI
import Testing

@testable import RNNTrace

/// `rnntrace record` as a user runs it: the cast it writes is read back line by line
/// as JSON and replayed through a terminal emulator, and at every marker the screen is
/// the player's own frame of that step.
struct RecordCommandTests {
  /// The lesson as the player plays it, every chapter or one.
  static func lesson(chapter: Int? = nil) throws -> PlayerContent {
    let options = try LessonOptions.parse(chapter.map { ["--chapter", String($0)] } ?? [])
    let loaded = try options.load()
    let chapters = loaded.chapters.map { number, chapter in
      PlayCommand.playerChapter(chapter.run(), number: number)
    }
    return PlayerContent(
      title: loaded.lesson.title, chapters: chapters, chapterCount: loaded.lesson.chapters.count)
  }

  /// The player's frame for marker `index` of a recording of `content` from its start:
  /// the chapter's first step, Space, and a tick per step. A recording asks nothing (no
  /// learner answers it), so the lesson's questions are off (`a` twice).
  static func frame(_ content: PlayerContent, size: ScreenSize, marker index: Int) -> CellGrid {
    var state = PlayerState(content: content, size: size)
    state.update(.quiz)
    state.update(.quiz)
    var rest = index
    while rest >= state.chapter.stepCount {
      rest -= state.chapter.stepCount
      state.update(.nextChapter)
    }
    state.update(.togglePlay)
    for _ in 0..<rest { state.update(.tick) }
    return PlayerView.render(state)
  }

  /// Replays `cast`, comparing each marker's screen with the player's frame.
  static func expectFrames(
    _ cast: CastFile, of content: PlayerContent, palette: TerminalPalette,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let size = ScreenSize(columns: cast.columns, rows: cast.rows)
    var failures = 0
    let final = cast.replay { index, marker, screen in
      guard failures < 3 else { return }
      let differences = screen.differences(
        from: frame(content, size: size, marker: index), palette: palette)
      if !differences.isEmpty { failures += 1 }
      #expect(
        differences.isEmpty, "marker \(index) (\(marker.data)): \(differences)\n\(screen.text)",
        sourceLocation: sourceLocation)
    }
    #expect(final.problems.isEmpty, "\(final.problems)", sourceLocation: sourceLocation)
  }

  static let colour = ["TERM": "xterm-256color", "NO_COLOR": ""]

  @Test func aChapterReplaysToThePlayersFramesWithAMarkerPerStep() throws {
    let scratch = try ScratchDirectory()
    let path = scratch.path("chapter2.cast")
    let result = try RNNTraceBinary.run(
      ["record", "--chapter", "2", "-o", path], environment: Self.colour)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty && result.stdout.isEmpty)
    #expect(try scratch.contents() == ["chapter2.cast"])
    let cast = try CastFile(String(contentsOfFile: path, encoding: .utf8))
    #expect(cast.version == 2 && cast.columns == 100 && cast.rows == 30)
    #expect(
      cast.header["title"] as? String
        == "RNN Pytorch, one operation at a time — chapter 2: A sentence, word after word")
    #expect((cast.header["env"] as? [String: String])?["TERM"] == "xterm-256color")
    #expect(cast.header["idle_time_limit"] as? Double == 1.5)
    let content = try Self.lesson(chapter: 2)
    #expect(cast.markers.count == 25)
    #expect(cast.markers.map(\.time) == (0..<25).map { Int64($0) * 1_500_000 })
    #expect(cast.markers[24].data == "25 · t=5 \"a\" · hidden_state → h_5 = -1.3220")
    Self.expectFrames(cast, of: content, palette: TerminalPalette(depth: .twoFiftySix))
  }

  /// The whole lesson to standard output: every chapter in turn, the markers naming
  /// them, and a v3 cast's intervals adding up to the steps' times.
  @Test func theWholeLessonAsVersion3OnStandardOutput() throws {
    let result = try RNNTraceBinary.run(
      ["record", "--cast-version", "3", "--step-seconds", "0.4", "--size", "120x40", "-o", "-"],
      environment: Self.colour)
    #expect(result.status == 0, "\(result.stderr)")
    let cast = try CastFile(result.stdout)
    #expect(cast.version == 3 && cast.columns == 120 && cast.rows == 40)
    #expect((cast.header["term"] as? [String: Any])?["type"] as? String == "xterm-256color")
    let content = try Self.lesson()
    let steps = content.chapters.map(\.stepCount).reduce(0, +)
    #expect(cast.markers.count == steps)
    #expect(cast.markers.map(\.time) == (0..<steps).map { Int64($0) * 400_000 })
    #expect(cast.markers.allSatisfy { $0.written == 0 })
    #expect(cast.markers.first?.data.hasPrefix("chapter 1 · 1 · t=1 \"dog\" · embedding") == true)
    #expect(cast.markers.last?.data.hasPrefix("chapter \(content.chapters.count) · ") == true)
    Self.expectFrames(cast, of: content, palette: TerminalPalette(depth: .twoFiftySix))
  }

  /// The colours are those the player shows under the same TERM and NO_COLOR.
  @Test(arguments: [
    (["TERM": "screen", "NO_COLOR": ""], [String](), TerminalPalette.Depth.eight),
    (["TERM": "xterm-256color", "NO_COLOR": "1"], [], .monochrome),
    (["TERM": "xterm-256color", "NO_COLOR": ""], ["--no-color"], .monochrome),
  ])
  func coloursFollowTermAndNoColor(
    environment: [String: String], flags: [String], depth: TerminalPalette.Depth
  ) throws {
    let result = try RNNTraceBinary.run(
      ["record", "--chapter", "4", "-o", "-"] + flags, environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    let cast = try CastFile(result.stdout)
    let output = cast.events.filter { $0.code == "o" }.map(\.data).joined()
    let codes = PlayerEndToEndTests.sgrCodes(output)
    let extended = codes.contains { $0.contains("38;5;") }
    let basic = codes.contains { code in
      code.split(separator: ";").contains { Int($0).map { (30...37).contains($0) } ?? false }
    }
    #expect(depth == .eight ? basic && !extended : !basic && !extended, "\(codes)")
    #expect(codes.contains { $0.split(separator: ";").contains("1") }, "no bold: \(codes)")
    Self.expectFrames(cast, of: try Self.lesson(chapter: 4), palette: TerminalPalette(depth: depth))
  }

  /// A word or a title holding escape sequences reaches the cast as text.
  @Test func escapesInWordsAndTitlesStayText() throws {
    let result = try RNNTraceBinary.run(
      [
        "record", "--sentence", "ev\u{1B}[31mil dog", "--title", "t\u{1B}]0;x\u{7}", "-o", "-",
        "--from", "2", "--to", "4",
      ], environment: Self.colour)
    #expect(result.status == 0, "\(result.stderr)")
    let cast = try CastFile(result.stdout)
    #expect(cast.header["title"] as? String == "t^[]0;x^G")
    #expect(cast.markers.count == 3)
    #expect(cast.markers[0].data.hasPrefix("2 · t=1 \"ev^[[31mil\" · "), "\(cast.markers[0].data)")
    for event in cast.events where event.code == "o" {
      #expect(!event.data.contains("\u{1B}[31m") && !event.data.contains("\u{7}"))
    }
    let final = cast.replay()
    #expect(final.problems.isEmpty, "\(final.problems)")
    #expect(final.text.contains("ev^[[31mil"))
  }

  /// Mistakes are one line, exit status 64, and the file named by -o is left alone.
  @Test(arguments: [
    (["--size", "30x8"], "--size"),
    (["--size", "wide"], "100x30"),
    (["--from", "3"], "--chapter"),
    (["--chapter", "2", "--to", "99"], "25 steps"),
    (["--chapter", "2", "--from", "9", "--to", "3"], "after the last"),
    (["--cast-version", "4"], "2 or 3"),
    (["--step-seconds", "0"], "seconds"),
    (["--step-seconds", "nan"], "seconds"),
    (["--chapter", "9"], "chapters"),
    (["--seed", "1", "--chapter", "2"], "one or the other"),
  ])
  func mistakesAreUsageErrors(arguments: [String], mention: String) throws {
    let scratch = try ScratchDirectory()
    let path = scratch.path("keep.cast")
    try "keep".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try RNNTraceBinary.run(["record"] + arguments + ["-o", path])
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains(mention), "\(result.stderr)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
    #expect(try scratch.contents() == ["keep.cast"])
  }

  @Test func aFolderThatDoesNotExistIsAUsageError() throws {
    let scratch = try ScratchDirectory()
    let result = try RNNTraceBinary.run(["record", "-o", scratch.path("no/such/walk.cast")])
    #expect(result.status == 64)
    #expect(result.stderr.contains("does not exist"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try scratch.contents().isEmpty)
  }

  @Test func withoutOutputItSaysWhatIsMissing() throws {
    let result = try RNNTraceBinary.run(["record"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--output"), "\(result.stderr)")
  }

  @Test func helpHasExamples() throws {
    let result = try RNNTraceBinary.run(["record", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("rnntrace record -o walkthrough.cast"))
    #expect(result.stdout.contains("pauseOnMarkers"))
    for option in ["--cast-version", "--size", "--step-seconds", "--from", "--to", "--title"] {
      #expect(result.stdout.contains(option), "\(option)")
    }
  }

  /// asciinema itself reads the cast, where it is installed (`pip install asciinema`).
  @Test(.enabled(if: Asciinema.path != nil)) func asciinemaCatReadsIt() throws {
    let scratch = try ScratchDirectory()
    var versions: [String] = ["2"]
    if Asciinema.majorVersion >= 3 { versions.append("3") }
    for version in versions {
      let path = scratch.path("v\(version).cast")
      let recorded = try RNNTraceBinary.run(
        ["record", "--chapter", "1", "--cast-version", version, "-o", path])
      #expect(recorded.status == 0)
      let shown = try Asciinema.run(["cat", path])
      #expect(shown.status == 0, "asciinema cat: \(shown.error)")
      #expect(shown.output.contains("embedding"))
    }
  }
}

/// The `asciinema` program, if installed.
enum Asciinema {
  static let path: String? = {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return directories.map { "\($0)/asciinema" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  static let majorVersion: Int = {
    guard let output = try? run(["--version"]).output else { return 0 }
    let digits = output.split(separator: " ").last?.split(separator: ".").first
    return digits.flatMap { Int($0) } ?? 0
  }()

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path ?? "/bin/false")
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: out, as: UTF8.self),
      String(decoding: err, as: UTF8.self)
    )
  }
}
