import Model

/// Everything the screen shows, as a value: which step of which chapter, playing or
/// not, the drill, the help, the screen size and the last message.
///
/// `update(_:)` is the only way it changes, and `PlayerView.render` reads it; the
/// terminal, the clock and the export hook stay outside.
public struct PlayerState: Sendable {
  public let content: PlayerContent
  public internal(set) var chapterIndex = 0
  /// The current event, from 0 (the screen says `step eventIndex+1`).
  public internal(set) var eventIndex = 0
  public internal(set) var isPlaying = false
  public internal(set) var speed = PlaybackSpeed.normal
  public internal(set) var drill: DrillPosition?
  public internal(set) var isShowingHelp = false
  /// The help's first line on screen (↓ and ↑ scroll it).
  public internal(set) var helpOffset = 0
  /// The chapter menu, open: the chapter chosen in it (an index into the chapters).
  public internal(set) var chapterMenu: Int?
  /// The panel menu, open: the line chosen in it.
  public internal(set) var panelMenu: Int?
  /// The kinds of panel hidden (by a teacher, until explained), in every chapter.
  public internal(set) var hiddenPanels: Set<PanelKind> = []
  /// The chapter's introduction, recalled over the screen.
  public internal(set) var isShowingIntroduction = false
  /// The first line of the lesson's text on screen (`{` and `}` scroll it); back to 0
  /// whenever the step changes.
  public internal(set) var narrativeOffset = 0
  /// The lesson's text as the last frame showed it (`.shown`); nil before the first
  /// frame and on the message screen.
  public internal(set) var textViewport: TextViewport?
  public internal(set) var size: ScreenSize
  /// The digits typed before `g` or `G`.
  public internal(set) var typedNumber: Int?
  public internal(set) var message: StatusMessage?
  public internal(set) var isQuitting = false
  /// The search prompt, its history and the last search (`/`, `>`, `<`).
  public internal(set) var search = SearchState()
  /// Predict, then reveal: on or off, the guess asked for, the score.
  public internal(set) var quiz = QuizState()
  /// The learner's what-if edits, by chapter index: each chapter keeps its own.
  public internal(set) var whatIfs: [Int: WhatIf] = [:]
  /// Edit mode (`w`), open: the cursor and the change being made.
  public internal(set) var editor: EditorState?
  /// Whether the panels show each value's change from the original run (`D`).
  public internal(set) var showsDelta = false
  /// Whether the command gave an export hook.
  public let canExport: Bool
  /// Whether the command gave a record hook.
  public let canRecord: Bool
  /// Whether the session is being recorded (the status line says so).
  public internal(set) var isRecording = false
  /// What to tell the learner once the terminal is given back: where a recording
  /// still running at the end was saved.
  public internal(set) var closingNote: String?

  public init(
    content: PlayerContent, size: ScreenSize, canExport: Bool = false, canRecord: Bool = false
  ) {
    self.content = content
    self.size = size
    self.canExport = canExport
    self.canRecord = canRecord
    // A lesson's question at the first step is asked as soon as the chapter opens.
    askIfQuizzing()
  }

  /// The chapter on screen: with the what-if's edits, if it has any (as changes from the
  /// original while `D` shows them).
  ///
  /// While the edited run has not reached the step on screen (or, for Δ, its end), the
  /// original is shown, greyed, and nothing waits for the recompute (`isAwaitingRecompute`).
  public var chapter: PlayerChapter {
    guard let whatIf = whatIfs[chapterIndex] else { return content.chapters[chapterIndex] }
    if isAwaitingRecompute { return content.chapters[chapterIndex] }
    return showsDelta ? whatIf.delta ?? whatIf.chapter : whatIf.chapter
  }

  /// Whether the screen waits for the what-if's recompute: the edited run has not yet
  /// reached the current word (or, with Δ on, its last word).
  public var isAwaitingRecompute: Bool {
    guard let whatIf = whatIfs[chapterIndex], !whatIf.isComplete else { return false }
    if showsDelta { return true }
    let original = content.chapters[chapterIndex]
    let index = min(eventIndex, original.trace.events.count - 1)
    return !whatIf.covers(word: original.wordIndex(ofEvent: index) + 1)
  }

  /// Whether the chapter's what-if is still being recomputed, slice by slice.
  public var isRecomputing: Bool { whatIfs[chapterIndex].map { !$0.isComplete } ?? false }
  public var trace: PlayerTrace { chapter.trace }
  /// The current event; on a training screen after the traced round, its last event.
  public var event: TraceEvent {
    let events = chapter.trace.events
    return events[min(eventIndex, events.count - 1)]
  }
  /// The training screen the player is on (the SGD update, the loss curve), if it is
  /// past the traced round's events.
  public var trainingScreen: TrainingScreen? {
    let k = eventIndex - chapter.trace.events.count
    return k >= 0 ? chapter.trainingScreens[k] : nil
  }
  /// The index of the current word (time step t is `wordIndex + 1`).
  public var wordIndex: Int { chapter.wordIndex(ofEvent: eventIndex) }
  public var isAtEnd: Bool { eventIndex == chapter.stepCount - 1 }
  /// Whether a box (help, chapter menu, introduction) is over the screen.
  public var hasOverlay: Bool {
    isShowingHelp || chapterMenu != nil || isShowingIntroduction || panelMenu != nil
  }

  /// The current event as a product, if it is one.
  public var product: MatrixProduct? { MatrixProduct(event) }
}

/// How the lesson's text sat in a frame: the lines it wrapped to and the rows it had.
public struct TextViewport: Equatable, Sendable {
  public let lineCount: Int
  public let rows: Int

  public init(lineCount: Int, rows: Int) {
    self.lineCount = lineCount
    self.rows = rows
  }
}

/// A line for the status bar, replacing the key summary until the next key.
public struct StatusMessage: Equatable, Sendable {
  public var text: String
  public var isError: Bool

  public init(_ text: String, isError: Bool = false) {
    self.text = text
    self.isError = isError
  }
}
