import Lesson
import Model
import Testing

@testable import RNNTrace
@testable import TUI

/// The bundled lesson on screen, at the two sizes a class uses: no dead ends, a header
/// that says where the learner is, panels that stay put.
@Suite struct LessonScreenTests {
  static let lesson = try! BundledLessons.standard.lesson()

  static let content: PlayerContent = {
    let chapters = lesson.chapters.enumerated().map { i, chapter in
      PlayCommand.playerChapter(chapter.run(), number: i + 1)
    }
    return PlayerContent(
      title: lesson.title, chapters: chapters, chapterCount: lesson.chapters.count)
  }()

  static let sizes = [ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 120, rows: 40)]

  /// → alone, from the first step, reaches the last step of the last chapter, and every
  /// screen on the way says which chapter it is.
  @Test(arguments: sizes)
  func nextAloneGoesThroughEveryChapter(size: ScreenSize) {
    var state = PlayerState(content: Self.content, size: size)
    let total = Self.content.chapters.map(\.stepCount).reduce(0, +)
    var presses = 0
    while presses < total + 5 {
      let header = PlayerView.render(state).lines[0]
      let number = state.chapterIndex + 1
      #expect(
        header.contains("ch \(number)/\(Self.lesson.chapters.count) "), "\(header)")
      let title = Self.lesson.chapters[state.chapterIndex].title
      #expect(header.contains(String(title.prefix(20))), "\(header)")
      if state.chapterIndex == Self.content.chapters.count - 1 && state.isAtEnd { break }
      state.update(.next)
      presses += 1
    }
    #expect(presses == total - 1)
    #expect(state.chapterIndex == Self.content.chapters.count - 1 && state.isAtEnd)
    state.update(.next)
    #expect(state.message?.text.contains("the end of the lesson") == true)
  }

  /// The layout is chosen once per chapter: every panel, the text, the code line and the
  /// legend keep their rows and columns at every step.
  @Test(arguments: sizes)
  func everyPanelKeepsItsPlaceAcrossAChapter(size: ScreenSize) throws {
    for index in Self.content.chapters.indices {
      var state = PlayerState(content: Self.content, size: size)
      state.update(.resize(size))
      while state.chapterIndex < index { state.update(.nextChapter) }
      let first = try #require(PlayerView.layout(state), "chapter \(index + 1) does not fit")
      let rects = first.placed.map(\.1)
      for _ in 1..<state.chapter.stepCount {
        state.update(.next)
        let layout = try #require(PlayerView.layout(state))
        #expect(
          layout.placed.map(\.1) == rects,
          "chapter \(index + 1) step \(state.eventIndex + 1) at \(size)")
        #expect(layout.narrativeRows == first.narrativeRows)
        #expect(layout.codeRow == first.codeRow && layout.legendRow == first.legendRow)
      }
    }
  }
}

