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

  /// Plays `content` on `terminal`; returns the final state.
  ///
  /// Input already waiting when a key arrives (a paste, a held arrow) is all handled
  /// before the next frame is drawn: drawing a frame per key made 10 KB of pasted
  /// keys cost seconds before the player answered.
  @discardableResult
  public func run(_ content: PlayerContent, on terminal: some PlayerTerminal) -> PlayerState {
    var state = PlayerState(
      content: content, size: terminal.size, canExport: configuration.export != nil)
    while !state.isQuitting {
      terminal.draw(PlayerView.render(state))
      var input = terminal.nextInput(
        timeoutMilliseconds: state.isPlaying ? state.speed.delayMilliseconds : nil)
      for _ in 0..<Self.maxInputsPerFrame {
        if input == .closed { return state }
        handle(input, &state, on: terminal)
        if state.isQuitting { break }
        // Nothing waiting: a timeout here is not an autoplay tick.
        input = terminal.nextInput(timeoutMilliseconds: 0)
        if input == .timeout { break }
      }
    }
    return state
  }

  private func handle(
    _ input: TerminalInput, _ state: inout PlayerState, on terminal: some PlayerTerminal
  ) {
    let action: PlayerAction?
    switch input {
    case .key(let key): action = KeyMap.action(for: key) ?? .unbound(key)
    case .resize(let size): action = .resize(size)
    case .timeout: action = state.isPlaying ? .tick : nil
    case .ignored, .closed: action = nil
    }
    guard let action, let effect = state.update(action) else { return }
    switch effect {
    case .repaint:
      terminal.repaint()
    case .suspend:
      terminal.suspend()
      state.update(.resize(terminal.size))
    case .export:
      guard let export = configuration.export else { return }
      do {
        state.update(.exported(path: try export(state.trace)))
      } catch {
        state.update(.exportFailed(reason: "\(error)"))
      }
    }
  }
}
