/// Runs the player on a terminal until the learner quits: render, wait for input,
/// turn it into an action, update, and carry out the effect if any.
public struct PlayerLoop {
  public let configuration: PlayerConfiguration

  public init(configuration: PlayerConfiguration = PlayerConfiguration()) {
    self.configuration = configuration
  }

  /// The most keys handled between two frames: a paste of any length answers at
  /// once, and a key held down still shows the screen moving.
  static let maxInputsPerFrame = 4096

  /// How often the screen shows a recompute's progress.
  static let recomputeRedrawSeconds = 0.1

  /// A recording of the session, and where it goes.
  typealias Recording = (session: SessionRecording, target: RecordingTarget)

  /// Plays `content` on `terminal`; returns the final state. A recording still running
  /// at the end is saved, and the state's closing note says where.
  ///
  /// Input already waiting when a key arrives (a paste, a held arrow) is all handled
  /// before the next frame is drawn: drawing a frame per key made 10 KB of pasted
  /// keys cost seconds before the player answered.
  @discardableResult
  public func run(_ content: PlayerContent, on terminal: some PlayerTerminal) -> PlayerState {
    var state = PlayerState(
      content: content, size: terminal.size, canExport: configuration.export != nil,
      canRecord: configuration.record != nil)
    if configuration.quiz { state.update(.quiz) }
    var recording: Recording?
    var lastDrawn = -Double.infinity
    var lastTick = configuration.clock()
    loop: while !state.isQuitting {
      let frame = PlayerView.frame(state)
      terminal.draw(frame.grid)
      lastDrawn = configuration.clock()
      recording?.session.record(frame.grid, of: state, at: lastDrawn)
      state.update(.shown(frame.text))
      // A what-if being recomputed goes on a slice at a time while no key waits, so
      // that a key is answered within a slice; the screen follows it a few times a
      // second, and at once when the step on screen is reached or the run is done.
      // Autoplay goes on meanwhile, on the clock, where the run has reached.
      while state.isRecomputing {
        let input = terminal.nextInput(timeoutMilliseconds: 0)
        if input != .timeout {
          guard handleWaiting(input, &state, &recording, on: terminal) else { break loop }
          lastTick = configuration.clock()
          continue loop
        }
        let delay = Double(state.autoplayDelayMilliseconds) / 1000
        if state.isPlaying, !state.isAwaitingRecompute,
          configuration.clock() - lastTick >= delay
        {
          lastTick = configuration.clock()
          handle(.timeout, &state, &recording, on: terminal)
          continue loop
        }
        let awaiting = state.isAwaitingRecompute
        state.update(.recomputeSlice)
        if awaiting != state.isAwaitingRecompute || !state.isRecomputing
          || configuration.clock() - lastDrawn >= Self.recomputeRedrawSeconds
        {
          continue loop
        }
      }
      // A search under way only looks at what is waiting, and goes on if nothing is.
      let input = terminal.nextInput(
        timeoutMilliseconds: state.search.running != nil
          ? 0 : state.isPlaying ? state.autoplayDelayMilliseconds : nil)
      guard handleWaiting(input, &state, &recording, on: terminal) else { break loop }
      lastTick = configuration.clock()
    }
    stop(&recording, &state)
    return state
  }

  /// Handles `input` and all the input already waiting after it; false once the
  /// terminal is gone.
  private func handleWaiting(
    _ first: TerminalInput, _ state: inout PlayerState, _ recording: inout Recording?,
    on terminal: some PlayerTerminal
  ) -> Bool {
    var input = first
    for _ in 0..<Self.maxInputsPerFrame {
      if input == .closed { return false }
      handle(input, &state, &recording, on: terminal)
      if state.isQuitting { break }
      // Nothing waiting: a timeout here is not an autoplay tick.
      input = terminal.nextInput(timeoutMilliseconds: 0)
      if input == .timeout { break }
    }
    return true
  }

  private func handle(
    _ input: TerminalInput, _ state: inout PlayerState, _ recording: inout Recording?,
    on terminal: some PlayerTerminal
  ) {
    let action: PlayerAction?
    switch input {
    case .key(let key):
      action =
        state.editor != nil
        ? .editInput(key)
        : state.search.isTyping
          ? .searchInput(key)
          : state.quiz.isAsking && QuizState.takes(key)
            ? .quizInput(key) : KeyMap.action(for: key) ?? .unbound(key)
    case .resize(let size): action = .resize(size)
    case .timeout:
      action = state.search.running != nil ? .searchSlice : state.isPlaying ? .tick : nil
    case .ignored, .closed: action = nil
    }
    guard let action, let effect = state.update(action) else { return }
    switch effect {
    case .repaint:
      terminal.repaint()
    case .suspend:
      terminal.suspend()
      state.update(.resize(terminal.size))
    case .export(let chapter):
      guard let export = configuration.export else { return }
      do {
        // An edited run still being recomputed is finished first: the log holds it all.
        let edited = state.whatIfs[chapter]?.finished()
        let trace = edited?.chapter.trace ?? state.content.chapters[chapter].trace
        state.update(.exported(path: try export(chapter, trace, edited?.record)))
      } catch {
        state.update(.exportFailed(reason: "\(error)"))
      }
    case .startRecording:
      guard let record = configuration.record else { return }
      do {
        let target = try record(state.trace)
        let session = SessionRecording(
          size: state.size, palette: terminal.palette, title: target.title,
          terminalType: target.terminalType, timestamp: target.timestamp,
          at: configuration.clock())
        recording = (session, target)
        state.update(.recordingStarted(path: target.path))
      } catch {
        state.update(.recordingFailed(reason: "\(error)"))
      }
    case .stopRecording:
      stop(&recording, &state)
    }
  }

  /// Saves the recording, if one is running, and reports how that went.
  private func stop(_ recording: inout Recording?, _ state: inout PlayerState) {
    guard var finished = recording else { return }
    recording = nil
    finished.session.finish(at: configuration.clock())
    do {
      try finished.target.save(finished.session.cast)
      state.update(.recordingStopped(path: finished.target.path, steps: finished.session.steps))
    } catch {
      state.update(.recordingFailed(reason: "\(error)"))
    }
  }
}
