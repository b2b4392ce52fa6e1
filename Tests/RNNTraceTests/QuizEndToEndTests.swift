import Foundation
import Testing

/// `play --quiz` in the real player, in tmux: a hidden result, a guess, the answer
/// with how far off it was, the score, a jump, the chapter's summary.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
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
    // The whole frame: the reveal above the text is drawn before the status line.
    let revealed = try session.waitFor {
      $0.contains("e_1·w_e = 1.4050, you said 1.4") && $0.contains("quiz 1✓ 0~ 0✗")
    }
    #expect(revealed.matched, "\(revealed.screen)")
    // G jumps to the last step, h_1 = 1.4288, and asks; Enter alone reveals.
    try session.press("G")
    #expect(try session.waitFor { $0.contains("guess: h_1") }.matched)
    try session.press("Enter")
    let end = try session.waitFor { $0.contains("h_1 = 1.4288") && $0.contains("chapter: 1 guess") }
    #expect(end.matched, "\(end.screen)")
    try session.press("q")
    #expect(try session.waitFor { $0.contains("EXIT=0") }.matched)
  }

  /// The bundled lesson's own questions, with the quiz off: chapter 2 asks for h_1·w_h
  /// (0.3198) at step 8, then whether h_2 will be positive at step 9 (no: z_2 =
  /// -0.4856), each hidden until answered, each answer graded and kept on screen.
  @Test(arguments: [(80, 24), (120, 40)])
  func theLessonAsksItsOwnQuestions(columns: Int, rows: Int) throws {
    let session = try TmuxSession(columns: columns, rows: rows)
    try session.type("\(binary) play --chapter 2; echo EXIT=$?")
    #expect(try session.waitFor { $0.contains("step 1/25") && $0.contains("q quit") }.matched)
    try session.press("Right", times: 7)
    let product = try session.waitFor {
      $0.contains("step 8/25") && $0.contains("Question: The second word's step")
        && $0.contains("your answer: ▏")
    }
    #expect(product.matched, "\(product.screen)")
    #expect(!product.screen.contains("0.3198"))
    #expect(!product.screen.contains("quiz 0✓"))
    try session.press("-l", "0.32")
    try session.press("Enter")
    let graded = try session.waitFor {
      $0.contains("h_1 * w_h = 0.3198, you said 0.32") && $0.contains("quiz 1✓ 0~ 0✗")
    }
    #expect(graded.matched, "\(graded.screen)")
    #expect(graded.screen.contains("Asked: The second word's step"))

    // The sign of h_2: the choices, a wrong one typed, the answer with z_2.
    try session.press("Right")
    let sign = try session.waitFor {
      $0.contains("step 9/25") && $0.contains("» the lesson asks: 1) positive  2) negative")
        && $0.contains("your answer (1 to 2): ▏")
    }
    #expect(sign.matched, "\(sign.screen)")
    #expect(!sign.screen.contains("-0.4856"))
    try session.press("1")
    let wrong = try session.waitFor {
      $0.contains("wrong: you said 1, positive; the answer is 2") && $0.contains("quiz 1✓ 0~ 1✗")
    }
    #expect(wrong.matched, "\(wrong.screen)")
    #expect(wrong.screen.contains("-0.4856"))

    // Back and forth does not ask again; a turns the quiz on, a again stops even the
    // lesson's questions (step 13 asks which term weighs more).
    try session.press("Left", "Right")
    #expect(try session.waitFor { $0.contains("step 9/25") && $0.contains("→ next") }.matched)
    try session.press("a", "a")
    #expect(try session.waitFor { $0.contains("quiz off: no questions") }.matched)
    try session.press("Right", times: 4)
    let quiet = try session.waitFor { $0.contains("step 13/25") && $0.contains("→ next") }
    #expect(quiet.matched, "\(quiet.screen)")
    try session.press("q")
    #expect(try session.waitFor { $0.contains("EXIT=0") }.matched)
  }
}
