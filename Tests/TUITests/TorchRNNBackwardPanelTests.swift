import Foundation
import Model
import Testing

@testable import TUI

/// nn.RNN at a size whose products over the sentence rnntrace follows: dL/dW_ih and
/// dL/db_ih are each one event after the pass through time, a sum over every word, which
/// the backward stage shows as an operation (its operands and result), not as a term
/// beside a running sum of another shape.
struct TorchRNNBackwardPanelTests {
  static func chapter() throws -> PlayerChapter {
    let words = ["the", "dog", "jumped", "over", "a"]
    let spec = ModelSpec(variant: .torchRNN, seed: 0, inputs: 12, hidden: 12, words: words)
    let (model, head) = try spec.buildWithHead()
    let learner = try Learner(model: model, head: head, words: words, loss: .nextWord)
    var run = RNNRun(model: model, listener: TraceRecorder())
    for word in words { _ = run.read(word) }
    var tracer = Tracer(listener: run.tracer.listener, step: run.tracer.step)
    _ = learner.backward(trace: &tracer)
    return PlayerChapter(
      title: "", trace: Trace(model: model, words: words, events: tracer.listener.events))
  }

  @Test(arguments: [(80, 24), (120, 40)])
  func theSumsOverEveryWordShowAsOperations(columns: Int, rows: Int) throws {
    let chapter = try Self.chapter()
    let events = chapter.trace.events
    let sums = events.indices.filter { events[$0].formula.contains("Σ_t") }
    #expect(sums.count == 2)
    for i in sums {
      var state = PlayerState(
        content: PlayerContent(title: "test", chapters: [chapter]),
        size: ScreenSize(columns: columns, rows: rows))
      state.eventIndex = i
      #expect(LossStage.mainPanel(for: state) is GradientPanel)
      let lines = PlayerView.render(state).lines
      #expect(lines.contains { $0.contains("Σ_t") }, "\(lines.joined(separator: "\n"))")
    }
  }
}
