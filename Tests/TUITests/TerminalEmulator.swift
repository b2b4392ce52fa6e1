import TUI

/// A terminal emulator small enough to read at a sitting, for replaying recordings:
/// printable text (wide characters included), CR and LF, CUP, CUF, CUB, CUU, CUD,
/// SGR (attributes, 30–37, 90–97, 38;5;n, 39), EL, ED and DECTCEM. Anything else, and
/// anything that would scroll the screen, is noted in `problems`, not ignored.
///
/// It follows xterm where terminals agree: writing in the last column leaves the
/// cursor there until the next character wraps it; a character written over either
/// half of a wide one blanks the other half.
struct TerminalEmulator {
  struct Cell: Equatable, CustomStringConvertible {
    /// The character; empty for the right half of a wide one.
    var text = " "
    var style = TerminalStyle.plain

    var description: String { "\"\(text)\" \(style)" }
  }

  private(set) var width: Int
  private(set) var height: Int
  private(set) var cells: [Cell]
  private(set) var x = 0
  private(set) var y = 0
  private var pendingWrap = false
  private(set) var style = TerminalStyle.plain
  private(set) var cursorVisible = true
  private(set) var problems: [String] = []

  init(columns: Int, rows: Int) {
    width = columns
    height = rows
    cells = Array(repeating: Cell(), count: columns * rows)
  }

  subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

  /// Row `y`'s text, trailing blanks dropped (as `CellGrid.line`).
  func line(_ y: Int) -> String {
    var text = (0..<width).map { self[$0, y].text }.joined()
    while text.last == " " { text.removeLast() }
    return text
  }

  var text: String { (0..<height).map(line).joined(separator: "\n") }

  /// The terminal takes a new size: what fits is kept.
  mutating func resize(columns: Int, rows: Int) {
    var resized = Array(repeating: Cell(), count: columns * rows)
    for row in 0..<min(rows, height) {
      for column in 0..<min(columns, width) {
        resized[row * columns + column] = cells[row * width + column]
      }
    }
    (width, height, cells) = (columns, rows, resized)
    x = min(x, columns - 1)
    y = min(y, rows - 1)
    pendingWrap = false
  }

