import Model
import Testing

@testable import TUI

/// `v`: a teacher hides the panels not explained yet; each keeps its place.
struct PanelVisibilityTests {
  let start = TestSupport.state()

  @Test func aHiddenPanelKeepsItsPlaceAndHidesItsNumbers() throws {
    let step = TestSupport.after([.next], from: start)
    let shown = PlayerView.render(step)
    let hiddenRow = try #require(shown.lines.firstIndex { $0.contains("h_0·Whᵀ:") })
    let x = try #require(shown.lines[hiddenRow].range(of: "[  ] h_0·Whᵀ:")).lowerBound
    let column = shown.lines[hiddenRow].distance(
      from: shown.lines[hiddenRow].startIndex, to: x)
    // v, ↓ ↓ to the hidden path, Space hides it, Esc closes the menu.
    var state = TestSupport.after([.panelMenu], from: step)
    #expect(PlayerView.render(state).text.contains("panels"))
    state = TestSupport.after([.nextWord, .nextWord, .togglePlay, .cancel], from: state)
    #expect(state.panelMenu == nil)
    #expect(state.hiddenPanels == [.hiddenPath])
    let hidden = PlayerView.render(state)
    #expect(hidden.lines[hiddenRow].contains("[  ] hidden path hidden (v shows it)"))
    #expect(
      hidden.lines[hiddenRow].distance(
        from: hidden.lines[hiddenRow].startIndex,
        to: try #require(hidden.lines[hiddenRow].range(of: "[  ] hidden path")).lowerBound)
        == column)
    // Its weight, shown before, is nowhere on screen.
    let weight = NumberFormat.value(state.trace.events[3].operands[1].value.scalars[0])
    #expect(shown.text.contains(weight))
    #expect(!hidden.text.contains(weight))
    // Every other panel is where it was.
    for title in ["[ 1] embedding", "[ 2] e_1·Weᵀ", "sum z_1", "tanh h_1", "hidden states"] {
      let before = shown.lines.firstIndex { $0.contains(title) }
      #expect(before != nil && before == hidden.lines.firstIndex { $0.contains(title) }, "\(title)")
    }
    // At its own step the narration line does not give its numbers away.
    let at = TestSupport.after([.next, .next], from: state)
    #expect(at.event.operation == .matmulHidden)
    let narration = PlayerView.render(at).lines[38]
    #expect(narration.contains("hidden (v shows it)"))
    // A digit in the menu shows it again; 0 shows them all.
    let back = TestSupport.after([.panelMenu, .digit(3), .cancel], from: state)
    #expect(back.hiddenPanels.isEmpty)
    let all = TestSupport.after([.panelMenu, .digit(1), .digit(5), .normalSpeed], from: state)
    #expect(all.hiddenPanels.isEmpty && all.panelMenu != nil)
  }

  @Test func theKeyIsVAndTheHelpListsIt() {
    #expect(KeyMap.action(for: .character("v")) == .panelMenu)
    #expect(
      KeyMap.helpLines.contains {
        $0.keys.hasPrefix("v") && $0.summary.contains("hide and show panels")
      })
  }
}
