import Foundation
import Model
import Synchronization
import Testing

@testable import TUI

/// The player's record key: the frames the terminal was given, at the clock's times,
/// saved through the command's hook when the key is pressed again or the player ends.
struct SessionRecordingTests {
  let content = TestSupport.content(GoldenModels.linearTanhSeed7)

  /// A clock that moves half a second at each reading, and what the hook saved.
  final class Recorder: Sendable {
    let readings = Mutex(0)
    let saved = Mutex<[String]>([])

    func configuration(failing: Bool = false) -> PlayerConfiguration {
      PlayerConfiguration(
        record: { trace in
          RecordingTarget(
            path: "test-\(trace.events.count).cast", title: "a \u{1B}title",
            terminalType: "xterm-256color", timestamp: 1_700_000_000
          ) { cast in
            struct DiskFull: Error, CustomStringConvertible {
              var description: String { "disk full" }
            }
            if failing { throw DiskFull() }
            self.saved.withLock { $0.append(cast) }
          }
        },
        clock: {
          self.readings.withLock {
            $0 += 1
            return Double($0) / 2
          }
        })
    }
  }

  @Test func theKeyRecordsEachFrameAndAMarkerPerStepUntilPressedAgain() throws {
    let recorder = Recorder()
    let terminal = ScriptedTerminal(inputs: [
      .key(.right), .key(.character("r")), .key(.right), .key(.right),
      .resize(ScreenSize(columns: 80, rows: 24)), .key(.right), .key(.character("r")),
      .key(.right),
    ])
    let final = PlayerLoop(configuration: recorder.configuration()).run(content, on: terminal)
    #expect(!final.isRecording)
    #expect(final.closingNote == nil)
    let saved = recorder.saved.withLock { $0 }
    #expect(saved.count == 1)
    let cast = try CastFile(saved.first ?? "")
    #expect(cast.version == 2 && cast.columns == 100 && cast.rows == 30)
    #expect(cast.header["timestamp"] as? Int == 1_700_000_000)
    #expect(cast.header["idle_time_limit"] as? Double == 3)
    #expect((cast.header["env"] as? [String: String])?["TERM"] == "xterm-256color")
    // Steps 2 (where r was pressed) to 5, each marked once; the resize between.
    #expect(cast.markers.map { $0.data.prefix(2) } == ["2 ", "3 ", "4 ", "5 "])
    #expect(cast.events.map(\.code) == ["o", "m", "o", "m", "o", "m", "r", "o", "o", "m", "o"])
    #expect(cast.events.first { $0.code == "r" }?.data == "80x24")
    // The frames drawn while recording (screens 2 to 6), in order, each at its time.
    let frames = Array(terminal.screens[2...6])
    var screen = TerminalEmulator(columns: 100, rows: 30)
    var frame = 0
    // Each frame at its own reading of the clock, later than the last.
    var lastOutput: Int64 = -1
    for event in cast.events {
      if event.code == "o" {
        #expect(event.time > lastOutput)
        lastOutput = event.time
      }
      switch event.code {
      case "r": screen.resize(columns: 80, rows: 24)
      case "o" where frame < frames.count:
        screen.feed(event.data)
        let differences = screen.differences(
          from: frames[frame], palette: TerminalPalette(depth: .twoFiftySix))
        #expect(differences.isEmpty, "frame \(frame): \(differences)")
        frame += 1
      default: break
      }
    }
    #expect(frame == frames.count)
    #expect(screen.problems.isEmpty, "\(screen.problems)")
    #expect(terminal.screens[2].lines.last?.contains("● rec") == true)
    #expect(terminal.screens[2].lines.last?.contains("recording to test-40.cast (r stops)") == true)
    #expect(terminal.screens[7].lines.last?.contains("recorded 4 steps to test-40.cast") == true)
    #expect(terminal.screens[7].lines.last?.contains("● rec") == false)
  }

  @Test func quittingWhileRecordingSavesAndSaysWhere() throws {
    let recorder = Recorder()
    let terminal = ScriptedTerminal(inputs: [
      .key(.character("r")), .key(.right), .key(.character("q")),
    ])
    let final = PlayerLoop(configuration: recorder.configuration()).run(content, on: terminal)
    #expect(final.closingNote == "recorded 2 steps to test-40.cast")
    let cast = try CastFile(recorder.saved.withLock { $0.first ?? "" })
    #expect(cast.markers.count == 2)
    // The cursor comes back at the end.
    #expect(cast.replay().cursorVisible)
  }

  @Test func aFailedSaveIsReportedNotThrown() {
    let recorder = Recorder()
    let terminal = ScriptedTerminal(inputs: [.key(.character("r")), .key(.character("r"))])
    PlayerLoop(configuration: recorder.configuration(failing: true)).run(content, on: terminal)
    #expect(terminal.screens[2].lines.last?.contains("recording failed: disk full") == true)
  }

  @Test func withoutAHookTheKeySaysSo() {
    let terminal = ScriptedTerminal(inputs: [.key(.character("r"))])
    PlayerLoop().run(content, on: terminal)
    #expect(terminal.screens[1].lines.last?.contains("recording is not available here") == true)
  }

  @Test func theUpdateAsksForTheEffectsAndKeepsTheStatus() {
    var state = TestSupport.state(canRecord: true)
    #expect(state.update(.record) == .startRecording)
    #expect(!state.isRecording)
    state.update(.recordingStarted(path: "a.cast"))
    #expect(state.isRecording)
    #expect(state.update(.record) == .stopRecording)
    state.update(.recordingStopped(path: "a.cast", steps: 1))
    #expect(!state.isRecording)
    #expect(state.message == StatusMessage("recorded 1 step to a.cast"))
    #expect(state.closingNote == nil)
    // A result does not close the help.
    state.update(.help)
    state.update(.recordingFailed(reason: "gone"))
    #expect(state.isShowingHelp)
  }
}
