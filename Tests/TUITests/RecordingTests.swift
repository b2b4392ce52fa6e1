import Foundation
import Model
import Testing

@testable import TUI

/// `rnntrace record`'s frames, replayed through a terminal emulator: at every marker the
/// screen is the player's own frame of that step, cell for cell, in text and style.
struct WalkthroughRecordingTests {
  let content = TestSupport.content(GoldenModels.linearTanhSeed7)

  static let palettes: [TerminalPalette.Depth] = [.twoFiftySix, .sixteen, .eight, .monochrome]

  func record(
    _ content: PlayerContent, steps: ClosedRange<Int>? = nil,
    _ configure: (inout WalkthroughRecording) -> Void = { _ in }
  ) throws -> (CastFile, WalkthroughRecording.Summary) {
    var recording = WalkthroughRecording()
    configure(&recording)
    var text = ""
    let summary = recording.record(content, steps: steps) { text += $0 }
    return (try CastFile(text), summary)
  }

  /// The player playing from its first step: Space, then a tick per step.
  func playing(_ content: PlayerContent, size: ScreenSize, chapterIndex: Int = 0, ticks: Int)
    -> PlayerState
  {
    var state = PlayerState(content: content, size: size)
    for _ in 0..<chapterIndex { state.update(.nextChapter) }
    state.update(.togglePlay)
    for _ in 0..<ticks { state.update(.tick) }
    return state
  }

  @Test(arguments: palettes)
  func everyMarkerShowsThePlayersFrameOfThatStep(depth: TerminalPalette.Depth) throws {
    let palette = TerminalPalette(depth: depth)
    let size = ScreenSize(columns: 100, rows: 30)
    let (cast, summary) = try record(content) { $0.palette = palette }
    #expect(summary.steps == 40)
    #expect(cast.markers.count == 40)
    let final = cast.replay { index, marker, screen in
      let expected = PlayerView.render(playing(content, size: size, ticks: index))
      let differences = screen.differences(from: expected, palette: palette)
      #expect(differences.isEmpty, "step \(index + 1): \(differences)\n\(screen.text)")
      #expect(marker.time == Int64(index) * 1_500_000)
    }
    #expect(final.problems.isEmpty, "\(final.problems)")
    #expect(final.cursorVisible)
  }

