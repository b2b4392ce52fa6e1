import Model
import Testing

@testable import TUI

/// A lesson's text longer than the rows it gets is read a page at a time with `}` and
/// `{`, and no line of it is out of reach.
@Suite struct NarrativeScrollTests {
  /// Thirty short paragraphs (one line each) at step 1 and a different text at step 2.
  static let paragraphs = (1...30).map { "Line \($0 < 10 ? "0" : "")\($0) of the text." }

  static func state(columns: Int = 80, rows: Int = 24) -> PlayerState {
    let golden = GoldenModels.linearSeed12
    let content = PlayerContent(
      title: "RNN Pytorch",
      chapters: [
        PlayerChapter(
          title: "chapter 1", trace: golden.model.trace(golden.words),
          narrative: [1: paragraphs, 2: ["The second step's text."]])
      ])
    return PlayerState(content: content, size: ScreenSize(columns: columns, rows: rows))
  }

  /// A key pressed on the screen `state` shows, as the player's loop does it: the frame
  /// is drawn and its text's layout handed back (`.shown`) before the key's action.
  static func press(_ action: PlayerAction, on state: inout PlayerState) {
    state.update(.shown(PlayerView.frame(state).text))
    state.update(action)
  }

  @Test func scrollingBeforeAnyFrameSaysThereIsNoText() {
    var state = Self.state()
    state.update(.textDown)
    #expect(state.narrativeOffset == 0)
    #expect(state.message?.text == "no lesson text at this step")
  }

  @Test func aShownFrameKeepsTheMessageAndTheCount() {
    var state = Self.state()
    state.update(.digit(2))
    state.update(.shown(PlayerView.frame(state).text))
    #expect(state.typedNumber == 2)
    state.update(.last)
    #expect(state.eventIndex == 1)
    Self.press(.textDown, on: &state)
    state.update(.shown(PlayerView.frame(state).text))
    #expect(state.message?.text == "the lesson's text for this step is all on screen")
  }

  /// The text lines on screen, in order.
  static func shownLines(_ state: PlayerState) -> [String] {
    PlayerView.render(state).lines.filter { $0.contains(" of the text.") }
  }

  @Test func theCutTextSaysWhichKeyShowsTheRest() {
    let shown = Self.shownLines(Self.state())
    #expect(shown.first?.contains("Line 01") == true)
    #expect(shown.count > 1 && shown.count < 30)
    let last = shown.last ?? ""
    #expect(last.contains("of the text. …") && last.hasSuffix("} more"), "\(shown)")
    #expect(!shown.contains { $0.contains("Line 30") })
  }

  @Test func pagesGoDownWithAnOverlapToTheEndAndBackUp() {
    var state = Self.state()
    var seen = Set<String>()
    var previous = Self.shownLines(state)
    for line in previous { seen.insert(String(line.prefix(8))) }
    var pages = 0
    while state.message == nil && pages < 30 {
      Self.press(.textDown, on: &state)
      let shown = Self.shownLines(state)
      if state.message == nil {
        // The last line of a page is on the next (its first line but at the end), as in
        // `less`: nothing is skipped.
        let carried = previous.last.map { String($0.prefix(8)) } ?? "none"
        #expect(shown.contains { $0.hasPrefix(carried) }, "\(previous) → \(shown)")
        #expect(shown.first?.hasPrefix(carried) == true || shown.last?.contains("Line 30") == true)
      }
      for line in shown { seen.insert(String(line.prefix(8))) }
      previous = shown
      pages += 1
    }
    #expect(state.message?.text == "the end of this step's text ({ goes back)")
    #expect(previous.last?.contains("Line 30 of the text.") == true)
    #expect(!previous.contains { $0.contains("} more") })
    // Every line was on screen at some page.
    #expect(seen.count == 30)
    for _ in 0..<pages { Self.press(.textUp, on: &state) }
    #expect(Self.shownLines(state).first?.contains("Line 01") == true)
    Self.press(.textUp, on: &state)
    #expect(state.message?.text == "the top of this step's text")
  }

  @Test func anotherStepStartsAtTheTopOfItsText() {
    var state = Self.state()
    Self.press(.textDown, on: &state)
    Self.press(.textDown, on: &state)
    #expect(state.narrativeOffset > 0)
    state.update(.next)
    #expect(state.narrativeOffset == 0)
    state.update(.previous)
    #expect(Self.shownLines(state).first?.contains("Line 01") == true)
  }

  /// Scrolled to the end on a short screen, then made taller: the pane fills up from
  /// further back instead of leaving rows empty.
  @Test func aTallerScreenShowsMoreOfAScrolledText() {
    var state = Self.state()
    for _ in 0..<30 { Self.press(.textDown, on: &state) }
    let short = Self.shownLines(state)
    state.update(.resize(ScreenSize(columns: 80, rows: 40)))
    let tall = Self.shownLines(state)
    #expect(tall.count > short.count)
    #expect(tall.last?.contains("Line 30") == true)
  }

  @Test func aStepWithoutTextOrWithAllOfItShownSaysSo() {
    var plain = TestSupport.state()
    Self.press(.textDown, on: &plain)
    #expect(plain.message?.text == "no lesson text at this step")
    var short = TestSupport.after([.next], from: Self.state())
    Self.press(.textDown, on: &short)
    #expect(short.message?.text == "the lesson's text for this step is all on screen")
  }

  @Test func theHelpListsTheKeys() {
    let help = TestSupport.after([.help], from: Self.state(columns: 120, rows: 40))
    let text = PlayerView.render(help).lines.joined(separator: "\n")
    #expect(text.contains("the lesson's text a page down / up"))
    #expect(KeyMap.action(for: .character("}")) == .textDown)
    #expect(KeyMap.action(for: .character("{")) == .textUp)
  }
}
