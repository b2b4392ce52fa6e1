import Benchmark
import TUI
import Workloads

/// A what-if edit in the player, from the key to the frame: edit mode opened on the
/// weight the step reads, a nudge (the run recomputed as a preview), Enter, and the
/// 200×60 frame drawn with the changed values marked. One frame at 60 Hz is 16.7 ms.
///
/// A big model's edit is recomputed lazily (`WhatIf.sliceWork` at once, the rest in
/// slices between keys): from the key to its first frame, at the text's second word
/// (reached at once) and at its last (drawn greyed while the run gets there).
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

  // 10,000 words of a (64, 256) model, read through checkpoints as `play --sentence-file`
  // reads a text.
  let bigWords = Array(Workload.randomWords(10_000))
  let bigModel = Workload(inputs: 64, hidden: 256, words: bigWords).model
  let rows: [Int32] = bigWords.map { Int32(bigModel.index(of: $0) ?? 0) }
  let big = PlayerContent(
    title: "Ad-hoc model: linear-tanh, seed 0, inputs 64, hidden 256, 10,000 words",
    chapters: [PlayerChapter(title: "", trace: PlayerTrace(model: bigModel, rows: rows))])
  // The second word's hidden product; the last word's (8 events a word).
  let places: [(String, Int)] = [("word 2", 11), ("word 10,000", 79_995)]
  for (place, step) in places {
    var state = PlayerState(content: big, size: PlayerWorkload.size)
    for digit in String(step + 1) { state.update(.digit(Int(String(digit)) ?? 0)) }
    state.update(.first)
    Benchmark(
      "What-if: key to first frame (w, 2, Enter, render), a (64, 256) model of 10,000 words, at \(place)",
      configuration: config
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        var edited = state
        edited.update(.whatIf)
        edited.update(.editInput(.character("2")))
        edited.update(.editInput(.enter))
        blackHole(PlayerView.render(edited))
      }
    }
  }
}
