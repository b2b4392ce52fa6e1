import Foundation
import Testing

/// `play --quiz` in the real player, in tmux: a hidden result, a guess, the answer
/// with how far off it was, the score, a jump, the chapter's summary.
@Suite(.serialized)
struct QuizEndToEndTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"

  @Test(arguments: [(80, 24), (120, 40)])
  func guessThenReveal(columns: Int, rows: Int) throws {
    let session = try TmuxSession(columns: columns, rows: rows)
    try session.type("\(binary) play --quiz --chapter 1; echo EXIT=$?")
    #expect(try session.waitFor { $0.contains("step 1/5") && $0.contains("quiz 0✓") }.matched)
    // Step 2 of chapter 1: e_1·w_e = 1.4050 (docs: the lesson's numbers).
    try session.press("Right")
    let asked = try session.waitFor { $0.contains("guess: e_1·w_e") && $0.contains("your guess:") }
    #expect(asked.matched, "\(asked.screen)")
    #expect(!asked.screen.contains("1.4050"))
    try session.press("-l", "1.4")
    try session.press("Enter")
    let revealed = try session.waitFor { $0.contains("e_1·w_e = 1.4050, you said 1.4") }
    #expect(revealed.matched, "\(revealed.screen)")
    #expect(revealed.screen.contains("quiz 1✓ 0~ 0✗"))
    // G jumps to the last step, h_1 = 1.4288, and asks; Enter alone reveals.
    try session.press("G")
    #expect(try session.waitFor { $0.contains("guess: h_1") }.matched)
    try session.press("Enter")
    let end = try session.waitFor { $0.contains("h_1 = 1.4288") && $0.contains("chapter: 1 guess") }
    #expect(end.matched, "\(end.screen)")
    try session.press("q")
    #expect(try session.waitFor { $0.contains("EXIT=0") }.matched)
  }
}
