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
    let first = try session.waitFor { $0.contains("step 1/117") && $0.contains("q quit") }
    #expect(first.matched, "the player did not start:\n\(first.screen)")
    // PgDn goes a group of a time step's events at a time: five words, the loss's four
    // positions, then the backward pass (the head's, from t = 4 back, then the cell's).
    try session.press("NPage", times: 10)
    // The screen is read once drawn whole (the header comes first).
    let backward = try session.waitFor {
      $0.contains("/5 backward") && $0.contains("gradient flow ‖dL/dh_t‖") && $0.contains("q quit")
    }
    #expect(backward.matched, "\(backward.screen)")
    // The last step: the first word's embedding row, every dL/dh_t drawn.
    try session.press("NPage", times: 10)
    try session.press("Right", times: 15)
    let last = try session.waitFor {
      $0.contains("step 117/117") && $0.contains("t=5 ·  (no gradient)")
        && $0.contains("end of the trace")
    }
    #expect(last.matched, "\(last.screen)")
    #expect(last.screen.contains("dL/dembedding.weight[0] = dL/de_1"))
    for t in 1...4 {
      #expect(
        last.screen.split(separator: "\n").contains { $0.hasPrefix("t=\(t) █") },
        "t=\(t):\n\(last.screen)")
    }
    #expect(last.screen.contains("t=5 ·  (no gradient)"))
    try session.press("q")
    let exited = try session.waitFor { $0.contains("EXIT=0") }
    #expect(exited.matched, "\(exited.screen)")
  }
}
