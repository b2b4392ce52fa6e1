/// One line of the key table: the keys, what they do, and how the help says it.
public struct KeyBinding: Sendable {
  public let keys: [Key]
  public let action: PlayerAction
  public let summary: String
  /// The short name the status line uses, for the few keys it lists.
  public let statusName: String?
  private let label: String?

  public init(
    _ keys: [Key], _ action: PlayerAction, _ summary: String, status: String? = nil,
    label: String? = nil
  ) {
    self.keys = keys
    self.action = action
    self.summary = summary
    self.statusName = status
    self.label = label
  }

  /// `→ l n . Enter`.
  public var keyLabels: String { label ?? keys.map(\.label).joined(separator: " ") }
}

/// The key table: the update function and the help overlay both read it, so the help
/// cannot drift from what the keys do. Keys follow debuggers (n, Enter), pagers
/// (Space, g, G, J, K, q), vi (h, l, a count before g) and media players (Space, + -).
public enum KeyMap {
  public static let bindings: [KeyBinding] = [
    KeyBinding(
      [.right, .character("l"), .character("n"), .character("."), .enter], .next,
      "next operation (in a drill: next multiply-add)", status: "next"),
    KeyBinding(
      [.left, .character("h"), .character("p"), .character(",")], .previous,
      "previous operation", status: "back"),
    KeyBinding(
      [.pageDown, .character("J"), .down], .nextWord, "next word (its first operation)",
      status: "word"),
    KeyBinding([.pageUp, .character("K"), .up], .previousWord, "previous word"),
    KeyBinding([.character("g"), .home], .first, "first step; after a number N: step N"),
    KeyBinding([.character("G"), .end], .last, "last step; after a number N: step N"),
    KeyBinding(
      (1...9).map { .character(Character(String($0))) }, .digit(1),
      "a number N, then g: go to step N", label: "1…9"),
    KeyBinding([.character(" ")], .togglePlay, "play / pause (stops at the end)", status: "play"),
    KeyBinding([.character("+"), .character("=")], .faster, "play faster"),
    KeyBinding([.character("-"), .character("_")], .slower, "play slower"),
    KeyBinding([.character("0")], .normalSpeed, "normal speed (after a number: the digit 0)"),
    KeyBinding(
      [.character("d")], .drill, "drill into a product: each multiply-add in turn",
      status: "drill"),
    KeyBinding(
      [.character("}")], .textDown, "more of the lesson's text, when it is cut (… } more)"),
    KeyBinding([.character("{")], .textUp, "back up the lesson's text"),
    KeyBinding([.character("]")], .nextSection, "next chapter"),
    KeyBinding([.character("[")], .previousSection, "previous chapter"),
    KeyBinding([.character("e")], .export, "export the trace"),
    KeyBinding([.character("?")], .help, "this help", status: "help"),
    KeyBinding([.control("l")], .redraw, "redraw the screen"),
    KeyBinding([.control("z")], .suspend, "suspend (fg to come back)"),
    KeyBinding([.escape], .cancel, "close the help, leave the drill, or quit"),
    KeyBinding([.character("q")], .quit, "quit (in the help: close it)", status: "quit"),
    KeyBinding([.control("c")], .interrupt, "quit, from anywhere"),
  ]

  /// What `key` does, or nil if it does nothing.
  public static func action(for key: Key) -> PlayerAction? {
    if case .character(let c) = key, let digit = c.wholeNumberValue, c.isASCII, digit > 0 {
      return .digit(digit)
    }
    return table[key]
  }

  private static let table: [Key: PlayerAction] = {
    var table: [Key: PlayerAction] = [:]
    for binding in bindings {
      for key in binding.keys where table[key] == nil { table[key] = binding.action }
    }
    return table
  }()
}
