import CNcurses

#if canImport(Glibc)
  import Glibc
#endif

/// The only code that talks to curses: it copies a `CellGrid` to the screen and turns
/// keys into `TerminalInput`.
public final class CursesTerminal: PlayerTerminal {
  /// Why curses could not start.
  public struct StartError: Error, CustomStringConvertible {
    public let description: String
  }

  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  public let palette: TerminalPalette
  private var pairs: [Int16: Int16] = [:]
  private var isStopped = false
  /// The file descriptor keys are read from, to tell a dead terminal from a timeout.
  private let inputDescriptor: Int32

  /// Starts curses on the terminal named by `termType` (nil: `$TERM`) through the given
  /// streams (nil: stdout and stdin). Returns an error instead of exiting, as
  /// `initscr` would, when the terminal type is unknown.
  public init(
    termType: String? = nil, output: UnsafeMutablePointer<FILE>? = nil,
    input: UnsafeMutablePointer<FILE>? = nil, environment: [String: String] = [:]
  ) throws(StartError) {
    setlocale(LC_ALL, "")
    TerminalRestorer.install()
    let created: OpaquePointer? =
      if let termType {
        newterm(termType, output ?? rnn_stdout(), input ?? rnn_stdin())
      } else {
        newterm(nil, output ?? rnn_stdout(), input ?? rnn_stdin())
      }
    guard let created, let window = rnn_stdscr() else {
      TerminalRestorer.remove()
      let name = termType ?? environment["TERM"] ?? "unset"
      throw StartError(description: "curses cannot drive the terminal type \(name)")
    }
    screen = created
    self.window = window
    inputDescriptor = fileno(input ?? rnn_stdin())
    // Raw, so that Ctrl-C and Ctrl-Z arrive as keys and leave through the player.
    raw()
    noecho()
    nonl()
    keypad(window, true)
    set_escdelay(25)
    curs_set(0)
    var palette = TerminalPalette(depth: .monochrome)
    let wantsColor = TerminalPalette(colors: 256, hasColors: has_colors(), environment: environment)
    if wantsColor.depth != .monochrome, start_color() == OK {
      use_default_colors()
      palette = TerminalPalette(
        colors: Int(rnn_colors()), hasColors: true, environment: environment)
    }
    self.palette = palette
  }

  deinit { stop() }

  /// Gives the terminal back as it was: normal screen, echo, cursor.
  public func stop() {
    guard !isStopped else { return }
    isStopped = true
    endwin()
    delscreen(screen)
    TerminalRestorer.remove()
  }

  public var size: ScreenSize {
    ScreenSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
  }

