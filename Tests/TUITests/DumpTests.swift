import Foundation
import Model
import Testing

@testable import TUI

@Test(.enabled(if: ProcessInfo.processInfo.environment["RNNTRACE_DUMP"] != nil))
func dumpScreens() {
  let spec = ProcessInfo.processInfo.environment["RNNTRACE_DUMP"] ?? ""
  let parts = spec.split(separator: ",").compactMap { Int($0) }
  let columns = parts.count > 0 ? parts[0] : 120
  let rows = parts.count > 1 ? parts[1] : 40
  let steps = parts.count > 2 ? parts[2] : 0
  let drill = parts.count > 3 ? parts[3] : -1
  var state = TestSupport.state(columns: columns, rows: rows)
  for _ in 0..<steps { state.update(.next) }
  if drill >= 0 {
    state.update(.drill)
    for _ in 0..<drill { state.update(.next) }
  }
  let grid = PlayerView.render(state)
  print(String(repeating: "=", count: columns))
  print(grid.lines.map { "|" + $0 }.joined(separator: "\n"))
  print(String(repeating: "=", count: columns))
}

@Test(.enabled(if: ProcessInfo.processInfo.environment["RNNTRACE_DUMP"] != nil))
func dumpGridBasics() {
  var grid = CellGrid(size: ScreenSize(columns: 30, rows: 3))
  let x = grid.put("[ 1] embedding ", x: 0, y: 1, style: CellStyle(bold: true))
  print(x, grid.lines)
}
