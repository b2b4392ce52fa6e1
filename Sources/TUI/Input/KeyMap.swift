/// One line of the key table: the keys, what they do, and how the help says it.
public struct KeyBinding: Sendable {
  public let keys: [Key]
  public let action: PlayerAction
  public let summary: String
  /// The short name the status line uses, for the few keys it lists.
  public let statusName: String?
  /// One help line for this binding and the next, its opposite (`next / previous
  /// chapter`): paired, the whole table fits the help box on an 80×24 terminal.
  public let pairedSummary: String?
  /// false for a key another binding's help line already names (`>` and `<` on `/`'s).
  public let inHelp: Bool
  private let label: String?

  public init(
    _ keys: [Key], _ action: PlayerAction, _ summary: String, status: String? = nil,
    label: String? = nil, pairedSummary: String? = nil, inHelp: Bool = true
  ) {
    self.keys = keys
    self.action = action
    self.summary = summary
    self.statusName = status
    self.label = label
    self.pairedSummary = pairedSummary
    self.inHelp = inHelp
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
      "next operation (in a drill: next multiply-add)", status: "next",
      pairedSummary: "next / previous operation (drill: multiply-add)"),
    KeyBinding(
      [.left, .character("h"), .character("p"), .character(",")], .previous,
      "previous operation", status: "back"),
    KeyBinding(
      [.pageDown, .character("J"), .down], .nextWord, "next word (its first operation)",
      status: "word", pairedSummary: "next / previous word (its first operation)"),
    KeyBinding([.pageUp, .character("K"), .up], .previousWord, "previous word"),
    KeyBinding(
      [.character("g"), .home], .first, "first step; after a number N: step N",
      pairedSummary: "first / last step; after a number N: step N"),
    KeyBinding([.character("G"), .end], .last, "last step; after a number N: step N"),
    KeyBinding(
      (1...9).map { .character(Character(String($0))) }, .digit(1),
      "a number N, then g: go to step N", label: "1…9"),
    KeyBinding([.character(" ")], .togglePlay, "play / pause (stops at the end)", status: "play"),
    KeyBinding(
      [.character("+"), .character("=")], .faster, "play faster",
      pairedSummary: "play faster / slower"),
    KeyBinding([.character("-"), .character("_")], .slower, "play slower"),
    KeyBinding([.character("0")], .normalSpeed, "normal speed (after a number: the digit 0)"),
    KeyBinding(
      [.character("d")], .drill, "drill into a product: each multiply-add in turn",
      status: "drill"),
    KeyBinding(
      [.character("}")], .textDown, "more of the lesson's text, when it is cut (… } more)",
      pairedSummary: "the lesson's text a page down / up (… } more)"),
    KeyBinding([.character("{")], .textUp, "back up the lesson's text"),
    KeyBinding(
      [.character("]")], .nextChapter, "next chapter", pairedSummary: "next / previous chapter"),
    KeyBinding([.character("[")], .previousChapter, "previous chapter"),
    KeyBinding(
      [.character("c")], .chapterMenu, "the chapters: choose one to go to",
      pairedSummary: "chapter menu / the chapter's introduction again"),
    KeyBinding([.character("i")], .introduction, "the chapter's introduction again"),
    KeyBinding(
      [.character("e")], .export, "export the trace",
      pairedSummary: "export the trace / record the session (.cast)"),
    KeyBinding([.character("r")], .record, "start / stop recording the session (.cast)"),
    KeyBinding(
      [.character("/")], .search, "search a step (h[0] < 0, t 4, tanh…); > < again",
      label: "/ then > <"),
    KeyBinding([.character(">")], .searchNext, "again", inHelp: false),
    KeyBinding([.character("<")], .searchPrevious, "again", inHelp: false),
    KeyBinding(
      [.character("w")], .whatIf, "what-if: edit a value; u undo, U revert all, D Δ",
      status: "what-if", label: "w u U D"),
    KeyBinding([.character("u")], .undoEdit, "undo", inHelp: false),
    KeyBinding([.character("U")], .revertEdits, "revert all", inHelp: false),
    KeyBinding([.character("D")], .delta, "Δ", inHelp: false),
    KeyBinding(
      [.character("a")], .quiz,
      "quiz: guess each result before it shows (on / off; off stops the lesson's questions too)",
      pairedSummary: "quiz: guess each result first / this help"),
    KeyBinding([.character("?")], .help, "this help", status: "help"),
    KeyBinding(
      [.control("l")], .redraw, "redraw the screen",
      pairedSummary: "redraw the screen / suspend (fg to come back)"),
    KeyBinding([.control("z")], .suspend, "suspend (fg to come back)"),
    KeyBinding(
      [.character("v")], .panelMenu,
      "hide and show panels (a teacher hides what is not explained yet)",
      pairedSummary: "hide and show panels / close a box or the drill"),
    KeyBinding(
      [.escape], .cancel, "close a box or the drill, drop a count"),
    KeyBinding(
      [.character("q")], .quit, "quit (in a box: close it)", status: "quit",
      pairedSummary: "quit (q in a box: close it) / quit from anywhere"),
    KeyBinding([.control("c")], .interrupt, "quit, from anywhere"),
  ]

  /// The help's lines: each binding's keys and summary, a pair on one line.
  public static var helpLines: [(keys: String, summary: String)] {
    var lines: [(keys: String, summary: String)] = []
    var i = 0
    while i < bindings.count {
      let binding = bindings[i]
      guard binding.inHelp else {
        i += 1
        continue
      }
      if let paired = binding.pairedSummary, i + 1 < bindings.count {
        lines.append((binding.keyLabels + " / " + bindings[i + 1].keyLabels, paired))
        i += 2
      } else {
        lines.append((binding.keyLabels, binding.summary))
        i += 1
      }
    }
    return lines
  }

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
