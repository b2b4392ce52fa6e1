/// A key as the player understands it, whatever terminal sent it.
public enum Key: Hashable, Sendable {
  case character(Character)
  /// Ctrl with a letter: `.control("c")` is Ctrl-C.
  case control(Character)
  case left
  case right
  case up
  case down
  case pageUp
  case pageDown
  case home
  case end
  case enter
  case escape

  /// How the help overlay and the status line write the key.
  public var label: String {
    switch self {
    case .character(" "): "Space"
    case .character(let c): String(c)
    case .control(let c): "Ctrl-" + c.uppercased()
    case .left: "←"
    case .right: "→"
    case .up: "↑"
    case .down: "↓"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .home: "Home"
    case .end: "End"
    case .enter: "Enter"
    case .escape: "Esc"
    }
  }
}
