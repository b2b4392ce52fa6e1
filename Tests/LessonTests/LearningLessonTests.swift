import Foundation
import Testing

@testable import Lesson
@testable import Model

/// The bundled lesson "How the RNN learns": it parses, its model is "RNN Pytorch"'s
/// chapter 5 with a head drawn next from the same stream, and its numbers are those a
/// `Learner` computes for that model, built here without the lesson's help.
struct LearningLessonTests {
  let lesson: Lesson
  let pytorch: Lesson

  init() throws {
    lesson = try #require(BundledLessons.named("rnn-learning")).lesson()
    pytorch = try BundledLessons.standard.lesson()
  }

  /// "RNN Pytorch"'s chapter 5 model, and the head `nn.Linear(2, 5)` drawn by hand
  /// after its draws: seed 12, the chapter-1 and chapter-4 draws, then RNN(4, 2).
  func handDrawnLearner(_ loss: LossKind) throws -> Learner {
    let model = pytorch.chapters[4].makeModel()
    var rng = TorchGenerator(seed: 12)
    _ = rng.randn([1, 1])
    _ = rng.randn([4, 1])
    _ = rng.randn([1])
    _ = rng.uniform(count: 110, from: 0, to: 1)
    _ = rng.randn([1, 1])
    _ = rng.linear(inFeatures: 4, outFeatures: 1)
    _ = rng.linear(inFeatures: 1, outFeatures: 1)
    _ = rng.randn([1, 2])
    _ = rng.linear(inFeatures: 4, outFeatures: 2)
    _ = rng.linear(inFeatures: 2, outFeatures: 2)
    let layer = rng.linear(inFeatures: 2, outFeatures: 5)
    let head = PredictionHead(weight: layer.weight, bias: layer.bias!)
    return try Learner(
      model: model, head: head, words: ["the", "dog", "jumped", "over", "a"], loss: loss)
  }

  @Test func hasTheChaptersTheIssueAsksFor() {
    #expect(lesson.title == "How the RNN learns")
    let losses = lesson.chapters.map { $0.loss?.kind }
    #expect(losses == [.lastWord, .lastWord, .lastWord, .nextWord, .nextWord, .nextWord])
    #expect(lesson.chapters.map { $0.loss?.rounds } == [nil, nil, nil, nil, 1, 300])
    #expect(lesson.chapters[4].loss?.learningRate == 0.5)
    for chapter in lesson.chapters {
      #expect(chapter.variant == .linearTanh && chapter.hidden == 2 && chapter.inputs == 4)
      #expect(chapter.summary != nil)
      #expect(!chapter.code.isEmpty)
      #expect(chapter.lossRefusal == nil)
    }
  }

  @Test func everyStepHasItsLineOfCode() throws {
    for chapter in lesson.chapters {
      let run = chapter.run()
      for event in run.trace.events {
        let code = try #require(chapter.code[event.step], "step \(event.step) has no code")
        if event.pass == .backward {
          #expect(code.hasPrefix("#") || code.hasPrefix("loss.backward()"), "\(code)")
        }
      }
    }
  }

  @Test func theModelIsRNNPytorchsChapterFiveAndTheHeadIsDrawnNext() throws {
    let expected = try handDrawnLearner(.lastWord)
    let run = lesson.chapters[0].run()
    let training = try #require(run.training)
    #expect(training.head == expected.head)
    #expect(run.trace.model.parameters == pytorch.chapters[4].makeModel().parameters)
    let forward = run.trace.events.filter { $0.pass == .forward && $0.operation == .hiddenState }
    let chapterFive = pytorch.chapters[4].run().trace.events.filter {
      $0.operation == .hiddenState
    }
    #expect(forward.map(\.result.value) == chapterFive.map(\.result.value))
  }