extension LessonScreenTests {
  /// Every neuron's mark on the tanh curve sits on the curve as drawn, at its z's column,
  /// and within a row of its value: every step of the lesson, at both sizes.
  @Test(arguments: sizes + [ScreenSize(columns: 80, rows: 32)])
  func theTanhMarkIsOnTheCurveAtEveryStep(size: ScreenSize) throws {
    var plotted = 0
    for index in Self.content.chapters.indices {
      var state = PlayerState(content: Self.content, size: size)
      while state.chapterIndex < index { state.update(.nextChapter) }
      for _ in 0..<state.chapter.stepCount {
        defer { state.update(.next) }
        let grid = PlayerView.render(state)
        let layout = try #require(PlayerView.layout(state))
        for (panel, rect) in layout.placed {
          // A result the lesson asks about stays hidden until answered.
          guard let tanh = panel as? TanhPanel, tanh.index <= state.eventIndex,
            !state.quiz.hides(chapter: state.chapterIndex, event: tanh.index)
          else { continue }
          let plotHeight = min(TanhPanel.plotRows, rect.height - 4)
          let plotWidth = min(rect.width, 48) - 6
          guard plotHeight >= 3, plotWidth >= 9 else { continue }
          let geometry = TanhPanel.PlotGeometry(width: plotWidth, height: plotHeight)
          let event = state.trace.events[tanh.index]
          let z = event.operands[0].value.scalars
          let h = event.result.value.scalars
          for i in z.indices {
            let point = geometry.point(z: z[i])
            let cell = grid[rect.x + 5 + point.column, rect.y + 3 + point.row]
            #expect(
              ["●", "◂", "▸"].contains(cell.text),
              "ch \(index + 1) step \(state.eventIndex + 1) at \(size): h[\(i)] not drawn")
            #expect(point.row == geometry.curveRow(point.column))
            #expect(abs(point.row - geometry.row(h[i])) <= 1, "tanh(\(z[i])) = \(h[i])")
            plotted += 1
          }
        }
      }
    }
    // At 80×24 the lesson's text and the panels leave the curve no rows.
    #expect(plotted > 0 || size.rows < 30, "no tanh plot was drawn at \(size)")
  }
}

/// `print` writes the lesson's notation; the log keeps the format's names.
@Suite struct PrintNotationTests {
  @Test func printReadsAsTheLessonAndTheLogKeepsItsNames() throws {
    let printed = try RNNTraceBinary.run(["print", "--variant", "linear-tanh", "--seed", "3"])
    #expect(printed.stdout.contains("h_t = tanh(h_{t-1}·Whᵀ + b_h + e_t·Weᵀ + b_e)"))
    #expect(printed.stdout.contains("  h_0 (1×2)"))
    #expect(printed.stdout.contains("matmul_input   e_1·Weᵀ"))
    #expect(!printed.stdout.contains("W_e·") && !printed.stdout.contains(" h0 "))
    let log = try RNNTraceBinary.run(["export", "--variant", "linear-tanh", "--seed", "3"])
    #expect(log.stdout.contains("\"formula\":\"W_e·e_1\""))
    #expect(log.stdout.contains("\"h0\""))
  }
}

/// "How the RNN learns" on the screens a class uses: at every step after the forward
/// pass, the gradient-flow strip shows each of the five words' ‖dL/dh_t‖ row and its
/// scale, beside the lesson's text.
@Suite struct LearningLessonScreenTests {
  static let lesson = try! BundledLessons.named("rnn-learning")!.lesson()

  @Test(arguments: [ScreenSize(columns: 80, rows: 24), ScreenSize(columns: 100, rows: 30)])
  func theStripShowsEveryWordAtEveryBackwardStep(size: ScreenSize) throws {
    var checked = 0
    for (i, chapter) in Self.lesson.chapters.enumerated() {
      let content = PlayerContent(
        title: Self.lesson.title,
        chapters: [PlayCommand.playerChapter(chapter.run(), number: i + 1)],
        chapterCount: 1)
      var state = PlayerState(content: content, size: size)
      let first = try #require(state.trace.events.firstIndex { $0.isAfterForward })
      state.update(.digit(first + 1))
      state.update(.first)
      while true {
        let place = "chapter \(i + 1) step \(state.eventIndex + 1) at \(size)"
        let lines = PlayerView.render(state).lines
        let title = lines.firstIndex { $0.hasPrefix("gradient flow ‖dL/dh_t‖ (") }
        #expect(title != nil, "\(place):\n\(lines.joined(separator: "\n"))")
        if let title {
          #expect(lines[title].contains("linear") || lines[title].contains("log"))
          #expect(
            (1...5).allSatisfy { lines[title + $0].hasPrefix("t=\($0) ") },
            "\(place):\n\(lines.joined(separator: "\n"))")
        }
        checked += 1
        if state.isAtEnd { break }
        state.update(.next)
      }
    }
    #expect(checked > 300)
  }
}
