import Foundation
import Model
import Testing

@testable import TUI

/// The real curses backend, on no terminal at all: `newterm` with /dev/null for both
/// streams, then the screen read back cell by cell. Curses is one global state, so
/// these tests run one at a time.
@Suite(.serialized)
struct CursesTerminalTests {
  static func withTerminal(
    environment: [String: String] = [:], _ body: (CursesTerminal) throws -> Void
  ) throws {
    let output = try #require(fopen("/dev/null", "w"))
    let input = try #require(fopen("/dev/null", "r"))
    defer {
      fclose(output)
      fclose(input)
    }
    let terminal = try CursesTerminal(
      termType: "xterm-256color", output: output, input: input, environment: environment)
    defer { terminal.stop() }
    try body(terminal)
  }

  @Test func drawsTheGridItWasGiven() throws {
    try Self.withTerminal { terminal in
      let size = terminal.size
      #expect(size.columns > 0 && size.rows > 0)
      var grid = CellGrid(size: size)
      grid.put("step 1/40", x: 2, y: 1, style: CellStyle(bold: true))
      grid.put("[the] dog", x: 0, y: 3, style: CellStyle(reverse: true))
      terminal.draw(grid)
      #expect(terminal.line(1).hasPrefix("  step 1/40"))
      #expect(terminal.line(3).hasPrefix("[the] dog"))
      #expect(terminal.attributes(x: 2, y: 1).bold)
      #expect(terminal.attributes(x: 0, y: 3).reverse)
      #expect(!terminal.attributes(x: 0, y: 1).bold)
    }
  }

  @Test func colorsValuesOnA256ColorTerminal() throws {
    try Self.withTerminal { terminal in
      #expect(terminal.palette.depth == .twoFiftySix)
      var grid = CellGrid(size: terminal.size)
      grid.put("-0.9388", x: 0, y: 0, style: CellStyle(tone: .negative(level: 3)))
      terminal.draw(grid)
      #expect(terminal.attributes(x: 0, y: 0).colorPair != 0)
    }
  }

  @Test func noColorGivesAttributesOnly() throws {
    try Self.withTerminal(environment: ["NO_COLOR": "1"]) { terminal in
      #expect(terminal.palette.depth == .monochrome)
      var grid = CellGrid(size: terminal.size)
      grid.put("-0.9388", x: 0, y: 0, style: CellStyle(tone: .negative(level: 3)))
      terminal.draw(grid)
      let attributes = terminal.attributes(x: 0, y: 0)
      #expect(attributes.colorPair == 0)
      #expect(attributes.bold)
    }
  }

  @Test func drawsTheRenderedPlayer() throws {
    try Self.withTerminal { terminal in
      let state = TestSupport.state(columns: terminal.size.columns, rows: terminal.size.rows)
      let grid = PlayerView.render(state)
      terminal.draw(grid)
      for y in [0, 1, grid.height - 1] {
        #expect(terminal.line(y) == grid.line(y))
      }
    }
  }

  @Test func unknownTerminalTypeIsAnErrorNotAnExit() throws {
    let output = try #require(fopen("/dev/null", "w"))
    let input = try #require(fopen("/dev/null", "r"))
    defer {
      fclose(output)
      fclose(input)
    }
    #expect(throws: CursesTerminal.StartError.self) {
      _ = try CursesTerminal(termType: "no-such-terminal-rnntrace", output: output, input: input)
    }
  }

  @Test(arguments: [
    (Int32(260), Key.left), (261, .right), (338, .pageDown), (339, .pageUp), (10, .enter),
    (13, .enter), (27, .escape), (3, .control("c")), (12, .control("l")), (32, .character(" ")),
    (113, .character("q")), (63, .character("?")),
  ])
  func mapsCursesKeyCodes(code: Int32, key: Key) {
    #expect(CursesTerminal.key(code) == key)
  }
}
