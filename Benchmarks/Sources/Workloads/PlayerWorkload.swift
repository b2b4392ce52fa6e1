import Lesson
import Model
import TUI

/// Player states to render: the bundled lesson as `rnntrace play` shows it (a chapter
/// per chapter, with its narrative), and an ad-hoc model with wider panels.
public enum PlayerWorkload {
  /// The screen the issue names: 200 columns, 60 rows.
  public static let size = ScreenSize(columns: 200, rows: 60)

  /// The bundled lesson, every chapter, as the play command builds it.
  public static let lesson: PlayerContent = {
    guard let lesson = try? BundledLessons.standard.lesson() else {
      fatalError("the bundled lesson does not load")
    }
    let chapters = lesson.chapters.enumerated().map { index, chapter in
      let run = chapter.run()
      var narrative: [Int: [String]] = [:]
      for paragraph in chapter.narrative {
        narrative[max(paragraph.step, 1), default: []].append(run.text(of: paragraph))
      }
      var played = PlayerChapter(
        title: "chapter \(index + 1): \(chapter.title)", trace: run.trace, narrative: narrative)
      // A what-if fills the text's values in from its edited run, as `play` does.
      played.narrator = ChapterNarrator { trace, applied in
        let edited = run.edited(trace: trace, applied: applied)
        var texts: [Int: [String]] = [:]
        for paragraph in chapter.narrative {
          texts[max(paragraph.step, 1), default: []].append(edited.text(of: paragraph))
        }
        return ChapterText(narrative: texts, introduction: [], summary: [], questions: [:])
      }
      return played
    }
    return PlayerContent(title: lesson.title, chapters: chapters)
  }()

  /// An ad-hoc (8, 16) model over 20 words: panels of 16 values that must be elided.
  public static let adHoc: PlayerContent = {
    let words = Array(Workload.randomWords(20))
    let workload = Workload(inputs: 8, hidden: 16, words: words)
    return PlayerContent(
      title: "Ad-hoc model: linear-tanh, seed 0, inputs 8, hidden 16",
      trace: workload.model.trace(words))
  }()

  /// A state `steps` keypresses (`next`) into the content's last chapter.
  public static func state(_ content: PlayerContent, steps: Int) -> PlayerState {
    var state = PlayerState(content: content, size: size)
    for _ in 1..<content.chapters.count { state.update(.nextChapter) }
    for _ in 0..<steps { state.update(.next) }
    return state
  }
}
