import Model
import Testing

@testable import TUI

/// A drill that cannot be misread: each term's product and the running sum in their own
/// labelled columns, the result row only ever final, later panels receding, and what
/// the drill reads marked where it came from.
struct DrillPanelTests {
  let start = TestSupport.state()

  /// The row of `grid` whose text starts with `prefix`.
  func row(_ grid: CellGrid, _ prefix: String) throws -> Int {
    try #require(grid.lines.firstIndex { $0.hasPrefix(prefix) }, "no line starts \(prefix)")
  }

  /// The column where `text` starts in line `y`, searching from column `from`.
  func column(of text: String, in grid: CellGrid, y: Int, from: Int = 0) throws -> Int {
    let line = Array(grid.lines[y])
    let target = Array(text)
    for x in from...(line.count - target.count) where Array(line[x..<x + target.count]) == target {
      return x
    }
    throw DrillTestError.notFound(text, grid.lines[y])
  }

  enum DrillTestError: Error { case notFound(String, String) }

  @Test(arguments: [(120, 40), (80, 24)])
  func eachTermsProductAndTheRunningSumHaveTheirOwnColumns(columns: Int, rows: Int) throws {
    let state = TestSupport.after(
      [.next, .drill, .next], from: TestSupport.state(columns: columns, rows: rows))
    #expect(state.drill == DrillPosition(output: 0, term: 1))
    let grid = PlayerView.render(state)
    let e = state.event.operands[0].value.scalars
    let weight = state.event.operands[1].value
    // Terms by hand from the golden parameters: e_1[k] × We.weight[0, k].
    let term0 = e[0] * weight[0, 0]
    let term1 = e[1] * weight[0, 1]
    // At 80 columns only the matrix's column in use fits beside the drill's: it says so.
    let header = grid.lines.first {
      $0.contains(columns >= 120 ? "e_1 │ Weᵀ" : "e_1 │ col 0")
    }
    let headings =
      columns >= 120 ? ["product", "running sum"] : ["term", "sum"]
    for heading in headings { #expect(header?.contains(heading) == true, "\(header ?? "")") }
    let first = try row(grid, "[0]")
    let second = try row(grid, "[1]")
    #expect(grid.lines[first].contains(NumberFormat.value(term0)))
    #expect(grid.lines[second].contains(NumberFormat.value(term1)))
    // The running sum after two terms, in its own column, marked as the drill's cell.
    let sum = try #require(state.product?.runningSum(DrillPosition(output: 0, term: 1)))
    #expect(abs(sum - (term0 + term1)) < 1e-6)
    let sumText = NumberFormat.value(sum)
    let sumX = try column(of: sumText, in: grid, y: second, from: 20)
    #expect(grid[sumX, second].style.reverse)
    // Terms not reached yet: dots, in both columns.
    let third = try row(grid, "[2]")
    #expect(grid.lines[third].hasSuffix("·") || grid.lines[third].contains("·   "))
    // The result row never shows the running sum: its column in use is a dot.
    let result = try #require(grid.lines.firstIndex { $0.contains("= e_1·Weᵀ │") })
    #expect(!grid.lines[result].contains(sumText))
    #expect(grid.lines[result].contains("= e_1·Weᵀ │       ·"))
    // The title says where the drill is.
    #expect(grid.text.contains("term 2/4"))
  }

  @Test func atTheLastTermTheRunningSumIsTheResult() throws {
    let state = TestSupport.after(
      [.next, .drill] + TestSupport.repeated(.next, 3), from: start)
    #expect(state.drill == DrillPosition(output: 0, term: 3))
    let grid = PlayerView.render(state)
    let result = state.event.result.value.scalars
    let line = try #require(grid.lines.first { $0.contains("= e_1·Weᵀ │") })
    // Output 0 is done and shows its final value; output 1 has not been drilled yet.
    #expect(line.contains("= e_1·Weᵀ │ \(NumberFormat.value(result[0]))       ·"))
    let last = try row(grid, "[3]")
    #expect(grid.lines[last].contains(NumberFormat.value(result[0])))
  }

  @Test func laterPanelsRecedeAndDoNotShowTheProductBeforeItIsDone() throws {
    let plain = PlayerView.render(TestSupport.after([.next], from: start))
    let drilled = PlayerView.render(TestSupport.after([.next, .drill], from: start))
    // Without a drill the sum panel already lists the input path (the step has run).
    #expect(plain.text.contains("+ e_1·Weᵀ + b_e │       ·"))
    let hidden = try row(drilled, "[  ] h_0·Whᵀ")
    let valuesRow = hidden + 2
    let x = try column(of: "│ ", in: drilled, y: valuesRow) + 2
    #expect(drilled[x, valuesRow].style.dim)
    #expect(drilled[x, valuesRow].style.tone == .plain)
    #expect(!plain[x, valuesRow].style.dim)
    // The bias that follows the product is a later step too.
    let bias = try row(drilled, "[  ] + b_e")
    let biasX = try column(of: "0.", in: drilled, y: bias)
    #expect(drilled[biasX, bias].style.dim)
  }

  /// Chapter 1's slip: the sum panel listed the product's final value while the drill
  /// showed a partial one. Until the drill is over, the sum panel has a dot there.
  @Test func theSumPanelWaitsForTheDrilledProduct() throws {
    let linear = TestSupport.state(GoldenModels.linearSeed12)
    let step = TestSupport.after([.next], from: linear)
    #expect(step.event.operation == .matmulInput)
    let value = NumberFormat.value(step.event.result.value.scalars[0])
    let sumRow = { (grid: CellGrid) in grid.lines.first { $0.contains("+ e_1·w_e │") } ?? "" }
    #expect(sumRow(PlayerView.render(step)).contains(value))
    let drilled = PlayerView.render(TestSupport.after([.drill], from: step))
    #expect(sumRow(drilled).contains("+ e_1·w_e │       ·"))
    #expect(!sumRow(drilled).contains(value))
  }

  @Test func theElementInHandIsMarkedInTheEmbeddingTable() throws {
    let state = TestSupport.after([.next, .drill, .next, .next], from: start)
    let grid = PlayerView.render(state)
    // e_1[2] = 0.8989, in the table's row 0 ("the").
    let tableRow = try #require(grid.lines.firstIndex { $0.contains("[0] the    │") })
    let x = try column(of: "0.8989", in: grid, y: tableRow)
    #expect(grid[x, tableRow].style.reverse)
    let other = try column(of: "0.3956", in: grid, y: tableRow)
    #expect(!grid[other, tableRow].style.reverse)
  }

  @Test func theStateInHandIsMarkedInTheHiddenStates() throws {
    // t = 2: e_2's panels, then h_1·Whᵀ drilled at its second term.
    var state = start
    while !(state.event.operation == .matmulHidden && state.event.t == 2) {
      state.update(.next)
    }
    state.update(.drill)
    state.update(.next)
    let grid = PlayerView.render(state)
    let h1 = state.event.operands[0].value.scalars
    let line = try #require(grid.lines.firstIndex { $0.contains("h_1 │") && !$0.contains("[") })
    let x = try column(of: NumberFormat.value(h1[1]), in: grid, y: line, from: 50)
    #expect(grid[x, line].style.reverse)
    let y0 = try column(of: NumberFormat.value(h1[0]), in: grid, y: line, from: 50)
    #expect(!grid[y0, line].style.reverse && grid[y0, line].style.underline)
  }

  /// At 80x24 with a lesson's text and code line, the panels at rest leave a product one
  /// row of terms; a drill takes rows from the other panels and the text, so that every
  /// term's row shows, and gives them back when it ends.
  @Test func aDrillShowsAsManyTermsAsFitAt80x24() throws {
    let golden = GoldenModels.linearTanhSeed7
    let trace = golden.model.trace(golden.words)
    let text = String(repeating: "The product mixes the entries of e_1. ", count: 8)
    let content = PlayerContent(
      title: "lesson",
      chapters: [
        PlayerChapter(
          title: "More neurons", trace: trace,
          narrative: Dictionary(uniqueKeysWithValues: (1...8).map { ($0, [text]) }), number: 1,
          introduction: [text], code: Dictionary(uniqueKeysWithValues: (1...8).map { ($0, "x") }))
      ])
    let start = PlayerState(content: content, size: ScreenSize(columns: 80, rows: 24))
    let atRest = TestSupport.after([.next], from: start)
    let inner = try #require(atRest.product).inner
    #expect(inner == 4)
    let restGrid = PlayerView.render(atRest)
    // The case this test is for: at rest, rows of the input product are elided.
    #expect(!restGrid.lines.contains { $0.hasPrefix("[3]") }, "\(restGrid.text)")
    let drilling = TestSupport.after([.drill, .next], from: atRest)
    let grid = PlayerView.render(drilling)
    let weight = drilling.event.operands[1].value
    for k in 0..<inner {
      let y = try row(grid, "[\(k)]")
      #expect(grid.lines[y].contains(NumberFormat.value(weight[0, k])), "\(grid.lines[y])")
    }
    #expect(grid.lines.contains { $0.contains("drill [0] term 2/4") })
    // Esc ends the drill: the screen is the one at rest again.
    #expect(PlayerView.render(TestSupport.after([.cancel], from: drilling)).lines == restGrid.lines)
  }
}
