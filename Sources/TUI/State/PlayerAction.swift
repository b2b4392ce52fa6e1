/// Everything that can happen to the player: keys (through the key map), autoplay
/// ticks, resizes and the outcome of an export all come in through this one door.
public enum PlayerAction: Equatable, Sendable {
  case next
  case previous
  case nextWord
  case previousWord
  /// The first step, or step N after a count.
  case first
  /// The last step, or step N after a count.
  case last
  case togglePlay
  /// The autoplay timer fired.
  case tick
  case faster
  case slower
  /// Normal speed; after a count, the digit 0 of the count.
  case normalSpeed
  /// A digit of a count (`12g`).
  case digit(Int)
  case drill
  /// Scrolls the lesson's text a page down or up, when it does not all fit.
  case textDown
  case textUp
  case help
  /// Closes the help, the chapter menu or the introduction, leaves the drill, drops a
  /// count; never quits (in front of a class Esc is too easy to hit).
  case cancel
  /// Opens (or closes) the menu of chapters.
  case chapterMenu
  /// Opens the menu that hides and shows panels.
  case panelMenu
  /// Shows (or hides) the chapter's introduction over the screen.
  case introduction
  case redraw
  case quit
  /// Ctrl-C: quits from anywhere, the help included.
  case interrupt
  case suspend
  case nextChapter
  case previousChapter
  case export
  case exported(path: String)
  case exportFailed(reason: String)
  /// Starts or stops recording the session.
  case record
  case recordingStarted(path: String)
  case recordingStopped(path: String, steps: Int)
  case recordingFailed(reason: String)
  case resize(ScreenSize)
  /// Opens the search prompt (`/`).
  case search
  /// A key typed while the search prompt is open.
  case searchInput(Key)
  /// The last search again, forward or backward.
  case searchNext
  case searchPrevious
  /// No key is waiting while a search goes on: look through its next slice of steps.
  case searchSlice
  /// Turns the quiz (predict, then reveal) on or off.
  case quiz
  /// A key typed while the quiz asks for a guess.
  case quizInput(Key)
  /// Opens edit mode (`w`): what if a value on screen were another?
  case whatIf
  /// A key typed in edit mode.
  case editInput(Key)
  /// Undoes the latest what-if edit.
  case undoEdit
  /// Reverts every what-if edit of the chapter.
  case revertEdits
  /// Shows each value as its change from the original run, or the values again.
  case delta
  /// No key is waiting: one more slice of the what-if's recompute (`LazyRecompute`).
  case recomputeSlice
  /// A frame was drawn, with the lesson's text laid out so (`PlayerView.frame`).
  case shown(TextViewport?)
  /// A key the table does not bind: it closes the help, as the help promises, and is
  /// otherwise answered with where the keys are listed rather than with nothing.
  case unbound(Key)
}

/// What the update asks of the world outside the pure state.
public enum PlayerEffect: Equatable, Sendable {
  /// Clear and repaint the whole terminal (Ctrl-L).
  case repaint
  /// Stop the process until it is continued (Ctrl-Z).
  case suspend
  /// Call the export hook on chapter `chapter` (the one on screen when the key was
  /// pressed), then report back with `.exported` or `.exportFailed`.
  case export(chapter: Int)
  /// Ask the record hook where to record, start recording every frame, then report
  /// back with `.recordingStarted` or `.recordingFailed`.
  case startRecording
  /// Save the recording, then report back with `.recordingStopped` or
  /// `.recordingFailed`.
  case stopRecording
}
