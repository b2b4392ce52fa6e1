import Model

/// The walkthrough as a cast: the player's screen at each step, in order, a fixed time
/// apart, each followed by a marker naming the step (what `rnntrace record` writes).
///
/// State, then grid, then text: each step's state is the player's own (playing, on
/// that step), `PlayerView.render` draws it, and `ScreenUpdate` writes what changed
/// since the step before. Nothing here touches a terminal or a file.
public struct WalkthroughRecording: Sendable {
  public var version: CastVersion = .v2
  public var size = ScreenSize(columns: 100, rows: 30)
  /// The time between steps, in microseconds.
  public var stepMicroseconds: Int64 = 1_500_000
  public var palette = TerminalPalette(depth: .twoFiftySix)
  public var title: String?
  public var terminalType: String? = "xterm-256color"

  public init() {}

  /// What a recording held.
  public struct Summary: Equatable, Sendable {
    /// The steps recorded (each one frame and one marker).
    public var steps = 0
    /// The steps whose panels did not fit the size (chapter and event indices, from
    /// 0): they show the player's message asking for a larger terminal.
    public var tooSmall: [(chapterIndex: Int, eventIndex: Int)] = []
    /// The sizes the first of them fits on.
    public var neededSizes: [ScreenSize] = []

    public static func == (a: Summary, b: Summary) -> Bool {
      a.steps == b.steps && a.neededSizes == b.neededSizes
        && a.tooSmall.elementsEqual(b.tooSmall) { $0 == $1 }
    }
  }

  /// Records every chapter of `content`, or, in content of one chapter, its steps
  /// `steps` (positions from 0). `write` receives the cast a line at a time.
  @discardableResult
  public func record(
    _ content: PlayerContent, steps: ClosedRange<Int>? = nil, write: (String) throws -> Void
  ) rethrows -> Summary {
    var cast = CastWriter(
      header: CastHeader(
        version: version, size: size, title: title, terminalType: terminalType,
        idleTimeLimit: stepMicroseconds))
    try write(cast.headerLine)
    let update = ScreenUpdate(palette: palette)
    var summary = Summary()
    var previous: CellGrid?
    var time: Int64 = 0
    let labelChapters = content.chapters.count > 1
    for chapterIndex in content.chapters.indices {
      var state = PlayerState(content: content, size: size)
      state.chapterIndex = chapterIndex
      let last = state.chapter.stepCount - 1
      let range = steps.map { max(0, $0.lowerBound)...min(last, $0.upperBound) } ?? 0...last
      for eventIndex in range {
        state.eventIndex = eventIndex
        // Playing, as the player plays through the steps, until the last one of the
        // chapter, where it stops.
        state.isPlaying = eventIndex < last
        let grid = PlayerView.render(state)
        if PlayerView.layout(state) == nil {
          if summary.tooSmall.isEmpty {
            summary.neededSizes = PlayerView.neededSizes(PanelLayout.panels(for: state))
          }
          summary.tooSmall.append((chapterIndex, eventIndex))
        }
        let output = update.changes(from: previous, to: grid)
        if !output.isEmpty { try write(cast.output(output, at: time)) }
        try write(cast.marker(StepLabel.text(for: state, withChapter: labelChapters), at: time))
        previous = grid
        summary.steps += 1
        time += stepMicroseconds
      }
    }
    // The last step stays for its time; then the cursor comes back below the screen
    // for whatever runs next (`asciinema cat` into a terminal).
    try write(cast.output(Self.ending(rows: size.rows), at: time))
    return summary
  }

  /// Resets the style and shows the cursor again on the bottom row.
  static func ending(rows: Int) -> String { "\u{1B}[0m\u{1B}[\(rows)H\u{1B}[?25h" }
}
