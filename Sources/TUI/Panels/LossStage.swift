import Model

/// After the forward pass, one panel at a time in one fixed place (the prediction, a
/// backward operation, the SGD update, the loss curve) above the gradient-flow strip:
/// every panel of this stage has the same heights, so the layout does not move while
/// the learner steps from the loss back to the first word and on to the update.
enum LossStage {
  /// The rows every panel of the stage asks for, and the fewest it can still use.
  static let naturalHeight = 20
  static let minimumHeight = 6

  /// The panels of a step after the forward pass: the step's own, then the strip.
  static func panels(for state: PlayerState) -> [any Panel] {
    let strip = GradientFlowPanel(
      words: state.trace.words.count, panelRows: panelRows(state.chapter))
    let main = mainPanel(for: state)
    // Under a step's own panel, the backward pass in context, where the trace has one.
    guard state.trainingScreen == nil, !state.chapter.backwardTimeline.isEmpty else {
      return [main, strip]
    }
    return [BackwardContextPanel(step: main), strip]
  }

  /// The rows the stage's panels can use in `chapter`, the most any of them asks for
  /// (from the model's shapes, not its events): every step's panel gets as many, so
  /// that none moves, and a screen with room shows every word's prediction, every
  /// row of a weight's gradient and every element of the update.
  static func panelRows(_ chapter: PlayerChapter) -> Int {
    let model = chapter.trace.model
    let vocabulary = model.vocabulary.count
    // The tanh slope's plot, an operation's operands; a prediction's title, heading,
    // words and loss; a weight's term and sum, its note and what the term is made of.
    var rows = max(naturalHeight, 3 + vocabulary, 6 + max(vocabulary, model.hidden))
    if let training = chapter.training {
      rows = max(rows, 3 + training.firstUpdate.reduce(0) { $0 + $1.before.count })
    }
    return rows
  }

  static func mainPanel(for state: PlayerState) -> any Panel {
    switch state.trainingScreen {
    case .update: return SGDUpdatePanel()
    case .lossCurve: return LossCurvePanel()
    case nil: break
    }
    let events = state.trace.events
    let i = state.eventIndex
    let event = events[i]
    if event.pass == .forward {
      if event.operation == .logits {
        let next = i + 1 < events.count ? events[i + 1] : nil
        let loss = next.flatMap { $0.operation == .loss && $0.index != nil ? i + 1 : nil }
        return PredictionPanel(logits: i, loss: loss)
      }
      if event.operation == .loss, event.index != nil, i > 0, events[i - 1].operation == .logits {
        return PredictionPanel(logits: i - 1, loss: i)
      }
      return GradientPanel(index: i)
    }
    if event.operation == .tanh || event.operation == .tanhInput, event.operandCount == 2 {
      return TanhSlopePanel(index: i)
    }
    if isAccumulation(event) {
      let contribution = i > 0 && isContribution(events[i - 1], of: event) ? i - 1 : nil
      return WeightGradientPanel(contribution: contribution, sum: i)
    }
    if i + 1 < events.count, isAccumulation(events[i + 1]),
      isContribution(event, of: events[i + 1])
    {
      return WeightGradientPanel(contribution: i, sum: i + 1)
    }
    return GradientPanel(index: i)
  }

  /// Whether a backward event adds one use's gradient to a parameter's running sum:
  /// `dL/dW += term` (the sum before and the term), or `dL/dW = term` (the first).
  static func isAccumulation(_ event: TraceEvent) -> Bool {
    // A term has the shape of the sum it joins (a gradient taken over every word at once,
    // such as nn.RNN's dL/db_ih = Σ_t δ_t, is no running sum).
    guard event.pass == .backward, event.operandCount > 0,
      event.operand(event.operandCount - 1).value.shape == event.resultValue.shape
    else { return false }
    switch event.operandCount {
    case 2: return event.operandName(0).string == event.result.name
    case 1:
      switch event.operation {
      case .hiddenState, .add, .loss, .tanh, .tanhInput: return false
      default: return true
      }
    default: return false
    }
  }

  /// Whether `event` computes the term that `sum` then adds to its running sum (a
  /// weight's xᵀ·δ, named by its formula).
  static func isContribution(_ event: TraceEvent, of sum: TraceEvent) -> Bool {
    event.pass == .backward && event.operation == sum.operation && event.operandCount == 2
      && !isAccumulation(event)
      && sum.operandName(sum.operandCount - 1).string == event.result.name
  }
}
