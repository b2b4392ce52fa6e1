/// The screen as values: a rectangle of cells, each one column of text with a style.
///
/// Everything the player shows is drawn here first, so tests read the screen as lines
/// and styles with no terminal at all; the curses backend only copies it.
public struct CellGrid: Equatable, Sendable {
  /// One column of the screen.
  public struct Cell: Equatable, Sendable {
    /// One grapheme; empty for the second column of a wide character.
    public var text: String
    public var style: CellStyle

    public init(_ text: String = " ", style: CellStyle = .plain) {
      self.text = text
      self.style = style
    }

    /// Whether this column is the right half of a two-column character.
    public var isContinuation: Bool { text.isEmpty }
  }

  public let size: ScreenSize
  public private(set) var cells: [Cell]

  public init(size: ScreenSize) {
    self.size = size
    self.cells = Array(repeating: Cell(), count: max(0, size.columns) * max(0, size.rows))
  }

  public var width: Int { size.columns }
  public var height: Int { size.rows }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// The text of row `y`, trailing blanks dropped (what a test compares).
  public func line(_ y: Int) -> String {
    var text = ""
    for x in 0..<width { text += self[x, y].text }
    while text.last == " " { text.removeLast() }
    return text
  }

  /// Every row's text.
  public var lines: [String] { (0..<height).map(line) }

  /// The whole screen as one string, a line per row (for test failure messages).
  public var text: String { lines.joined(separator: "\n") }

  /// Writes `text` at column `x` of row `y`, clipped to the columns `x..<limit`.
  /// Control characters are escaped first; a wide character that would straddle the
  /// limit is left out. Returns the column after the last one written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil
  ) -> Int {
    let end = min(limit ?? width, width)
    guard y >= 0, y < height else { return x }
    var column = x
    if TerminalText.isPrintableASCII(text) {
      // A byte, a grapheme, a column: no grapheme breaking, widths or escapes.
      for byte in text.utf8 {
        if column + 1 > end { break }
        if column >= 0 {
          clearWide(at: column, y: y)
          self[column, y] = Cell(TerminalText.asciiCharacters[Int(byte)], style: style)
        }
        column += 1
      }
      return column
    }
    for character in TerminalText.escaped(text) {
      let w = DisplayWidth.of(character)
      if w == 0 {
        // A lone combining mark has nothing to sit on; it is dropped.
        continue
      }
      if column + w > end { break }
      if column >= 0 {
        clearWide(at: column, y: y)
        self[column, y] = Cell(String(character), style: style)
        if w == 2 {
          clearWide(at: column + 1, y: y)
          self[column + 1, y] = Cell("", style: style)
        }
      }
      column += w
    }
    return column
  }

  /// Changes the style of the cells `x..<x+count` of row `y`, keeping their text.
  public mutating func restyle(x: Int, y: Int, count: Int, _ change: (inout CellStyle) -> Void) {
    guard y >= 0, y < height else { return }
    for column in max(0, x)..<min(width, x + count) {
      change(&self[column, y].style)
    }
  }

  /// Fills a rectangle with blanks of `style`.
  public mutating func fill(_ rect: Rect, style: CellStyle = .plain) {
    for y in max(0, rect.y)..<min(height, rect.y + rect.height) {
      for x in max(0, rect.x)..<min(width, rect.x + rect.width) {
        self[x, y] = Cell(" ", style: style)
      }
    }
  }

  /// Overwriting half of a wide character blanks its other half, so that no cell is
  /// left pointing at a character that is gone.
  private mutating func clearWide(at x: Int, y: Int) {
    guard x >= 0, x < width else { return }
    if self[x, y].isContinuation, x > 0 {
      self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
    } else if self[x, y].text.utf8.count >= 3, DisplayWidth.of(self[x, y].text) == 2,
      x + 1 < width
    {
      // (A two-column character takes at least three bytes of UTF-8.)
      self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
    }
  }
}

/// A size in terminal cells.
public struct ScreenSize: Equatable, Hashable, Sendable, CustomStringConvertible {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }

  public var description: String { "\(columns)×\(rows)" }
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
}