  public func draw(_ grid: CellGrid) {
    werase(window)
    let rows = min(grid.height, Int(getmaxy(window)))
    let columns = min(grid.width, Int(getmaxx(window)))
    for y in 0..<rows {
      var x = 0
      while x < columns {
        let row = y * grid.width
        let packed = grid.storage[row + x].style
        var text = ""
        let start = x
        while x < columns, grid.storage[row + x].style == packed {
          let cell = grid.storage[row + x]
          if cell.code < 0x80 {
            text.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: cell.code)))
          } else if !cell.isContinuation {
            text += drawable(grid.text(cell))
          }
          x += 1
        }
        wattrset(window, Int32(bitPattern: attributes(grid.style(packed))))
        mvwaddstr(window, Int32(y), Int32(start), text)
      }
    }
    wattrset(window, 0)
    wnoutrefresh(window)
    doupdate()
  }

  public func nextInput(timeoutMilliseconds: Int?) -> TerminalInput {
    wtimeout(window, Int32(timeoutMilliseconds ?? -1))
    let code = wgetch(window)
    if code == ERR { return inputIsGone() ? .closed : .timeout }
    if code == KEY_RESIZE { return .resize(size) }
    if code == 27 { return escapeSequence() }
    return CursesTerminal.key(code).map(TerminalInput.key) ?? .ignored
  }

  /// Whether the terminal's input has hung up or ended. `wgetch` answers a dead terminal
  /// with ERR at once, as it answers a timeout: without this check the loop would spin.
  private func inputIsGone() -> Bool {
    var request = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
    guard poll(&request, 1, 0) >= 0 else { return errno != EINTR && errno != EAGAIN }
    return request.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
  }

  /// Esc alone is a key; Esc with more bytes already waiting is a sequence that the
  /// terminfo entry did not describe (tmux's `\e[4~` for End under TERM=xterm, say).
  /// The common ones are decoded; the rest are swallowed whole, so that a stray
  /// function key never reads as Esc (quit) followed by letters.
  private func escapeSequence() -> TerminalInput {
    wtimeout(window, 0)
    var bytes: [UInt8] = []
    while bytes.count < 16 {
      let next = wgetch(window)
      guard next != ERR, (0..<128).contains(next) else { break }
      bytes.append(UInt8(next))
      if bytes.count >= 2, (0x40...0x7E).contains(bytes.last!), bytes.last != UInt8(ascii: "[") {
        break
      }
    }
    guard !bytes.isEmpty else { return .key(.escape) }
    return CursesTerminal.knownSequences[String(decoding: bytes, as: UTF8.self)]
      .map(TerminalInput.key) ?? .ignored
  }

  /// Sequences that terminals send for the player's keys whatever their terminfo says.
  static let knownSequences: [String: Key] = [
    "[A": .up, "[B": .down, "[C": .right, "[D": .left,
    "OA": .up, "OB": .down, "OC": .right, "OD": .left,
    "[H": .home, "OH": .home, "[1~": .home, "[7~": .home,
    "[F": .end, "OF": .end, "[4~": .end, "[8~": .end,
    "[5~": .pageUp, "[6~": .pageDown,
  ]

  public func repaint() {
    clearok(window, true)
  }

  public func suspend() {
    rnn_suspend()
    // Back after SIGCONT: the terminal may have changed while we were away.
    wrefresh(window)
  }

  /// Row `y` as curses holds it, trailing blanks dropped (for tests).
  func line(_ y: Int) -> String {
    var buffer = [wchar_t](repeating: 0, count: Int(getmaxx(window)) + 1)
    let count = mvwinnwstr(window, Int32(y), 0, &buffer, Int32(buffer.count - 1))
    guard count > 0 else { return "" }
    let scalars = buffer.prefix(Int(count)).compactMap { UnicodeScalar(UInt32(bitPattern: $0)) }
    var text = String(String.UnicodeScalarView(scalars))
    while text.last == " " { text.removeLast() }
    return text
  }

  /// The attributes curses holds for one cell (for tests).
  func attributes(x: Int, y: Int) -> (bold: Bool, reverse: Bool, colorPair: Int) {
    let cell = mvwinch(window, Int32(y), Int32(x))
    let value = attr_t(truncatingIfNeeded: cell)
    return (
      value & rnn_a_bold() != 0, value & rnn_a_reverse() != 0,
      Int(rnn_pair_number(value))
    )
  }

  /// The key for a `wgetch` code.
  static func key(_ code: Int32) -> Key? {
    switch code {
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_NPAGE: return .pageDown
    case KEY_PPAGE: return .pageUp
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_ENTER, 10, 13: return .enter
    case 27: return .escape
    // Backspace, however the terminal sends it, as Ctrl-H (the search prompt's).
    case KEY_BACKSPACE, 127: return .control("h")
    case 1...26:
      return .control(Character(UnicodeScalar(UInt8(code) + 0x60)))
    case 32..<127:
      return .character(Character(UnicodeScalar(UInt8(code))))
    default: return nil
    }
  }

  /// What curses gets for a cell: the grapheme if curses measures it as the grid does;
  /// otherwise (a locale that is not UTF-8, a character the C library does not know)
  /// an ASCII stand-in of the same width, so that nothing shifts.
  private func drawable(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, first.value >= 0x80 else { return text }
    let width = DisplayWidth.of(Character(text))
    if Int(wcwidth(wchar_t(bitPattern: first.value))) == width { return text }
    if width == 1, let ascii = CursesTerminal.asciiStandIns[first] { return String(ascii) }
    return String(repeating: "?", count: max(1, width))
  }

  /// The player's own symbols in ASCII.
  static let asciiStandIns: [Unicode.Scalar: Character] = [
    "─": "-", "│": "|", "┤": "|", "┼": "+", "┌": "+", "┐": "+", "└": "+", "┘": "+",
    "→": ">", "←": "<", "↑": "^", "↓": "v", "…": "~", "·": ".", "ᵀ": "'", "×": "x",
    "•": "*", "⋮": ":", "▶": ">", "❚": "|", "»": ">", "◂": "<", "▸": ">", "—": "-",
    "▁": "_", "▂": "_", "▃": "-", "▄": "-", "▅": "=", "▆": "=", "▇": "#", "█": "#",
    // The backward pass's: the norm bars, the tangent, a neuron's mark, ⊙ and h².
    "‖": "|", "∙": ".", "●": "o", "⊙": "*", "²": "2",
  ]

  private func attributes(_ cellStyle: CellStyle) -> attr_t {
    let style = TerminalStyle(cellStyle, palette: palette)
    var value = rnn_a_normal()
    if style.bold { value |= rnn_a_bold() }
    if style.dim { value |= rnn_a_dim() }
    if style.reverse { value |= rnn_a_reverse() }
    if style.underline { value |= rnn_a_underline() }
    if let foreground = style.foreground, let pair = pair(for: foreground) {
      value |= rnn_color_pair(pair)
    }
    return value
  }

  /// A colour pair per foreground, on the default background, made when first needed.
  private func pair(for foreground: Int16) -> Int16? {
    if let pair = pairs[foreground] { return pair }
    let pair = Int16(pairs.count + 1)
    guard Int32(pair) < rnn_color_pairs(), init_pair(pair, foreground, -1) == OK else {
      return nil
    }
    pairs[foreground] = pair
    return pair
  }
}
