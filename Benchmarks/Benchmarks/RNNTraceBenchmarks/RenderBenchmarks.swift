import Benchmark
import TUI
import Workloads

/// The player: one 200×60 frame rendered into the cell grid from a state, and one
/// keypress (`next`) turned into a new state and its frame, which is all the player
/// computes between a key and curses' write to the terminal.
func renderBenchmarks() {
  let config = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(2))
  let cases = [
    ("the lesson", PlayerWorkload.lesson), ("an (8, 16) model", PlayerWorkload.adHoc),
  ]
  for (name, content) in cases {
    let state = PlayerWorkload.state(content, steps: 11)

    Benchmark("Render one 200×60 frame, \(name)", configuration: config) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(PlayerView.render(state)) }
    }

    Benchmark("Key to frame (next, then render), \(name)", configuration: config) {
      benchmark in
      var state = state
      for _ in benchmark.scaledIterations {
        if state.isAtEnd { state.update(.first) }
        state.update(.next)
        blackHole(PlayerView.render(state))
      }
    }
  }
}
