import Testing

@testable import Model

/// The backward pass of a long text in flat memory: the forward states it reads are kept
/// only at checkpoints and recomputed a segment at a time, giving the same events and
/// gradients, bit for bit, as a pass that keeps every state.
@Suite struct StreamingBackwardTests {
  /// 37 words over a vocabulary of 9, some repeated (embedding rows accumulate).
  static let words: [String] = (0..<37).map { "w\(($0 * 7 + $0 / 5) % 9)" }

  struct Case: CustomTestStringConvertible, Sendable {
    let variant: Variant
    let loss: LossKind
    var testDescription: String { "\(variant.rawValue) \(loss.rawValue)" }
  }

  static let cases = Variant.trainable.flatMap { v in
    LossKind.allCases.map { Case(variant: v, loss: $0) }
  }

  static func learner(_ c: Case, words: [String] = words) throws -> Learner {
    let spec = ModelSpec(variant: c.variant, seed: 3, inputs: 3, hidden: 5, words: words)
    let (model, head) = try spec.buildWithHead()
    return try Learner(model: model, head: head, words: words, loss: c.loss)
  }

  static func traced(
    _ learner: Learner, keeping: Bool, interval: Int?,
    headGradientRoom: Int = Learner.keptHeadGradients
  ) -> ([TraceEvent], BackwardPass) {
    var trace = Tracer(listener: TraceRecorder())
    let pass = learner.backward(
      trace: &trace, keepingStates: keeping, checkpointInterval: interval,
      headGradientRoom: headGradientRoom)
    return (trace.listener.events, pass)
  }

  static func bits(_ pass: BackwardPass) -> [[UInt32]] {
    pass.gradients.map { $0.value.scalars.map(\.bitPattern) } + [
      pass.termLosses.map(\.bitPattern), [pass.loss.bitPattern],
    ]
  }

  @Test(arguments: cases)
  func checkpointsGiveTheSameEventsAndGradients(_ c: Case) throws {
    let learner = try Self.learner(c)
    let (kept, full) = Self.traced(learner, keeping: true, interval: Self.words.count)
    #expect(full.hiddenStates.count == Self.words.count + 1)
    for interval in [1, 2, 5, 6, 36, 37, 100] {
      let (events, pass) = Self.traced(learner, keeping: false, interval: interval)
      #expect(events == kept, "interval \(interval)")
      #expect(Self.bits(pass) == Self.bits(full), "interval \(interval)")
      // Nothing is kept per word.
      #expect(pass.hiddenStates.isEmpty && pass.hiddenGradients.isEmpty)
    }
    // The default interval, keeping the states: the same as one segment.
    let (events, pass) = Self.traced(learner, keeping: true, interval: nil)
    #expect(events == kept)
    #expect(Self.bits(pass) == Self.bits(full))
    #expect(
      pass.hiddenGradients.map { $0.scalars.map(\.bitPattern) }
        == full.hiddenGradients.map { $0.scalars.map(\.bitPattern) })
  }

  /// The head's dL/dh_t kept between the two sweeps for every position, some, or none
  /// (recomputed in the steps' sweep): the same events and gradients.
  @Test(arguments: cases)
  func theHeadsGradientsKeptOrRecomputedAreTheSame(_ c: Case) throws {
    let learner = try Self.learner(c)
    let (kept, full) = Self.traced(learner, keeping: true, interval: Self.words.count)
    // Hidden 5: room for 0, 1, 3 and every position, and a room not a multiple of 5.
    for room in [0, 5, 14, 15, 5 * 37, Learner.keptHeadGradients] {
      for interval in [1, 6, 37] {
        let (events, pass) = Self.traced(
          learner, keeping: false, interval: interval, headGradientRoom: room)
        #expect(events == kept, "room \(room), interval \(interval)")
        #expect(Self.bits(pass) == Self.bits(full), "room \(room), interval \(interval)")
      }
    }
  }

  @Test func intervalIsTheCeilingOfTheSquareRoot() {
    #expect(ForwardCheckpoints.interval(words: 1) == 1)
    #expect(ForwardCheckpoints.interval(words: 2) == 2)
    #expect(ForwardCheckpoints.interval(words: 9) == 3)
    #expect(ForwardCheckpoints.interval(words: 10) == 4)
    #expect(ForwardCheckpoints.interval(words: 10_000) == 100)
    #expect(ForwardCheckpoints.interval(words: 1_000_000) == 1000)
  }

  /// The structure that keeps memory flat: √T checkpoints, segments of at most √T steps
  /// (the most tapes held at once), covering every step the backward pass runs once.
  @Test func segmentsCoverEachStepOnceFromACheckpoint() throws {
    let words = (0..<400).map { "w\($0 % 13)" }
    let learner = try Self.learner(Case(variant: .linearTanh, loss: .nextWord), words: words)
    let cell = learner.model.cell as! LinearTanhCell
    var trace = Tracer(listener: NoTrace())
    let run = learner.lossPass(cell, trace: &trace, interval: 20)
    #expect(run.states.isEmpty)
    #expect(run.checkpoints.states.count == 400 / 20 + 1)
    let segments = run.checkpoints.segments(through: 399)
    #expect(segments.count == 20)
    #expect(segments.allSatisfy { $0.count <= 20 && ($0.lowerBound - 1) % 20 == 0 })
    #expect(segments.flatMap { Array($0) } == Array(1...399))
    // A segment recomputed from its checkpoint gives the states of a full run.
    let states = learner.model.hiddenStates(for: words)
    let tapes = run.checkpoints.recompute(segments[7], cell, learner.model, learner.indices)
    #expect(tapes.tapes.count == 20)
    for t in segments[7] {
      #expect(tapes.output(t).scalars.map(\.bitPattern) == states[t].scalars.map(\.bitPattern))
    }
    #expect(tapes.output(140).scalars == states[140].scalars)
  }
}
