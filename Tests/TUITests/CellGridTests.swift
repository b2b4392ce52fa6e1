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
}
