/// The screen as values: a rectangle of cells, each one column of text with a style.
///
/// Everything the player shows is drawn here first, so tests read the screen as lines
/// and styles with no terminal at all; the curses backend only copies it.
///
/// A frame writes every cell, so a cell is stored as a plain value (a scalar and a
/// style) rather than a `String`: no allocation or reference counting per cell. The
/// rare grapheme of several scalars lives in a side table.
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

  /// A cell as stored: `code` is the grapheme's only scalar, `continuation`, or
  /// `multiScalar` plus an index into `graphemes`.
  struct Stored: Sendable {
    var code: UInt32
    var style: PackedStyle

    static let continuation: UInt32 = 0xFFFF_FFFF
    static let multiScalar: UInt32 = 0x8000_0000
    static let space: UInt32 = 0x20

    var isContinuation: Bool { code == Stored.continuation }
  }

  public let size: ScreenSize
  private(set) var storage: [Stored]
  /// Graphemes of more than one scalar, indexed from `Stored.code`.
  private var graphemes: [String] = []
  /// Styles too unusual to pack (see `PackedStyle`), each kept once.
  private var styles: [CellStyle] = []

  public init(size: ScreenSize) {
    self.size = size
    self.storage = Array(
      repeating: Stored(code: Stored.space, style: .plain),
      count: max(0, size.columns) * max(0, size.rows))
  }

  public var width: Int { size.columns }
  public var height: Int { size.rows }

  /// Every cell, row by row.
  public var cells: [Cell] { storage.map(cell) }

  public subscript(x: Int, y: Int) -> Cell {
    get { cell(storage[y * width + x]) }
    set { storage[y * width + x] = stored(newValue.text, style: newValue.style) }
  }

  /// The style of the cell at `x`, `y`.
  func style(x: Int, y: Int) -> CellStyle { style(storage[y * width + x].style) }

  /// A stored style as a `CellStyle`.
  func style(_ packed: PackedStyle) -> CellStyle {
    packed.sideTableIndex.map { styles[$0] } ?? packed.unpacked
  }

  /// `style` as stored: packed, or else in the side table. Equal styles pack equal.
  private mutating func pack(_ style: CellStyle) -> PackedStyle {
    if let packed = PackedStyle(style) { return packed }
    if let index = styles.firstIndex(of: style) { return PackedStyle(sideTableIndex: index) }
    styles.append(style)
    return PackedStyle(sideTableIndex: styles.count - 1)
  }

  /// The text of a stored cell.
  func text(_ cell: Stored) -> String {
    switch cell.code {
    case Stored.continuation: return ""
    case Stored.multiScalar...: return graphemes[Int(cell.code - Stored.multiScalar)]
    default:
      if cell.code < 0x80 { return TerminalText.asciiCharacters[Int(cell.code)] }
      return String(Unicode.Scalar(cell.code)!)
    }
  }

  /// Appends the text of a stored cell to `out`.
  func appendText(_ cell: Stored, to out: inout String) {
    switch cell.code {
    case Stored.continuation: return
    case Stored.multiScalar...: out += graphemes[Int(cell.code - Stored.multiScalar)]
    default: out.unicodeScalars.append(Unicode.Scalar(cell.code)!)
    }
  }

  private func cell(_ stored: Stored) -> Cell { Cell(text(stored), style: style(stored.style)) }

  private mutating func stored(_ text: String, style: CellStyle) -> Stored {
    let style = pack(style)
    var scalars = text.unicodeScalars.makeIterator()
    guard let first = scalars.next() else {
      return Stored(code: Stored.continuation, style: style)
    }
    if scalars.next() == nil { return Stored(code: first.value, style: style) }
    graphemes.append(text)
    return Stored(code: Stored.multiScalar + UInt32(graphemes.count - 1), style: style)
  }

  public static func == (a: CellGrid, b: CellGrid) -> Bool {
    guard a.size == b.size else { return false }
    for (p, q) in zip(a.storage, b.storage) {
      if p.style != q.style || p.style.sideTableIndex != nil {
        guard a.style(p.style) == b.style(q.style) else { return false }
      }
      if p.code == q.code, p.code < Stored.multiScalar || p.isContinuation { continue }
      if p.code < Stored.multiScalar || q.code < Stored.multiScalar || p.isContinuation
        || q.isContinuation
      {
        return false
      }
      if a.text(p) != b.text(q) { return false }
    }
    return true
  }

  /// The text of row `y`, trailing blanks dropped (what a test compares).
  public func line(_ y: Int) -> String {
    var text = ""
    for x in 0..<width { appendText(storage[y * width + x], to: &text) }
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
    var utf8 = text
    let simple = utf8.withUTF8 { bytes -> Int? in
      guard let columns = TerminalText.simpleColumns(bytes) else { return nil }
      if columns == bytes.count { return put(ascii: bytes, x: x, y: y, style: style, limit: limit) }
      return put(simple: bytes, x: x, y: y, end: end, style: style)
    }
    if let simple { return simple }
    let packed = pack(style)
    var column = x
    for character in TerminalText.escaped(text) {
      let w = DisplayWidth.of(character)
      if w == 0 {
        // A lone combining mark has nothing to sit on; it is dropped.
        continue
      }
      if column + w > end { break }
      if column >= 0 {
        clearWide(at: column, y: y)
        let scalars = character.unicodeScalars
        storage[y * width + column] =
          scalars.count == 1
          ? Stored(code: scalars.first!.value, style: packed)
          : stored(String(character), style: style)
        if w == 2 {
          clearWide(at: column + 1, y: y)
          storage[y * width + column + 1] = Stored(code: Stored.continuation, style: packed)
        }
      }
      column += w
    }
    return column
  }

  /// Writes printable ASCII (space to `~`) from column `x`, as `put` writes a string
  /// of it: a byte, a grapheme, a column, so no grapheme breaking, widths or escapes.
  @discardableResult
  mutating func put(
    ascii bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, style: CellStyle = .plain,
    limit: Int? = nil
  ) -> Int {
    guard y >= 0, y < height else { return x }
    let end = min(limit ?? width, width)
    let stop = x + min(bytes.count, max(0, end - x))
    let first = max(x, 0)
    guard first < stop else { return stop }
    let (row, width, graphemes, packed) = (y * width, width, graphemes, pack(style))
    storage.withUnsafeMutableBufferPointer { cells in
      for column in first..<stop {
        Self.write(
          UInt32(bytes[column - x]), style: packed, column: column, row: row, width: width,
          in: cells, graphemes: graphemes)
      }
    }
    return stop
  }

  /// Writes printable ASCII right-aligned in `columns` columns from `x`, plain blanks
  /// before it, as `put(repeating: " ", …)` then `put(ascii:…)` would: how a column of
  /// values draws each one.
  @discardableResult
  mutating func put(
    ascii bytes: UnsafeBufferPointer<UInt8>, rightAlignedIn columns: Int, x: Int, y: Int,
    style: CellStyle, limit: Int
  ) -> Int {
    guard y >= 0, y < height else { return x }
    let end = min(limit, width)
    let pad = max(0, columns - bytes.count)
    let padEnd = min(end, x + pad)
    let start = x + pad
    let stop = start + min(bytes.count, max(0, end - start))
    let (row, width, graphemes, packed) = (y * width, width, graphemes, pack(style))
    storage.withUnsafeMutableBufferPointer { cells in
      if max(x, 0) < padEnd {
        for column in max(x, 0)..<padEnd {
          Self.write(
            Stored.space, style: .plain, column: column, row: row, width: width, in: cells,
            graphemes: graphemes)
        }
      }
      if max(start, 0) < stop {
        for column in max(start, 0)..<stop {
          Self.write(
            UInt32(bytes[column - start]), style: packed, column: column, row: row, width: width,
            in: cells, graphemes: graphemes)
        }
      }
    }
    return stop
  }

  /// Writes the UTF-8 of simple text (see `TerminalText.isSimple`) a scalar a column.
  private mutating func put(
    simple bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, end: Int, style: CellStyle
  ) -> Int {
    var column = x
    var i = 0
    let (row, width, graphemes, packed) = (y * width, width, graphemes, pack(style))
    storage.withUnsafeMutableBufferPointer { cells in
      while i < bytes.count {
        if column + 1 > end { break }
        let (scalar, length) = TerminalText.scalar(in: bytes, at: i)
        if column >= 0 {
          Self.write(
            scalar, style: packed, column: column, row: row, width: width, in: cells,
            graphemes: graphemes)
        }
        column += 1
        i += length
      }
    }
    return column
  }

  /// Writes `scalar` `count` times from column `x`, as `put` would write the repeated
  /// string (rules and padding), without building it.
  @discardableResult
  public mutating func put(
    repeating scalar: Unicode.Scalar, count: Int, x: Int, y: Int, style: CellStyle = .plain,
    limit: Int? = nil
  ) -> Int {
    guard TerminalText.isSimple(scalar) else {
      return put(
        String(repeating: String(scalar), count: max(0, count)), x: x, y: y, style: style,
        limit: limit)
    }
    guard y >= 0, y < height else { return x }
    let end = min(limit ?? width, width, x + max(0, count))
    let first = max(x, 0)
    guard first < end else { return max(end, x) }
    let (row, width, graphemes, packed) = (y * width, width, graphemes, pack(style))
    storage.withUnsafeMutableBufferPointer { cells in
      for column in first..<end {
        Self.write(
          scalar.value, style: packed, column: column, row: row, width: width, in: cells,
          graphemes: graphemes)
      }
    }
    return end
  }

  /// Changes the style of the cells `x..<x+count` of row `y`, keeping their text.
  public mutating func restyle(x: Int, y: Int, count: Int, _ change: (inout CellStyle) -> Void) {
    guard y >= 0, y < height else { return }
    for column in max(0, x)..<min(width, x + count) {
      var changed = style(storage[y * width + column].style)
      change(&changed)
      storage[y * width + column].style = pack(changed)
    }
  }

  /// Fills a rectangle with blanks of `style`.
  public mutating func fill(_ rect: Rect, style: CellStyle = .plain) {
    let rows = max(0, rect.y)..<min(height, rect.y + rect.height)
    guard !rows.isEmpty else { return }
    let columns = max(0, rect.x)..<min(width, rect.x + rect.width)
    guard !columns.isEmpty else { return }
    // A wide character cut by either edge loses its other half too.
    for y in rows {
      clearWide(at: columns.lowerBound, y: y)
      clearWide(at: columns.upperBound - 1, y: y)
    }
    let (width, packed) = (width, pack(style))
    storage.withUnsafeMutableBufferPointer { cells in
      for y in rows {
        for x in columns { cells[y * width + x] = Stored(code: Stored.space, style: packed) }
      }
    }
  }

  /// Overwriting half of a wide character blanks its other half, so that no cell is
  /// left pointing at a character that is gone.
  private mutating func clearWide(at x: Int, y: Int) {
    guard x >= 0, x < width else { return }
    let index = y * width + x
    let code = storage[index].code
    // ASCII is never half of a wide character.
    if code < 0x80 { return }
    if code == Stored.continuation {
      if x > 0 { storage[index - 1].code = Stored.space }
    } else if x + 1 < width, isWide(storage[index]) {
      storage[index + 1].code = Stored.space
    }
  }

  private func isWide(_ cell: Stored) -> Bool { Self.isWide(cell, graphemes: graphemes) }

  private static func isWide(_ cell: Stored, graphemes: [String]) -> Bool {
    if cell.code >= Stored.multiScalar {
      return DisplayWidth.of(graphemes[Int(cell.code - Stored.multiScalar)]) == 2
    }
    // (A two-column character takes at least three bytes of UTF-8.)
    return cell.code >= 0x800 && DisplayWidth.of(Unicode.Scalar(cell.code)!) == 2
  }

  /// Writes a one-column cell at `column` of the row starting at `row`, as `clearWide`
  /// then a store would, on the storage's buffer: every frame writes thousands of cells
  /// this way, with no uniqueness check or bounds check on each.
  @inline(__always)
  private static func write(
    _ code: UInt32, style: PackedStyle, column: Int, row: Int, width: Int,
    in cells: UnsafeMutableBufferPointer<Stored>, graphemes: [String]
  ) {
    let index = row + column
    let old = cells[index]
    // ASCII is never half of a wide character.
    if old.code >= 0x80 {
      if old.code == Stored.continuation {
        if column > 0 { cells[index - 1].code = Stored.space }
      } else if column + 1 < width, isWide(old, graphemes: graphemes) {
        cells[index + 1].code = Stored.space
      }
    }
    cells[index] = Stored(code: code, style: style)
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