  @Test func theBackwardPassIsTheLearnersGradients() throws {
    for (number, kind) in [(1, LossKind.lastWord), (4, .nextWord)] {
      let pass = try handDrawnLearner(kind).backward()
      let run = lesson.chapters[number - 1].run()
      let events = run.trace.events
      let loss = try #require(events.last { $0.pass == .forward && $0.operation == .loss })
      #expect(loss.result.value.scalars == [pass.loss])
      for gradient in pass.gradients where gradient.name != "embedding.weight" {
        // The last event that names a parameter's gradient holds it summed over time.
        let event = try #require(
          events.last { $0.pass == .backward && $0.result.name == "dL/d\(gradient.name)" },
          "no event for dL/d\(gradient.name)")
        #expect(event.result.value.scalars == gradient.value.scalars, "\(gradient.name)")
      }
    }
  }

  @Test func theRoundsAreTheLearnersRounds() throws {
    let run = lesson.chapters[5].run()
    let rounds = try #require(run.training?.run)
    var learner = try handDrawnLearner(.nextWord)
    var losses: [Float] = []
    for _ in 0..<300 { losses.append(learner.round(learningRate: 0.5).loss) }
    #expect(rounds.losses == losses)
    #expect(rounds.lossAfter == learner.evaluate())
    #expect(rounds.learner.parameters == learner.parameters)
  }

  @Test func theNarrativesClaimsHold() throws {
    // Chapter 1: "a" already scores highest after "over", with less than certainty.
    let first = try #require(lesson.chapters[0].run().training)
    let last = try #require(Predictions(first.learner).items.last)
    #expect(last.guess == "a" && last.probability < 0.9)
    // Chapter 3: ‖dL/dh_t‖ shrinks at every step back, t = 4 … 0.
    let pass = try handDrawnLearner(.lastWord).backward()
    let norms = pass.hiddenGradients[0...4].map {
      $0.scalars.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
    }
    #expect(norms == norms.sorted(), "\(norms)")
    #expect(norms[4] > 10 * norms[0])
    // "Wh.weight, whose entries are small": each below 1 in size.
    #expect(first.learner.model.cell.parameters[2].value.scalars.allSatisfy { abs($0) < 1 })
    #expect(first.learner.model.cell.parameters[2].name == "Wh.weight")
    // Chapter 5: one step lowers the loss; chapter 6: every prediction is right after.
    let step = try #require(lesson.chapters[4].run().training?.run)
    #expect(step.lossAfter < step.losses[0])
    let learned = try #require(lesson.chapters[5].run().training?.run)
    let items = Predictions(learned.learner).items
    #expect(items.allSatisfy { $0.guess == $0.truth && $0.probability > 0.9 })
    #expect(Predictions(first.learner).items.filter { $0.guess == $0.truth }.count == 1)
  }

  @Test func narrativeValuesComeFromTheRun() throws {
    let run = lesson.chapters[5].run()
    let rounds = try #require(run.training?.run)
    let format = ValueFormat()
    let end = try #require(run.chapter.narrative.last)
    let text = run.text(of: end)
    #expect(text.contains(format.string(rounds.lossAfter)))
    #expect(text.contains(format.string(rounds.losses[99])))
    let summary = try #require(run.summary(format: format))
    #expect(summary.contains("the → dog (right), dog → jumped (right)"))
    #expect(summary.contains(format.string(rounds.losses[0])))
    // Chapter 2's tanh paragraph: dL/dz_4 = dL/dh_4 ⊙ (1 - h_4²), 1 - h² rounded once.
    let two = lesson.chapters[1].run()
    let paragraph = try #require(
      two.chapter.narrative.first { $0.anchor == .time(4, operation: .tanh, pass: .backward) })
    let event = two.trace.events[paragraph.step - 1]
    #expect(event.pass == .backward && event.operation == .tanh && event.t == 4)
    let (g, h) = (event.operands[0].value.scalars, event.operands[1].value.scalars)
    let slope = zip(g, h).map { $0 * Float(1).addingProduct(-$1, $1) }
    #expect(event.result.value.scalars == slope)
    #expect(two.text(of: paragraph).contains(format.prose(event.result.value)))
  }

  @Test func aChapterWithoutALossTakesOne() throws {
    let chapter = pytorch.chapters[4]
    #expect(chapter.loss == nil && chapter.lossRefusal == nil)
    let run = chapter.run(loss: ChapterLoss(kind: .nextWord))
    let pass = try handDrawnLearner(.nextWord).backward()
    let loss = try #require(run.trace.events.last { $0.pass == .forward && $0.operation == .loss })
    #expect(loss.result.value.scalars == [pass.loss])
    #expect(run.trace.events.filter { $0.pass == .backward }.count > 0)
    #expect(pytorch.chapters[0].lossRefusal?.contains("at least two words") == true)
  }
}
