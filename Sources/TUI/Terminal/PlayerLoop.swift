/// Runs the player on a terminal until the learner quits: render, wait for input,
/// turn it into an action, update, and carry out the effect if any.
public struct PlayerLoop {
  public let configuration: PlayerConfiguration

  public init(configuration: PlayerConfiguration = PlayerConfiguration()) {
    self.configuration = configuration
  }

  /// Plays `content` on `terminal`; returns the final state. A recording still running
  /// at the end is saved, and the state's closing note says where.
  @discardableResult
  public func run(_ content: PlayerContent, on terminal: some PlayerTerminal) -> PlayerState {
    var state = PlayerState(
      content: content, size: terminal.size, canExport: configuration.export != nil,
      canRecord: configuration.record != nil)
    var recording: (session: SessionRecording, target: RecordingTarget)?
    loop: while !state.isQuitting {
      let grid = PlayerView.render(state)
      terminal.draw(grid)
      recording?.session.record(grid, of: state, at: configuration.clock())
      let input = terminal.nextInput(
        timeoutMilliseconds: state.isPlaying ? state.autoplayDelayMilliseconds : nil)
      let action: PlayerAction?
      switch input {
      case .key(let key): action = KeyMap.action(for: key) ?? .unbound(key)
      case .resize(let size): action = .resize(size)
      case .timeout: action = state.isPlaying ? .tick : nil
      case .ignored: action = nil
      case .closed: break loop
      }
      guard let action, let effect = state.update(action) else { continue }
      switch effect {
      case .repaint:
        terminal.repaint()
      case .suspend:
        terminal.suspend()
        state.update(.resize(terminal.size))
      case .export:
        guard let export = configuration.export else { continue }
        do {
          state.update(.exported(path: try export(state.trace)))
        } catch {
          state.update(.exportFailed(reason: "\(error)"))
        }
      case .startRecording:
        guard let record = configuration.record else { continue }
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
    stop(&recording, &state)
    return state
  }

  /// Saves the recording, if one is running, and reports how that went.
  private func stop(
    _ recording: inout (session: SessionRecording, target: RecordingTarget)?,
    _ state: inout PlayerState
  ) {
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
