import Foundation
import TUI
import Testing

/// The player's record key in a real terminal (tmux): the cast it saves replays to the
/// very screens tmux showed at each step.
@Suite(.serialized)
struct RecordEndToEndTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"
  let name = "ad-hoc-model-linear-tanh-seed-0-inputs-4-hidden-2"

  /// The screen without trailing blanks, a line per row (tmux and the emulator agree
  /// on text, not on how many blanks end a line or the screen).
  static func trimmed(_ screen: String) -> [String] {
    var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map {
      var line = String($0)
      while line.last == " " { line.removeLast() }
      return line
    }
    while lines.last == "" { lines.removeLast() }
    return lines
  }

  @Test func theRecordKeySavesACastThatReplaysToTheScreensShown() throws {
    let scratch = try ScratchDirectory()
    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type("cd '\(scratch.url.path)' && \(binary) play --seed 0; echo EXIT=$?")
    #expect(try session.waitFor { $0.contains("step 1/40") && $0.contains("q quit") }.matched)
    try session.press("r")
    // (At 100 columns the message is cut after the file's name.)
    let first = try session.waitFor { $0.contains("recording to \(name).cast") }
    #expect(first.matched, "r did not start recording:\n\(first.screen)")
    #expect(first.screen.contains("● rec"))
    var shown = [first.screen]
    // A capture can catch a frame half drawn, so a step counts as shown once its
    // narration line, drawn below the panels, is new too.
    func narration(_ screen: String) -> Substring? {
      screen.split(separator: "\n").first { $0.hasPrefix("» ") }
    }
    for step in 2...3 {
      try session.press("Right")
      let before = narration(shown[shown.count - 1])
      let next = try session.waitFor {
        $0.contains("step \(step)/40") && $0.contains("● rec") && narration($0) != before
      }
      #expect(next.matched, "no step \(step):\n\(next.screen)")
      // And the rows under it (the status line) are settled: two captures agree.
      var settled = next.screen
      for _ in 0..<50 {
        let again = try session.screen()
        if again == settled { break }
        settled = again
      }
      shown.append(settled)
    }
    try session.press("r")
    let stopped = try session.waitFor { $0.contains("recorded 3 steps to \(name).cast") }
    #expect(stopped.matched, "r did not stop:\n\(stopped.screen)")
    #expect(!stopped.screen.contains("● rec"))
    // A second recording does not replace the first.
    try session.press("r")
    #expect(try session.waitFor { $0.contains("recording to \(name)-2.cast") }.matched)
    try session.press("q")
    let exited = try session.waitFor { $0.contains("EXIT=0") }
    #expect(exited.matched, "the player did not end:\n\(exited.screen)")
    #expect(exited.screen.contains("rnntrace: recorded 1 step to \(name)-2.cast"))
    #expect(try scratch.contents() == ["\(name)-2.cast", "\(name).cast"])

    let text = try String(contentsOfFile: scratch.path("\(name).cast"), encoding: .utf8)
    let cast = try CastFile(text)
    #expect(cast.version == 2 && cast.columns == 100 && cast.rows == 30)
    #expect(cast.header["timestamp"] is Int)
    #expect((cast.header["env"] as? [String: String])?["TERM"] == "xterm-256color")
    #expect(
      cast.header["title"] as? String == "Ad-hoc model: linear-tanh, seed 0, inputs 4, hidden 2")
    #expect(cast.markers.map { String($0.data.prefix(4)) } == ["1 · ", "2 · ", "3 · "])
    let final = cast.replay { index, _, screen in
      #expect(
        Self.trimmed(screen.text) == Self.trimmed(shown[index]),
        "marker \(index):\n\(screen.text)\ntmux showed:\n\(shown[index])")
    }
    #expect(final.problems.isEmpty, "\(final.problems)")
    if Asciinema.path != nil {
      let shown = try Asciinema.run(["cat", scratch.path("\(name).cast")])
      #expect(shown.status == 0, "\(shown.error)")
    }
  }
}
