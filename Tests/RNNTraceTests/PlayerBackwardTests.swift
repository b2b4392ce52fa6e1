import Foundation
import Testing

/// `play --loss`: after the forward pass, the loss and the backward pass step by step,
/// the gradient-flow strip filling in as the gradient travels back.
@Suite(.serialized)
struct PlayerBackwardTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"

  @Test(arguments: [(80, 24), (120, 40)])
  func stepsBackThroughTime(columns: Int, rows: Int) throws {
    let session = try TmuxSession(columns: columns, rows: rows)
    try session.type("\(binary) play --loss next-word; echo EXIT=$?")
    let first = try session.waitFor { $0.contains("step 1/118") && $0.contains("q quit") }
    #expect(first.matched, "the player did not start:\n\(first.screen)")
    // PgDn goes a group of a time step's events at a time: five words, the loss's four
    // positions, then the backward pass (the head's, from t = 4 back, then the cell's).
    try session.press("NPage", times: 10)
    // The screen is read once drawn whole (the header comes first).
    let backward = try session.waitFor {
      $0.contains("/5 backward") && $0.contains("gradient flow ‖dL/dh_t‖") && $0.contains("q quit")
    }
    #expect(backward.matched, "\(backward.screen)")
    // The last event: the first word's embedding row, every dL/dh_t drawn; then the
    // SGD update after it.
    try session.press("G")
    // Read once the narration line under the panels is the update's too: the frame
    // before it differs from it in most rows, and the header is drawn first.
    let update = try session.waitFor {
      $0.contains("step 118/118") && $0.contains("SGD update") && $0.contains("» SGD, lr 0.1")
        && $0.contains("q quit")
    }
    #expect(update.matched, "\(update.screen)")
    #expect(update.screen.contains("loss before 1.6334 → after 1.5899 (it falls)"))
    for t in 1...4 {
      #expect(
        update.screen.split(separator: "\n").contains { $0.hasPrefix("t=\(t) █") },
        "t=\(t):\n\(update.screen)")
    }
    #expect(update.screen.contains("t=5 ·  (no gradient)"))
    try session.press("Left")
    // Curses redraws only the cells that change, the header first: wait for the body too.
    let last = try session.waitFor {
      $0.contains("step 117/118") && $0.contains("dL/dembedding.weight[0] = dL/de_1")
        && $0.contains("q quit")
    }
    #expect(last.matched, "\(last.screen)")
    #expect(last.screen.contains("dL/dembedding.weight[0] = dL/de_1"))
    try session.press("q")
    let exited = try session.waitFor { $0.contains("EXIT=0") }
    #expect(exited.matched, "\(exited.screen)")
  }

  /// `--lr` and `--steps`: the traced round, its update, then the loss curve of every
  /// round, fitting the screen.
  @Test(arguments: [(80, 24), (120, 40)])
  func playsRoundsWithTheLossCurve(columns: Int, rows: Int) throws {
    let session = try TmuxSession(columns: columns, rows: rows)
    try session.type("\(binary) play --loss next-word --lr 0.5 --steps 30; echo EXIT=$?")
    let first = try session.waitFor { $0.contains("step 1/119") && $0.contains("q quit") }
    #expect(first.matched, "the player did not start:\n\(first.screen)")
    try session.press("G")
    let curve = try session.waitFor {
      $0.contains("step 119/119") && $0.contains("30 rounds") && $0.contains("round 1: 1.6334")
        && $0.contains("q quit")
    }
    #expect(curve.matched, "\(curve.screen)")
    #expect(curve.screen.contains("loss curve: 30 rounds of forward, backward and SGD, lr 0.5"))
    #expect(curve.screen.contains("round 1: 1.6334 → after round 30:"))
    #expect(curve.screen.contains("▁"))
    try session.press("Left")
    let update = try session.waitFor {
      $0.contains("step 118/119") && $0.contains("p ← p - lr·dL/dp, lr 0.5")
        && $0.contains("» SGD") && $0.contains("q quit")
    }
    #expect(update.matched, "\(update.screen)")
    #expect(update.screen.contains("p ← p - lr·dL/dp, lr 0.5"))
    try session.press("q")
    let exited = try session.waitFor { $0.contains("EXIT=0") }
    #expect(exited.matched, "\(exited.screen)")
  }
}
