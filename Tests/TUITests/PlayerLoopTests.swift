import Model
import Testing

@testable import TUI

/// A terminal that replays scripted input and keeps every screen it was given.
///
/// Each scripted input arrives after the frame before it is drawn; `queued` inputs
/// are already waiting (a paste), and come first, at once.
final class ScriptedTerminal: PlayerTerminal {
  var size: ScreenSize
  private var inputs: [TerminalInput]
  private var queued: [TerminalInput]
  private(set) var screens: [CellGrid] = []
  /// The waits for input; a look at what is already waiting is not one.
  private(set) var timeouts: [Int?] = []
  private(set) var repaints = 0
  private(set) var suspensions = 0

  init(
    size: ScreenSize = ScreenSize(columns: 100, rows: 30), queued: [TerminalInput] = [],
    inputs: [TerminalInput]
  ) {
    self.size = size
    self.queued = queued
    self.inputs = inputs
  }

  func draw(_ grid: CellGrid) { screens.append(grid) }

  func nextInput(timeoutMilliseconds: Int?) -> TerminalInput {
    if !queued.isEmpty { return queued.removeFirst() }
    if timeoutMilliseconds == 0 { return .timeout }
    timeouts.append(timeoutMilliseconds)
    // Past the script, the learner quits (so that a broken loop cannot hang a test).
    guard !inputs.isEmpty else { return .key(.control("c")) }
    let input = inputs.removeFirst()
    if case .resize(let newSize) = input { size = newSize }
    return input
  }

  func repaint() { repaints += 1 }
  func suspend() { suspensions += 1 }
}

struct PlayerLoopTests {
  let content = TestSupport.content(GoldenModels.linearTanhSeed7)

  @Test func keysStepAndQQuits() {
    let terminal = ScriptedTerminal(inputs: [
      .key(.right), .key(.right), .key(.right), .ignored, .key(.left), .key(.character("q")),
    ])
    let final = PlayerLoop().run(content, on: terminal)
    #expect(final.eventIndex == 2)
    #expect(final.isQuitting)
    #expect(terminal.screens.count == 6)
    // Paused, the loop waits for a key with no timeout.
    #expect(terminal.timeouts.allSatisfy { $0 == nil })
  }

  /// The help says any key closes it: a key bound to nothing does too, and outside the
  /// help such a key says where the keys are listed.
  @Test func anUnboundKeyClosesTheHelpOrSaysWhereTheKeysAre() {
    let terminal = ScriptedTerminal(inputs: [
      .key(.character("?")), .key(.character("x")), .key(.character("x")),
      .key(.character("q")),
    ])
    let final = PlayerLoop().run(content, on: terminal)
    #expect(final.isQuitting)
    let text = terminal.screens.map { $0.lines.joined(separator: "\n") }
    #expect(text[1].contains("any other key closes this help"))
    #expect(!text[2].contains("closes this help"))
    #expect(!text[2].contains("does nothing"))
    #expect(text[3].contains("x does nothing here; ? lists every key"))
  }

  @Test func autoplayTicksOnTimeoutsUntilTheEnd() {
    var script: [TerminalInput] = [.key(.character(" "))]
    script += Array(repeating: .timeout, count: 45)
    let terminal = ScriptedTerminal(inputs: script + [.key(.character("q"))])
    let final = PlayerLoop().run(content, on: terminal)
    #expect(final.isAtEnd && !final.isPlaying)
    // Step 2's narration, `e_1·Weᵀ: (1×4)·(4×2) → (1×2) = [[-1.1339, -0.3407]]`, is 10
    // words: time to read them at 250 ms a word.
    #expect(terminal.timeouts[1] == 2500)
    #expect(terminal.timeouts.last == .some(nil))
  }

  @Test func resizeRedrawsAtTheNewSize() {
    let terminal = ScriptedTerminal(inputs: [
      .resize(ScreenSize(columns: 30, rows: 8)), .resize(ScreenSize(columns: 80, rows: 24)),
    ])
    PlayerLoop().run(content, on: terminal)
    #expect(terminal.screens[1].size == ScreenSize(columns: 30, rows: 8))
    #expect(terminal.screens[1].text.contains("Enlarge"))
    #expect(terminal.screens[2].size == ScreenSize(columns: 80, rows: 24))
  }

  @Test func ctrlLRepaintsAndCtrlZSuspends() {
    let terminal = ScriptedTerminal(inputs: [.key(.control("l")), .key(.control("z"))])
    PlayerLoop().run(content, on: terminal)
    #expect(terminal.repaints == 1)
    #expect(terminal.suspensions == 1)
  }

  @Test func exportCallsTheHookAndShowsThePath() {
    let terminal = ScriptedTerminal(inputs: [.key(.character("e")), .key(.right)])
    let loop = PlayerLoop(
      configuration: PlayerConfiguration(export: { section, trace, _ in
        "/tmp/trace-\(section)-\(trace.events.count).jsonl"
      }))
    loop.run(content, on: terminal)
    #expect(terminal.screens[1].lines.last?.contains("exported to /tmp/trace-0-40.jsonl") == true)
  }

  /// 10 KB of keys pasted at once (arrows and an unbound key, over and over) are
  /// answered with one frame, not a frame per key.
  @Test func pastedKeysAreAllHandledBeforeOneFrame() {
    var paste: [TerminalInput] = []
    for _ in 0..<2_500 {
      paste += [.key(.right), .key(.right), .key(.character("x")), .key(.left)]
    }
    let terminal = ScriptedTerminal(queued: paste, inputs: [.key(.right), .key(.character("q"))])
    let final = PlayerLoop().run(content, on: terminal)
    // The first frame, one after the paste (4096 keys at most per frame: three),
    // one after the last →.
    #expect(terminal.screens.count == 1 + 3 + 1)
    #expect(final.eventIndex == 39)
    #expect(final.isQuitting)
  }

  @Test func aFailedExportIsReportedNotThrown() {
    struct DiskFull: Error, CustomStringConvertible { var description: String { "disk full" } }
    let terminal = ScriptedTerminal(inputs: [.key(.character("e"))])
    let loop = PlayerLoop(
      configuration: PlayerConfiguration(export: { _, _, _ in throw DiskFull() }))
    loop.run(content, on: terminal)
    #expect(terminal.screens[1].lines.last?.contains("export failed: disk full") == true)
  }
}
