/// The session being played, as a cast: each frame the terminal was given, at the
/// time it was given, as the output that changed the screen, and a marker whenever
/// another step comes on screen. What the player's record key writes.
///
/// Pure: the loop hands it the frames and the clock's readings.
public struct SessionRecording: Sendable {
  private var writer: CastWriter
  private let update: ScreenUpdate
  private let start: Double
  private var previous: CellGrid?
  private var lastStep: (chapterIndex: Int, eventIndex: Int)?
  /// The cast so far.
  public private(set) var cast: String
  /// The markers written: the steps shown.
  public private(set) var steps = 0

  /// Pauses longer than this play shorter: a learner reading for a minute should not
  /// make a viewer wait as long.
  public static let idleTimeLimit: Int64 = 3_000_000

  /// A recording of a screen of `size` that begins at `time` (seconds on the clock
  /// that later frames are timed by).
  public init(
    size: ScreenSize, palette: TerminalPalette, title: String?, terminalType: String?,
    timestamp: Int?, at time: Double
  ) {
    writer = CastWriter(
      header: CastHeader(
        version: .v2, size: size, title: title, terminalType: terminalType,
        idleTimeLimit: Self.idleTimeLimit, timestamp: timestamp))
    update = ScreenUpdate(palette: palette)
    start = time
    cast = writer.headerLine
  }

  /// Adds the frame `grid`, drawn for `state`, at `time`.
  public mutating func record(_ grid: CellGrid, of state: PlayerState, at time: Double) {
    let now = microseconds(time)
    if let previous, previous.size != grid.size {
      cast += writer.resize(grid.size, at: now)
    }
    let output = update.changes(from: previous, to: grid)
    if !output.isEmpty { cast += writer.output(output, at: now) }
    previous = grid
    let step = (state.chapterIndex, state.eventIndex)
    if lastStep.map({ $0 != step }) ?? true {
      lastStep = step
      cast += writer.marker(
        StepLabel.text(for: state, withChapter: state.content.chapters.count > 1), at: now)
      steps += 1
    }
  }

  /// Ends the recording at `time`: the style reset and the cursor shown again.
  public mutating func finish(at time: Double) {
    cast += writer.output(
      WalkthroughRecording.ending(rows: previous?.height ?? 1), at: microseconds(time))
  }

  private func microseconds(_ time: Double) -> Int64 {
    let elapsed = (time - start) * 1_000_000
    return elapsed.isFinite && elapsed > 0 ? Int64(elapsed.rounded()) : 0
  }
}