  @Test func markersNameTheStepItsWordItsOperationAndItsResult() throws {
    let (cast, _) = try record(content)
    let labels = cast.markers.map(\.data)
    #expect(labels[0] == "1 · t=1 \"the\" · embedding → e_1 = [[-0.8201, 0.3956, 0.8989, -1.3884]]")
    #expect(labels[39].hasPrefix("40 · t=5 \"a\" · hidden_state → h_5 = [["))
    for (index, label) in labels.enumerated() {
      let event = content.chapters[0].trace.events[index]
      #expect(
        label.hasPrefix(
          "\(index + 1) · t=\(event.t) \"\(event.word)\" · \(event.operation.rawValue) → "))
    }
  }

  /// A value of 64 numbers is cut, so that a timeline can show the label.
  @Test func longValuesAreCutInTheLabel() {
    let content = TestSupport.content(TestSupport.largeModel(words: 2))
    let state = PlayerState(content: content, size: ScreenSize(columns: 100, rows: 30))
    let label = StepLabel.text(for: state)
    let value = label.split(separator: " = ", maxSplits: 1).last ?? ""
    #expect(value.count == StepLabel.maximumValueLength && value.hasSuffix("…"), "\(label)")
    #expect(label.hasPrefix("1 · t=1 \"w0\" · embedding → e_1 = [["))
    #expect(!label.contains("  "))
  }

  /// Several chapters: each plays from its first step, and the markers name it.
  @Test func chaptersFollowOneAnother() throws {
    let first = PlayerChapter(
      title: "chapter 1: one", trace: GoldenModels.linearSeed12.model.trace(["the"]))
    let second = PlayerChapter(
      title: "chapter 2: two", trace: GoldenModels.rawTanhSeed1.model.trace(["the", "dog"]))
    let lesson = PlayerContent(title: "a lesson", chapters: [first, second])
    let size = ScreenSize(columns: 80, rows: 24)
    let (cast, summary) = try record(lesson) { $0.size = size }
    #expect(summary.steps == first.stepCount + second.stepCount)
    #expect(cast.markers.first?.data.hasPrefix("chapter 1 · 1 · t=1") == true)
    #expect(cast.markers[first.stepCount].data.hasPrefix("chapter 2 · 1 · t=1") == true)
    let palette = TerminalPalette(depth: .twoFiftySix)
    let final = cast.replay { index, _, screen in
      let chapterIndex = index < first.stepCount ? 0 : 1
      let ticks = chapterIndex == 0 ? index : index - first.stepCount
      let expected = PlayerView.render(
        playing(lesson, size: size, chapterIndex: chapterIndex, ticks: ticks))
      #expect(screen.differences(from: expected, palette: palette).isEmpty, "marker \(index)")
    }
    #expect(final.problems.isEmpty, "\(final.problems)")
  }

  /// Steps 7 to 12 only: the first frame is the player gone to step 7 (`7g`) and
  /// playing; a v3 cast's intervals add up to the step times.
  @Test func aRangeOfStepsInAVersion3Cast() throws {
    let size = ScreenSize(columns: 120, rows: 40)
    let (cast, summary) = try record(content, steps: 6...11) {
      $0.version = .v3
      $0.size = size
      $0.stepMicroseconds = 250_000
      $0.title = "six steps"
      $0.terminalType = "screen"
    }
    #expect(summary.steps == 6)
    #expect(cast.version == 3)
    let term = cast.header["term"] as? [String: Any] ?? [:]
    #expect(term["cols"] as? Int == 120 && term["rows"] as? Int == 40)
    #expect(term["type"] as? String == "screen")
    #expect(cast.header["title"] as? String == "six steps")
    #expect(cast.header["idle_time_limit"] as? Double == 0.25)
    #expect(cast.header["width"] == nil)
    // Relative: an output and its marker share a time, so the marker's interval is 0;
    // the next output comes a step later.
    let codes: [String] = cast.events.map { $0.code }
    let written: [Double] = cast.events.map { $0.written }
    let markerTimes: [Int64] = cast.markers.map { $0.time }
    var expectedWritten: [Double] = [0, 0]
    for _ in 0..<5 { expectedWritten += [0.25, 0] }
    #expect(codes == Array(repeating: ["o", "m"], count: 6).flatMap { $0 } + ["o"])
    #expect(written == expectedWritten + [0.25])
    #expect(markerTimes == (0..<6).map { Int64($0) * 250_000 })
    #expect(cast.markers.first?.data.hasPrefix("7 · ") == true)
    let palette = TerminalPalette(depth: .twoFiftySix)
    let final = cast.replay { index, _, screen in
      var state = PlayerState(content: content, size: size)
      state.update(.digit(7))
      state.update(.first)
      state.update(.togglePlay)
      for _ in 0..<index { state.update(.tick) }
      let differences = screen.differences(from: PlayerView.render(state), palette: palette)
      #expect(differences.isEmpty, "step \(index + 7): \(differences)")
    }
    #expect(final.problems.isEmpty)
  }

  @Test func theHeaderOfAVersion2Cast() throws {
    let (cast, _) = try record(content) { $0.title = "a \"title\"\n" }
    #expect(cast.version == 2)
    #expect(cast.header["width"] as? Int == 100 && cast.header["height"] as? Int == 30)
    #expect(cast.header["title"] as? String == "a \"title\"\n")
    #expect(cast.header["idle_time_limit"] as? Double == 1.5)
    #expect((cast.header["env"] as? [String: String])?["TERM"] == "xterm-256color")
    #expect(cast.header["timestamp"] == nil)
    #expect(cast.header["term"] == nil)
  }

  /// Only what changed is written: a step of the lesson costs a fraction of a screen.
  @Test func laterFramesWriteOnlyWhatChanged() throws {
    let (cast, _) = try record(content)
    let outputs = cast.events.filter { $0.code == "o" }.map(\.data.utf8.count)
    let first = outputs[0]
    let rest = outputs.dropFirst().dropLast()
    #expect(rest.allSatisfy { $0 < first }, "\(outputs)")
    #expect(rest.reduce(0, +) / rest.count < first / 2, "\(outputs)")
  }

  /// A word holding an escape sequence shows as text (`^[`) and never reaches the
  /// viewer's terminal raw; the emulator sees only the writer's own sequences.
  @Test func aWordWithAnEscapeSequenceStaysText() throws {
    let content = TestSupport.content(TestSupport.oneWordModel("ev\u{1B}[31mil\u{7}"))
    let (cast, _) = try record(content)
    for event in cast.events where event.code == "o" {
      #expect(!event.data.contains("\u{1B}[31m"))
      #expect(!event.data.contains("\u{7}"))
    }
    #expect(cast.markers[0].data.contains("\"ev^[[31mil^G\""), "\(cast.markers[0].data)")
    let final = cast.replay()
    #expect(final.problems.isEmpty, "\(final.problems)")
    #expect(final.text.contains("ev^[[31mil^G"))
  }
}

