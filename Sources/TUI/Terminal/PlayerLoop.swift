/// Runs the player on a terminal until the learner quits: render, wait for input,
/// turn it into an action, update, and carry out the effect if any.
public struct PlayerLoop {
  public let configuration: PlayerConfiguration

  public init(configuration: PlayerConfiguration = PlayerConfiguration()) {
    self.configuration = configuration
  }

  /// Plays `content` on `terminal`; returns the final state.
  @discardableResult
  public func run(_ content: PlayerContent, on terminal: some PlayerTerminal) -> PlayerState {
    var state = PlayerState(
      content: content, size: terminal.size, canExport: configuration.export != nil)
    while !state.isQuitting {
      let frame = PlayerView.frame(state)
      terminal.draw(frame.grid)
      state.update(.shown(frame.text))
      let input = terminal.nextInput(
        timeoutMilliseconds: state.isPlaying ? state.speed.delayMilliseconds : nil)
      let action: PlayerAction?
      switch input {
      case .key(let key): action = KeyMap.action(for: key) ?? .unbound(key)
      case .resize(let size): action = .resize(size)
      case .timeout: action = state.isPlaying ? .tick : nil
      case .ignored: action = nil
      case .closed: return state
      }
      guard let action, let effect = state.update(action) else { continue }
      switch effect {
      case .repaint:
        terminal.repaint()
      case .suspend:
        terminal.suspend()
        state.update(.resize(terminal.size))
      case .export(let section):
        guard let export = configuration.export else { continue }
        do {
          state.update(.exported(path: try export(section, state.content.sections[section].trace)))
        } catch {
          state.update(.exportFailed(reason: "\(error)"))
        }
      }
    }
    return state
  }
}
