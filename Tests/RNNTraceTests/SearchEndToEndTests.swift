import Foundation
import Testing

/// `/` in the real player, in tmux: the prompt, a jump, the repeat keys, the history,
/// Esc, an unreadable search, at 80x24 and 120x40.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct SearchEndToEndTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"

  @Test(arguments: [(80, 24), (120, 40)])
  func searchJumpsRepeatsAndCancels(columns: Int, rows: Int) throws {
    let session = try TmuxSession(columns: columns, rows: rows)
    try session.type("\(binary) play --seed 0; echo EXIT=$?")
    #expect(try session.waitFor { $0.contains("step 1/40") && $0.contains("q quit") }.matched)

    // The first h_t with element 0 below zero, by the printed walkthrough.
    let printed = try RNNTraceBinary.run(["print", "--seed", "0"]).stdout
      .split(separator: "\n").map(String.init)
    var expectedStep: Int?
    for (k, line) in printed.enumerated() where line.contains("hidden_state") {
      let number = Int(line.split(separator: " ").first ?? "") ?? 0
      let value = printed[k + 1].trimmingCharacters(in: .whitespaces)
      if value.hasPrefix("[[-") && expectedStep == nil { expectedStep = number }
    }
    let step = try #require(expectedStep)

    // An empty prompt says what it takes; the first key replaces that.
    try session.press("/")
    #expect(try session.waitFor { $0.contains("/▏ tanh, word over, t 4, h[0] < 0") }.matched)
    try session.press("-l", "h[0] < 0")
    let typed = try session.waitFor { $0.contains("/h[0] < 0▏") }
    #expect(typed.matched && !typed.screen.contains("word over"), "\(typed.screen)")
    try session.press("Enter")
    let found = try session.waitFor {
      $0.contains("step \(step)/40") && $0.contains("/h[0] < 0: step \(step),")
    }
    #expect(found.matched, "\(found.screen)")

    // > goes on to the next match or says there is none; < comes back.
    try session.press(">")
    let next = try session.waitFor {
      $0.contains("/h[0] < 0: ") && !$0.contains("/h[0] < 0: step \(step),")
    }
    #expect(next.matched, "\(next.screen)")
    try session.press("<")
    #expect(try session.waitFor { $0.contains("/h[0] < 0: step \(step),") }.matched)

    // ↑ recalls the last search; Esc leaves the prompt and the step as they were.
    try session.press("/", "Up")
    #expect(try session.waitFor { $0.contains("/h[0] < 0▏") }.matched)
    try session.press("Escape")
    let cancelled = try session.waitFor {
      $0.contains("q quit") && $0.contains("step \(step)/40")
    }
    #expect(cancelled.matched, "\(cancelled.screen)")

    // A time step, then one that is not there.
    try session.press("/")
    try session.press("-l", "t 2")
    try session.press("Enter")
    #expect(
      try session.waitFor {
        $0.contains("/t 2: no match after step \(step)") || $0.contains("step 9/40")
      }.matched)
    try session.press("g", "/")
    try session.press("-l", "t 9")
    try session.press("Enter")
    #expect(try session.waitFor { $0.contains("/t 9: no match after step 1") }.matched)

    // Backspace edits; an unreadable search says the forms.
    try session.press("/")
    try session.press("-l", "h[0 ")
    try session.press("BSpace", "Enter")
    #expect(try session.waitFor { $0.contains("/h[0: no comparison") }.matched)

    try session.press("q")
    #expect(try session.waitFor { $0.contains("EXIT=0") }.matched)
  }

  /// A condition that never holds over a long text: the search goes on with the status
  /// line saying how far it has got, and Esc stops it at the step the learner was on,
  /// the keys answering again at once.
  @Test func aLongSearchShowsHowFarItHasGotAndEscStopsIt() throws {
    let scratch = try ScratchDirectory()
    let words = Array(repeating: "the dog jumped over a", count: 40_000).joined(separator: " ")
    try words.write(toFile: scratch.path("book.txt"), atomically: true, encoding: .utf8)
    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type(
      "cd '\(scratch.url.path)' && \(binary) play --sentence-file book.txt; echo EXIT=$?")
    let opened = try session.waitFor(tries: 2400) {
      $0.contains("step 1/1600000") && $0.contains("q quit")
    }
    #expect(opened.matched, "\(opened.screen)")
    try session.press("5", "g")
    #expect(try session.waitFor { $0.contains("step 5/1600000") }.matched)
    try session.press("/")
    try session.press("-l", "|h| > 5")
    try session.press("Enter")
    let searching = try session.waitFor(tries: 400) {
      $0.contains("/|h| > 5  searching… t ") && $0.contains("/200,000, Esc stops")
    }
    #expect(searching.matched, "\(searching.screen)")
    try session.press("Escape")
    let stopped = try session.waitFor(tries: 400) {
      $0.contains("/|h| > 5: stopped at t ") && $0.contains("of 200,000; still at step 5")
    }
    #expect(stopped.matched, "\(stopped.screen)")
    #expect(stopped.screen.contains("step 5/1600000"))
    try session.press("Right")
    #expect(try session.waitFor { $0.contains("step 6/1600000") }.matched)
    try session.press("q")
    #expect(try session.waitFor { $0.contains("EXIT=0") }.matched)
  }
}
