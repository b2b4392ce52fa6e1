import Benchmark
import TUI
import Workloads

/// A what-if edit in the player, from the key to the frame: edit mode opened on the
/// weight the step reads, a nudge (the run recomputed as a preview), Enter, and the
/// 200×60 frame drawn with the changed values marked. One frame at 60 Hz is 16.7 ms.
func whatIfBenchmarks() {
  let config = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(2))
  let words = Array(Workload.randomWords(100))
  let hundred = PlayerContent(
    title: "Ad-hoc model: linear-tanh, seed 0, inputs 8, hidden 16, 100 words",
    trace: Workload(inputs: 8, hidden: 16, words: words).model.trace(words))
  let cases = [
    ("the lesson", PlayerWorkload.lesson), ("an (8, 16) model of 100 words", hundred),
  ]
  for (name, content) in cases {
    // The hidden product of the second word: its weight is on screen.
    let state = PlayerWorkload.state(content, steps: 11)

    Benchmark("What-if: key to frame (w, nudge, Enter, render), \(name)", configuration: config) {
      benchmark in
      for _ in benchmark.scaledIterations {
        var edited = state
        edited.update(.whatIf)
        edited.update(.editInput(.character("]")))
        edited.update(.editInput(.enter))
        blackHole(PlayerView.render(edited))
      }
    }

    var applied = state
    applied.update(.whatIf)
    applied.update(.editInput(.character("}")))
    applied.update(.editInput(.enter))
    Benchmark(
      "What-if: render one 200×60 frame with its changes marked, \(name)", configuration: config
    ) { benchmark in
      for _ in benchmark.scaledIterations { blackHole(PlayerView.render(applied)) }
    }
  }
}
