import Foundation
import Testing

@testable import RNNTrace

/// The progress line's text from counts and times, and when the display draws and
/// erases it, under a clock the test sets.
struct ProgressDisplayTests {
  @Test func lineWithATotalSaysDoneRateAndTimeLeft() {
    let line = ProgressLine(label: "export", unit: "words", total: 1_000_000)
    #expect(
      line.text(done: 250_000, seconds: 2.5)
        == "export  250,000 / 1,000,000 words  25%  100,000 words/s  8 s left")
    #expect(
      line.text(done: 10_000, seconds: 1)
        == "export  10,000 / 1,000,000 words  1%  10,000 words/s  1 min 39 s left")
    #expect(
      line.text(done: 1_000_000, seconds: 10)
        == "export  1,000,000 / 1,000,000 words  100%  100,000 words/s")
  }

  @Test func lineWithoutATotalSaysDoneAndRate() {
    let line = ProgressLine(label: "verify", unit: "words", total: nil)
    #expect(line.text(done: 1234, seconds: 2) == "verify  1,234 words  617 words/s")
    #expect(line.text(done: 0, seconds: 0) == "verify  0 words")
  }

  @Test func lineFitsItsWidthAndLongWaitsReadInHours() {
    let line = ProgressLine(label: "train", unit: "rounds", total: 100_000)
    #expect(
      line.text(done: 1, seconds: 10)
        == "train  1 / 100,000 rounds  0%  0.1 rounds/s  277 h 46 min left")
    #expect(line.text(done: 3, seconds: 1, width: 200).contains("  3.0 rounds/s  "))
    #expect(line.text(done: 1, seconds: 10, width: 12) == "train  1 / 1")
    #expect(ProgressLine.duration(61) == "1 min 01 s")
    #expect(ProgressLine.grouped(999) == "999" && ProgressLine.grouped(1000) == "1,000")
  }

  /// A clock the test advances, and what the display wrote.
  final class Terminal {
    var now: UInt64 = 1_000_000_000
    var written = ""
  }

  func display(_ terminal: Terminal, enabled: Bool = true) -> ProgressDisplay {
    ProgressDisplay(
      ProgressLine(label: "export", unit: "words", total: 100), enabled: enabled, stride: 1,
      clock: { terminal.now }, write: { terminal.written += $0 })
  }

  @Test func drawsAfterHalfASecondAtMostFiveTimesASecondAndErasesAtTheEnd() {
    let terminal = Terminal()
    let progress = display(terminal)
    terminal.now += 400_000_000
    progress.update(10)
    #expect(terminal.written == "", "quick work stays silent")
    terminal.now += 100_000_000
    progress.update(20)
    #expect(terminal.written == "\rexport  20 / 100 words  20%  40 words/s  2 s left")
    terminal.now += 100_000_000
    progress.update(30)
    #expect(terminal.written.components(separatedBy: "\r").count == 2, "redrawn too soon")
    terminal.now += 100_000_000
    progress.update(100)
    // The longer earlier line is blanked where the new one is shorter.
    let last = "\rexport  100 / 100 words  100%  143 words/s"
    #expect(terminal.written.hasSuffix(last + String(repeating: " ", count: 7)))
    terminal.written = ""
    progress.finish()
    #expect(terminal.written == "\r" + String(repeating: " ", count: 49) + "\r")
    terminal.written = ""
    progress.finish()
    #expect(terminal.written == "", "erased once")
  }

  @Test func quickWorkAndADisabledDisplayWriteNothing() {
    let terminal = Terminal()
    let quick = display(terminal)
    quick.update(100)
    quick.finish()
    let disabled = display(terminal, enabled: false)
    terminal.now += 5_000_000_000
    disabled.update(50)
    disabled.finish()
    #expect(terminal.written == "")
  }
}
