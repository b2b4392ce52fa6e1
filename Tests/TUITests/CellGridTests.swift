import Testing

@testable import TUI

/// The grid stores a cell as a scalar, so graphemes of several scalars, wide
/// characters and grids built along different paths are where it could go wrong.
@Suite struct CellGridTests {
  let size = ScreenSize(columns: 8, rows: 2)

  @Test func graphemesOfSeveralScalarsStayWhole() {
    var grid = CellGrid(size: size)
    grid.put("e\u{301}x👍🏽", x: 0, y: 0)
    #expect(grid.line(0) == "e\u{301}x👍🏽")
    #expect(grid[0, 0].text == "e\u{301}")
    #expect(grid[1, 0].text == "x")
    #expect(grid[2, 0].text == "👍🏽")
    #expect(grid[3, 0].isContinuation)
  }

  @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
    var grid = CellGrid(size: size)
    grid.put("日本", x: 0, y: 0)
    grid.put("a", x: 1, y: 0)
    grid.put("b", x: 2, y: 0)
    #expect(grid.line(0) == " ab")
  }

  /// A fill (the help's box, a panel) that covers half of a wide character blanks the
  /// other half: a terminal cannot show half of one.
  @Test func fillingOverHalfOfAWideCharacterBlanksTheOtherHalf() {
    var grid = CellGrid(size: size)
    grid.put("日本語", x: 0, y: 0)
    grid.fill(Rect(x: 1, y: 0, width: 2, height: 1))
    #expect(grid.line(0) == "    語")
    #expect(!grid[0, 0].isContinuation && !grid[3, 0].isContinuation)
    #expect(grid[5, 0].isContinuation)
  }

  @Test func gridsWithTheSameScreenAreEqualWhateverTheirHistory() {
    var a = CellGrid(size: size)
    a.put("e\u{301}", x: 0, y: 0)
    a.put("a\u{301}", x: 0, y: 0)
    var b = CellGrid(size: size)
    b.put("a\u{301}", x: 0, y: 0)
    #expect(a == b)
    b.put("o\u{301}", x: 0, y: 0)
    #expect(a != b)
  }

  @Test func aCellSetThroughTheSubscriptReadsBack() {
    var grid = CellGrid(size: size)
    grid[0, 1] = CellGrid.Cell("ü", style: CellStyle(bold: true))
    grid[1, 1] = CellGrid.Cell("n\u{303}")
    #expect(grid[0, 1] == CellGrid.Cell("ü", style: CellStyle(bold: true)))
    #expect(grid.line(1) == "ün\u{303}")
  }

  @Test(
    arguments: [(-2, 5, nil), (3, 10, nil), (1, 4, 4), (6, 3, 7), (0, 0, nil)] as [(Int, Int, Int?)]
  )
  func repeatingAScalarWritesWhatTheRepeatedStringWould(x: Int, count: Int, limit: Int?) {
    var expected = CellGrid(size: size)
    expected.put("日本", x: 2, y: 0)
    var grid = expected
    let end = expected.put(
      String(repeating: "─", count: count), x: x, y: 0, style: Theme.rule, limit: limit)
    #expect(
      grid.put(repeating: "─", count: count, x: x, y: 0, style: Theme.rule, limit: limit) == end)
    #expect(grid == expected)
  }

  @Test(arguments: [
    Tone.plain, .accent, .chrome, .negative(level: 0), .positive(level: 3),
    .negative(level: (1 << 24) - 1), .positive(level: 1 << 24), .negative(level: -1),
    .positive(level: Int.max),
  ])
  func everyStyleReadsBackAsWritten(tone: Tone) {
    var grid = CellGrid(size: size)
    for flags in 0..<16 {
      let style = CellStyle(
        bold: flags & 1 != 0, dim: flags & 2 != 0, reverse: flags & 4 != 0,
        underline: flags & 8 != 0, tone: tone)
      grid.put("x", x: flags % 8, y: flags / 8, style: style)
      #expect(grid[flags % 8, flags / 8].style == style)
    }
    grid.fill(Rect(x: 0, y: 0, width: 1, height: 1), style: CellStyle(dim: true, tone: tone))
    #expect(grid[0, 0].style == CellStyle(dim: true, tone: tone))
    grid.restyle(x: 0, y: 0, count: 1) { $0.bold = true }
    #expect(grid[0, 0].style == CellStyle(bold: true, dim: true, tone: tone))
  }

  @Test func gridsWithTheSameUnusualStylesAreEqualWhateverTheOrderWritten() {
    let odd = CellStyle(tone: .negative(level: -7))
    let huge = CellStyle(tone: .positive(level: Int.max))
    var a = CellGrid(size: size)
    a.put("a", x: 0, y: 0, style: odd)
    a.put("b", x: 1, y: 0, style: huge)
    var b = CellGrid(size: size)
    b.put("b", x: 1, y: 0, style: huge)
    b.put("a", x: 0, y: 0, style: odd)
    #expect(a == b)
    b.put("b", x: 1, y: 0, style: odd)
    #expect(a != b)
  }

  @Test(
    arguments: [(-3, 6, 8), (0, 9, 8), (2, 8, 5), (1, 5, 3), (7, 8, 8), (-9, 8, 8)]
      as [(Int, Int, Int)]
  )
  func aRightAlignedValueWritesWhatPaddingThenTheTextWould(x: Int, columns: Int, limit: Int) {
    var expected = CellGrid(size: size)
    expected.put("日本", x: 2, y: 0)
    var grid = expected
    let text = "-1.2345"
    let pad = max(0, columns - text.utf8.count)
    expected.put(repeating: " ", count: pad, x: x, y: 0, limit: limit)
    let end = expected.put(text, x: x + pad, y: 0, style: Theme.drillCell, limit: limit)
    var utf8 = text
    let written = utf8.withUTF8 {
      grid.put(ascii: $0, rightAlignedIn: columns, x: x, y: 0, style: Theme.drillCell, limit: limit)
    }
    #expect(written == end)
    #expect(grid == expected)
  }
}