/// The output that turns one grid into another, checked by replaying it.
struct ScreenUpdateTests {
  let palette = TerminalPalette(depth: .twoFiftySix)

  @Test func theSameScreenWritesNothingAndOneCellWritesOneCell() {
    var grid = CellGrid(size: ScreenSize(columns: 20, rows: 5))
    grid.put("hello", x: 0, y: 0)
    let update = ScreenUpdate(palette: palette)
    #expect(update.changes(from: grid, to: grid).isEmpty)
    var changed = grid
    changed.put("j", x: 0, y: 0)
    #expect(update.changes(from: grid, to: changed) == "\u{1B}[1Hj")
    var styled = grid
    styled.restyle(x: 1, y: 0, count: 1) { $0.bold = true }
    #expect(update.changes(from: grid, to: styled) == "\u{1B}[1;2H\u{1B}[0;1me\u{1B}[0m")
  }

  @Test(arguments: WalkthroughRecordingTests.palettes)
  func coloursAreThoseOfThePalette(depth: TerminalPalette.Depth) {
    let palette = TerminalPalette(depth: depth)
    var grid = CellGrid(size: ScreenSize(columns: 10, rows: 2))
    grid.put("-1", x: 0, y: 0, style: CellStyle(tone: .negative(level: 3)))
    grid.put("+1", x: 3, y: 0, style: CellStyle(tone: .positive(level: 1)))
    var screen = TerminalEmulator(columns: 10, rows: 2)
    screen.feed(ScreenUpdate(palette: palette).full(grid))
    #expect(screen.problems.isEmpty)
    let negative = screen[0, 0].style
    let positive = screen[3, 0].style
    switch depth {
    case .twoFiftySix:
      #expect(
        negative == TerminalStyle(foreground: 33) && positive == TerminalStyle(foreground: 137))
    case .sixteen:
      #expect(negative == TerminalStyle(bold: true, foreground: 14))
      #expect(positive == TerminalStyle(foreground: 1))
    case .eight:
      #expect(negative == TerminalStyle(bold: true, foreground: 6))
      #expect(positive == TerminalStyle(foreground: 1))
    case .monochrome:
      #expect(negative == TerminalStyle(bold: true) && positive == .plain)
    }
  }

  /// Random changes of wide, combining and narrow characters, styles and blanks, one
  /// frame after another: the replayed screen is the grid every time.
  @Test func randomFramesReplayExactly() {
    var random = SplitMix(seed: 16)
    let texts = [
      "a", "bc", "日本", "語", "é", "e\u{301}", "👍🏽", "──", "→", "  ", "x y", "\u{1B}[2J", "ᵀ·…",
    ]
    let styles: [CellStyle] = [
      .plain, CellStyle(bold: true), CellStyle(reverse: true, tone: .accent),
      CellStyle(dim: true, tone: .chrome), CellStyle(underline: true, tone: .negative(level: 2)),
      CellStyle(tone: .positive(level: 3)),
    ]
    let size = ScreenSize(columns: 17, rows: 6)
    var grid = CellGrid(size: size)
    var previous: CellGrid?
    var screen = TerminalEmulator(columns: size.columns, rows: size.rows)
    let update = ScreenUpdate(palette: palette)
    for frame in 0..<400 {
      for _ in 0..<random.next(4) {
        let text = texts[random.next(texts.count)]
        let style = styles[random.next(styles.count)]
        let (x, y) = (random.next(size.columns + 2) - 1, random.next(size.rows))
        if random.next(8) == 0 {
          grid.fill(Rect(x: x, y: y, width: random.next(10), height: 2), style: style)
        } else {
          grid.put(text, x: x, y: y, style: style)
        }
      }
      screen.feed(update.changes(from: previous, to: grid))
      previous = grid
      let differences = screen.differences(from: grid, palette: palette)
      #expect(differences.isEmpty, "frame \(frame): \(differences)\n\(screen.text)\n\(grid.text)")
      #expect(screen.problems.isEmpty, "frame \(frame): \(screen.problems)")
      if !differences.isEmpty || !screen.problems.isEmpty { break }
    }
  }

  /// A cell given a control character directly (not through `put`, which escapes)
  /// goes out as `?`.
  @Test func aControlCharacterInACellGoesOutAsAQuestionMark() {
    var grid = CellGrid(size: ScreenSize(columns: 4, rows: 1))
    grid[1, 0] = CellGrid.Cell("\u{1B}")
    grid[2, 0] = CellGrid.Cell("\u{202E}")
    let output = ScreenUpdate(palette: palette).full(grid)
    #expect(!output.contains("\u{202E}"))
    var screen = TerminalEmulator(columns: 4, rows: 1)
    screen.feed(output)
    #expect(screen.problems.isEmpty)
    #expect(screen.line(0) == " ??")
  }

  @Test func anotherSizeIsDrawnWhole() {
    var small = CellGrid(size: ScreenSize(columns: 5, rows: 2))
    small.put("ab", x: 0, y: 0)
    var large = CellGrid(size: ScreenSize(columns: 8, rows: 3))
    large.put("ab", x: 0, y: 0)
    #expect(ScreenUpdate(palette: palette).changes(from: small, to: large).hasPrefix("\u{1B}[?25l"))
  }
}

