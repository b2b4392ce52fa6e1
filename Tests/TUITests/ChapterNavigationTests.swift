import Model
import Testing

@testable import TUI

/// No dead ends: → and ← cross chapters, the chapter menu jumps, Esc only closes.
struct ChapterNavigationTests {
  let content: PlayerContent = {
    let a = GoldenModels.linearSeed12
    let b = GoldenModels.rawTanhSeed1
    let c = GoldenModels.linearTanhSeed7
    return PlayerContent(
      title: "RNN Pytorch, one operation at a time",
      chapters: [
        PlayerChapter(title: "One step", trace: a.model.trace(a.words), number: 1),
        PlayerChapter(
          title: "A sentence, word after word", trace: b.model.trace(b.words), number: 2,
          introduction: ["Now the same rule runs over a whole sentence."]),
        PlayerChapter(title: "The second class", trace: c.model.trace(c.words), number: 3),
      ], chapterCount: 5)
  }()

  func state(columns: Int = 120, rows: Int = 40) -> PlayerState {
    PlayerState(content: content, size: ScreenSize(columns: columns, rows: rows))
  }

  @Test func nextAtAChaptersLastStepGoesOnToTheNextWithACard() {
    var state = TestSupport.after([.last], from: state())
    #expect(state.chapterIndex == 0 && state.isAtEnd)
    state.update(.next)
    #expect(state.chapterIndex == 1 && state.eventIndex == 0)
    #expect(state.message?.text == "chapter 2: A sentence, word after word")
    let status = PlayerView.render(state).lines[39]
    #expect(status.contains("chapter 2: A sentence, word after word"))
    // ← at its first step goes back to the last step of the chapter before.
    state.update(.previous)
    #expect(state.chapterIndex == 0 && state.isAtEnd)
    #expect(state.message?.text == "chapter 1: One step")
  }

  @Test func theEndOfTheLessonSaysWhatIsLeft() {
    var state = TestSupport.after([.nextChapter, .nextChapter, .last, .next], from: state())
    #expect(state.chapterIndex == 2 && state.isAtEnd)
    #expect(state.message?.text.contains("the end of the lesson") == true)
    state = TestSupport.after([.first, .previous], from: TestSupport.after([], from: self.state()))
    #expect(state.chapterIndex == 0 && state.eventIndex == 0)
    #expect(state.message?.text == "this is the first step")
  }

  @Test func autoplayStopsAtTheChaptersEnd() {
    var state = TestSupport.after([.togglePlay], from: state())
    for _ in 0..<100 { state.update(.tick) }
    #expect(state.chapterIndex == 0 && state.isAtEnd && !state.isPlaying)
  }

  @Test func theChapterMenuJumpsAndEscClosesIt() {
    var state = TestSupport.after([.chapterMenu], from: state())
    #expect(state.chapterMenu == 0)
    let screen = PlayerView.render(state).text
    #expect(screen.contains("▸ 1  One step"))
    #expect(screen.contains("3  The second class  (40 steps)"))
    state.update(.nextWord)
    state.update(.nextWord)
    #expect(state.chapterMenu == 2)
    state.update(.next)
    #expect(state.chapterMenu == nil && state.chapterIndex == 2 && state.eventIndex == 0)
    // A digit jumps at once.
    state = TestSupport.after([.chapterMenu, .digit(2)], from: state)
    #expect(state.chapterMenu == nil && state.chapterIndex == 1)
    // Esc and q close the menu; neither quits.
    for close in [PlayerAction.cancel, .quit, .chapterMenu] {
      let closed = TestSupport.after([.chapterMenu, close], from: state)
      #expect(closed.chapterMenu == nil && !closed.isQuitting && closed.chapterIndex == 1)
    }
    #expect(TestSupport.after([.chapterMenu, .interrupt], from: state).isQuitting)
  }

  @Test func escClosesAndDropsButNeverQuits() {
    let start = state()
    #expect(!TestSupport.after([.cancel, .cancel], from: start).isQuitting)
    let counted = TestSupport.after([.digit(3), .cancel, .first], from: start)
    #expect(counted.eventIndex == 0)
    let intro = TestSupport.after([.nextChapter, .introduction], from: start)
    #expect(intro.isShowingIntroduction)
    #expect(PlayerView.render(intro).text.contains("Now the same rule runs over a whole sentence."))
    let closed = TestSupport.after([.cancel], from: intro)
    #expect(!closed.isShowingIntroduction && !closed.isQuitting)
    #expect(TestSupport.after([.quit], from: start).isQuitting)
  }

  /// The header always says which chapter, "ch 2/5" and its title, shortening the
  /// lesson's title first.
  @Test(arguments: [(120, 40), (80, 24), (66, 40)])
  func theHeaderAlwaysShowsTheChapter(columns: Int, rows: Int) {
    var state = state(columns: columns, rows: rows)
    for (i, title) in ["One step", "A sentence, word after word", "The second class"]
      .enumerated()
    {
      let header = PlayerView.render(state).lines[0]
      #expect(header.contains("ch \(i + 1)/5 \(title)"), "\(header)")
      state.update(.nextChapter)
    }
    let wide = PlayerView.render(self.state()).lines[0]
    #expect(wide.contains("rnntrace │ RNN Pytorch, one operation at a time │ ch 1/5 One step"))
    let narrow = PlayerView.render(self.state(columns: 80, rows: 24)).lines[0]
    #expect(narrow.contains("rnntrace │ ch 1/5 One step"))
    // The model by what it does: "linear" would read as nn.Linear.
    #expect(narrow.contains("no activation │ step 1/25"))
    #expect(!wide.contains("linear"))
  }

  @Test func theHelpScrollsToItsLegendAndGlossary() {
    var state = TestSupport.after([.help], from: state(columns: 80, rows: 24))
    var seen = PlayerView.render(state).text
    #expect(seen.contains("↓ more"))
    for _ in 0..<4 {
      state.update(.nextWord)
      seen += PlayerView.render(state).text
    }
    #expect(state.isShowingHelp)
    for word in ["legend", "glossary", "hidden state h_t", "nn.Linear", "▁▂▃▄▅▆▇█"] {
      #expect(seen.contains(word), "\(word)")
    }
    state.update(.cancel)
    #expect(!state.isShowingHelp && !state.isQuitting)
  }
}
