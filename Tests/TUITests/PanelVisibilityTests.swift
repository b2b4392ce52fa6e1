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

  /// Once the sum has run, the hidden path's value does not show in it either: not in
  /// the sum panel, not on the narration line.
  @Test func aHiddenPathsValueStaysHiddenInTheSum() throws {
    let hidden = TestSupport.after([.panelMenu, .digit(3), .cancel], from: start)
    #expect(hidden.hiddenPanels == [.hiddenPath])
    var state = hidden
    while state.event.operation != .add { state.update(.next) }
    let path = state.trace.events[state.eventIndex - 1]
    #expect(path.operation == .biasHidden)
    for after in [state, TestSupport.after([.next], from: state)] {
      let grid = PlayerView.render(after)
      for value in path.result.value.scalars {
        #expect(!grid.text.contains(NumberFormat.value(value)), "\(grid.text)")
      }
      let row = try #require(grid.lines.first { $0.contains("h_0·Whᵀ + b_h │") })
      #expect(row.hasSuffix("·"))
    }
    #expect(PlayerView.render(state).lines[38].contains("reads a hidden panel's value"))
    // Shown again, the value is there.
    let shown = TestSupport.after([.panelMenu, .digit(3), .cancel], from: state)
    let value = NumberFormat.value(path.result.value.scalars[0])
    #expect(PlayerView.render(shown).text.contains(value))
  }

  @Test func theKeyIsVAndTheHelpListsIt() {
    #expect(KeyMap.action(for: .character("v")) == .panelMenu)
    #expect(
      KeyMap.helpLines.contains {
        $0.keys.hasPrefix("v") && $0.summary.contains("hide and show panels")
      })
  }
}
