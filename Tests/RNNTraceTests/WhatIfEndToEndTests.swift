import Foundation
import Testing

/// Edit mode in the real player, in tmux: `w`, a move, a value typed, Enter (the badge,
/// the changed values, the narrative's note), `D` (each Δ), `u` (undone), `Esc`
/// (cancelled). Curses redraws only the cells that changed, so each wait names every
/// part of the screen the key changes (header, panel, text, narration, status line).
///
/// Chapter 1 at step 3, h_0·w_h: w_h = -0.2138 gives 0.0239; w_h = 1.5 gives -0.1675,
/// a change of -0.1914 (w_h's own change is 1.7138).
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct WhatIfEndToEndTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"

  @Test(arguments: [(80, 24), (120, 40)])
  func editApplyDeltaUndoCancel(columns: Int, rows: Int) throws {
    let session = try TmuxSession(columns: columns, rows: rows)
    try session.type("\(binary) play --chapter 1; echo EXIT=$?")
    #expect(try session.waitFor { $0.contains("step 1/5") && $0.contains("q quit") }.matched)
    try session.press("Right", "Right")
    let product: (screen: String, matched: Bool) = try session.waitFor { screen in
      screen.contains("step 3/5") && screen.contains("» h_0·w_h: (1×1)·(1×1) → (1×1) = 0.0239")
    }
    #expect(product.matched, "\(product.screen)")

    // Edit mode opens on the weight the step reads; ↓ goes on to h_0, ↑ comes back.
    try session.press("w")
    let opened = try session.waitFor { screen in
      screen.contains("edit w_h[0,0] = -0.2138 → ▏") && screen.contains("» what-if: ↑ ↓ ← →")
    }
    #expect(opened.matched, "\(opened.screen)")
    try session.press("Down")
    #expect(try session.waitFor { $0.contains("edit h0[0,0] = -0.1117 → ▏") }.matched)
    try session.press("Up")
    #expect(try session.waitFor { $0.contains("edit w_h[0,0] = -0.2138 → ▏") }.matched)
    try session.press("-l", "1.5")
    #expect(try session.waitFor { $0.contains("edit w_h[0,0] = -0.2138 → 1.5▏") }.matched)

    // Enter: the badge, the weight and the product changed, the text's note and number.
    try session.press("Enter")
    let applied = try session.waitFor { screen in
      let lines: [String] = screen.components(separatedBy: "\n")
      let header: String = lines.first ?? ""
      let badge: Bool =
        columns >= 120
        ? header.contains("what-if: w_h[0,0] = 1.5 (was -0.2138)") : header.contains("what-if")
      let panel: Bool = screen.contains("1.5000") && screen.contains("= h_0·w_h │ -0.1675")
      let text: Bool =
        screen.contains("[what-if: numbers from the edited run") && screen.contains("-0.1675.")
      let bottom: Bool =
        screen.contains("» h_0·w_h: (1×1)·(1×1) → (1×1) = -0.1675")
        && screen.contains("what-if ×1")
      return badge && panel && text && bottom
    }
    #expect(applied.matched, "\(applied.screen)")
    #expect(applied.screen.contains("recomputed from step 3") || columns < 120)

    // D: each value's change from the original run; D again: the values.
    try session.press("D")
    let delta = try session.waitFor { screen in
      let narration: Bool = screen.contains("» Δ from the original run: h_0·w_h")
      let panel: Bool = screen.contains("= h_0·w_h │ -0.1914") && screen.contains("1.7138")
      return narration && panel && screen.contains("Δ what-if ×1")
    }
    #expect(delta.matched, "\(delta.screen)")
    try session.press("D")
    let values = try session.waitFor { screen in
      screen.contains("» h_0·w_h: (1×1)·(1×1) → (1×1) = -0.1675")
        && screen.contains("= h_0·w_h │ -0.1675") && !screen.contains("Δ what-if")
    }
    #expect(values.matched, "\(values.screen)")

    // u: the edit undone, the original run back, no badge.
    try session.press("u")
    let undone = try session.waitFor { screen in
      screen.contains("undone: w_h[0,0] = 1.5 (was -0.2138)")
        && screen.contains("» h_0·w_h: (1×1)·(1×1) → (1×1) = 0.0239")
        && screen.contains("= h_0·w_h │  0.0239") && !screen.contains("[what-if:")
        && !(screen.components(separatedBy: "\n").first ?? "").contains("what-if")
    }
    #expect(undone.matched, "\(undone.screen)")

    // Esc: a value typed and dropped, nothing applied.
    try session.press("w")
    #expect(try session.waitFor { $0.contains("edit w_h[0,0] = -0.2138 → ▏") }.matched)
    try session.press("-l", "2")
    #expect(try session.waitFor { $0.contains("edit w_h[0,0] = -0.2138 → 2▏") }.matched)
    try session.press("Escape")
    let cancelled = try session.waitFor { screen in
      let narration: Bool = screen.contains("» h_0·w_h: (1×1)·(1×1) → (1×1) = 0.0239")
      return narration && screen.contains("edit cancelled")
    }
    #expect(cancelled.matched, "\(cancelled.screen)")
    #expect(!cancelled.screen.contains("what-if ×"))
    #expect(!cancelled.screen.contains("2.0000"))

    try session.press("q")
    #expect(try session.waitFor { $0.contains("EXIT=0") }.matched)
  }
}
