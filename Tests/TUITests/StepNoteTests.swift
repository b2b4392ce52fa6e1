import Model
import Testing

@testable import TUI

/// Text that belongs to its step: an earlier note dimmed and marked, the code of the
/// step under the panels, the summary at the end, autoplay paced by the text.
struct StepNoteTests {
  let state: PlayerState = {
    let golden = GoldenModels.linearSeed12
    let chapter = PlayerChapter(
      title: "A sentence", trace: golden.model.trace(golden.words),
      narrative: [3: ["The hidden product reads h_0, the state before the first word."]],
      number: 1, introduction: ["Five words, one step each."],
      summary: ["Every state depends on every word before it."],
      code: [3: "hidden_prod = torch.mm(prev_hidden, w_h)"])
    return PlayerState(
      content: PlayerContent(title: "Lesson", chapters: [chapter]),
      size: ScreenSize(columns: 120, rows: 40))
  }()

  @Test func anEarlierStepsNoteIsDimmedAndMarked() throws {
    let own = PlayerView.render(TestSupport.after([.next, .next], from: state))
    let row = try #require(own.lines.firstIndex { $0.contains("The hidden product reads h_0") })
    #expect(!own.lines[row].contains("(step 3)"))
    #expect(!own[2, row].style.dim)
    let later = PlayerView.render(TestSupport.after([.next, .next, .next], from: state))
    let laterRow = try #require(
      later.lines.firstIndex { $0.contains("(step 3) The hidden product reads h_0") })
    #expect(later[2, laterRow].style.dim)
    // Before step 3, the introduction stands, marked as such after step 1.
    let second = PlayerView.render(TestSupport.after([.next], from: state))
    #expect(second.lines.contains { $0.contains("(introduction) Five words, one step each.") })
  }

  @Test func theCodeOfTheStepIsUnderThePanelsAndTheSummaryAtTheEnd() throws {
    let third = PlayerView.render(TestSupport.after([.next, .next], from: state))
    #expect(third.lines.contains { $0 == " code │ hidden_prod = torch.mm(prev_hidden, w_h)" })
    let first = PlayerView.render(state)
    #expect(first.lines.contains { $0.hasPrefix(" code │ (no line of the lesson's code") })
    let end = PlayerView.render(TestSupport.after([.last], from: state))
    #expect(end.lines.contains { $0.contains("In short: Every state depends on every word") })
  }

  @Test func autoplayWaitsForTheTextAndTheSpeedKeysScaleIt() {
    // Step 1: the narration line alone; step 3: its note of 11 words and its code too.
    let plain = TestSupport.after([.next], from: state).autoplayDelayMilliseconds
    let third = TestSupport.after([.next, .next], from: state)
    #expect(third.autoplayDelayMilliseconds > plain + 11 * 250 - 1)
    let faster = TestSupport.after([.faster], from: third)
    #expect(faster.autoplayDelayMilliseconds == third.autoplayDelayMilliseconds / 2)
    #expect(plain >= PlaybackSpeed.normal.delayMilliseconds)
  }
}