/// The cast format itself.
struct CastWriterTests {
  @Test func stringsAreJSONWithEveryControlCharacterEscaped() throws {
    let text = "a\"b\\c\n\r\t\u{1B}[1m\u{0}\u{7F}\u{2028}\u{2029}é日👍🏽"
    let quoted = CastWriter.quoted(text)
    #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    #expect(!quoted.contains("\u{2028}") && !quoted.contains("\u{2029}"))
    #expect(quoted.contains("\\u001b[1m"))
    let decoded =
      try JSONSerialization.jsonObject(
        with: Data("[\(quoted)]".utf8)) as? [String]
    #expect(decoded == [text])
  }

  @Test func secondsHaveAtMostSixDecimals() {
    #expect(CastWriter.seconds(0) == "0.0")
    #expect(CastWriter.seconds(1_500_000) == "1.5")
    #expect(CastWriter.seconds(3_000_001) == "3.000001")
    #expect(CastWriter.seconds(123_456_789_012) == "123456.789012")
  }

  @Test func timesNeverGoBack() throws {
    var writer = CastWriter(
      header: CastHeader(version: .v3, size: ScreenSize(columns: 40, rows: 12)))
    var text = writer.headerLine
    text += writer.output("a", at: 2_000_000)
    text += writer.marker("m", at: 1_000_000)
    text += writer.resize(ScreenSize(columns: 50, rows: 20), at: 2_500_000)
    let cast = try CastFile(text)
    #expect(cast.events.map(\.time) == [2_000_000, 2_000_000, 2_500_000])
    #expect(cast.events.map(\.written) == [2, 0, 0.5])
    #expect(cast.events.last?.data == "50x20")
  }
}

/// SplitMix64: a small deterministic generator (random frames, random sizes), the same
/// on every run.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return bound <= 0 ? 0 : Int(z % UInt64(bound))
  }

  mutating func next(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + next(range.count)
  }
}