  mutating func feed(_ output: String) {
    var characters = output.makeIterator()
    while let character = characters.next() {
      switch character {
      case "\u{1B}": escape(&characters)
      case "\r":
        x = 0
        pendingWrap = false
      case "\n", "\r\n":
        if character == "\r\n" { x = 0 }
        lineFeed()
      default:
        if character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
          problems.append("a raw control character \(character.unicodeScalars.map(\.value))")
        } else {
          put(character)
        }
      }
    }
  }

  private mutating func lineFeed() {
    pendingWrap = false
    if y + 1 < height {
      y += 1
    } else {
      problems.append("the screen scrolled")
    }
  }

  private mutating func put(_ character: Character) {
    let columns = DisplayWidth.of(character)
    guard columns > 0 else {
      problems.append("a character of no width: \(character.unicodeScalars.map(\.value))")
      return
    }
    if pendingWrap || x + columns > width {
      x = 0
      lineFeed()
    }
    clearHalves(at: x)
    cells[y * width + x] = Cell(text: String(character), style: style)
    if columns == 2 {
      clearHalves(at: x + 1)
      cells[y * width + x + 1] = Cell(text: "", style: style)
    }
    if x + columns >= width {
      x = width - 1
      pendingWrap = true
    } else {
      x += columns
    }
  }

  /// Before column `column` is written: the other half of a wide character there
  /// becomes a blank.
  private mutating func clearHalves(at column: Int) {
    let index = y * width + column
    if cells[index].text.isEmpty, column > 0 {
      cells[index - 1].text = " "
    } else if column + 1 < width, cells[index + 1].text.isEmpty {
      cells[index + 1].text = " "
    }
  }

  private mutating func escape(_ characters: inout String.Iterator) {
    guard characters.next() == "[" else {
      problems.append("an escape that is not a CSI")
      return
    }
    var parameters = ""
    while let character = characters.next() {
      let value = character.unicodeScalars.first!.value
      if (0x40...0x7E).contains(value) {
        control(parameters, String(character))
        return
      }
      guard (0x20...0x3F).contains(value) else {
        problems.append("a broken CSI: \(parameters)\(character)")
        return
      }
      parameters.append(character)
    }
    problems.append("a CSI cut short: \(parameters)")
  }

  private mutating func control(_ parameters: String, _ final: String) {
    if parameters.hasPrefix("?") {
      switch parameters + final {
      case "?25l": cursorVisible = false
      case "?25h": cursorVisible = true
      default: problems.append("an unknown private mode: \(parameters)\(final)")
      }
      return
    }
    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map {
      Int($0)
    }
    func number(_ i: Int, default value: Int) -> Int {
      i < numbers.count ? (numbers[i] ?? value) : value
    }
    switch final {
    case "H", "f":
      y = min(max(number(0, default: 1), 1), height) - 1
      x = min(max(number(1, default: 1), 1), width) - 1
      pendingWrap = false
    case "C":
      x = min(x + max(number(0, default: 1), 1), width - 1)
      pendingWrap = false
    case "D":
      x = max(x - max(number(0, default: 1), 1), 0)
      pendingWrap = false
    case "A":
      y = max(y - max(number(0, default: 1), 1), 0)
      pendingWrap = false
    case "B":
      y = min(y + max(number(0, default: 1), 1), height - 1)
      pendingWrap = false
    case "K":
      guard number(0, default: 0) == 0 else {
        problems.append("an unknown erase: \(parameters)K")
        return
      }
      if style != .plain { problems.append("an erase with a style set: \(style)") }
      clearHalves(at: x)
      for column in x..<width { cells[y * width + column] = Cell() }
    case "J":
      guard number(0, default: 0) == 2 else {
        problems.append("an unknown erase: \(parameters)J")
        return
      }
      cells = Array(repeating: Cell(), count: width * height)
    case "m":
      sgr(numbers.map { $0 ?? 0 })
    default:
      problems.append("an unknown control: \(parameters)\(final)")
    }
  }

  private mutating func sgr(_ codes: [Int]) {
    var i = 0
    while i < codes.count {
      switch codes[i] {
      case 0: style = .plain
      case 1: style.bold = true
      case 2: style.dim = true
      case 4: style.underline = true
      case 7: style.reverse = true
      case 22: (style.bold, style.dim) = (false, false)
      case 24: style.underline = false
      case 27: style.reverse = false
      case 30...37: style.foreground = Int16(codes[i] - 30)
      case 90...97: style.foreground = Int16(codes[i] - 90 + 8)
      case 39: style.foreground = nil
      case 38:
        guard i + 2 < codes.count, codes[i + 1] == 5, (0...255).contains(codes[i + 2]) else {
          problems.append("an unknown colour: \(codes)")
          return
        }
        style.foreground = Int16(codes[i + 2])
        i += 2
      default: problems.append("an unknown SGR code \(codes[i]) in \(codes)")
      }
      i += 1
    }
  }

  /// The differences from what `grid` looks like on a terminal with `palette`, a line
  /// per cell (at most `limit`): empty when the two are the same cell for cell.
  func differences(from grid: CellGrid, palette: TerminalPalette, limit: Int = 5) -> [String] {
    guard grid.width == width, grid.height == height else {
      return ["size \(width)x\(height), expected \(grid.width)x\(grid.height)"]
    }
    var found: [String] = []
    for row in 0..<height {
      for column in 0..<width {
        let cell = grid[column, row]
        let expected = Cell(text: cell.text, style: TerminalStyle(cell.style, palette: palette))
        if self[column, row] != expected {
          found.append("(\(column), \(row)): \(self[column, row]), expected \(expected)")
          if found.count >= limit { return found }
        }
      }
    }
    return found
  }
}
