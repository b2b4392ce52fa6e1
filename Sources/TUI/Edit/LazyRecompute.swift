import Model
import Synchronization

/// A what-if's trace computed a piece at a time, so that an edit to a big model never
/// holds the keyboard: the run goes on from the first word any edit touches, as far as
/// the screen needs at once, and the rest in slices between the learner's keys (or on
/// request, when the learner moves ahead of it).
///
/// The words before the first touched one read what they read in the original run, so
/// their hidden states are the original's, bit for bit; their events (which hold the
/// edited tables) are each one word of the edited model from the original h_{t-1},
/// computed when read and kept. Driven to the end, the trace is `WhatIf.recompute`'s.
final class LazyRecompute: Sendable {
  let model: RNNModel
  let words: [String]
  /// The first word (from 1) an edit touches; the run goes on from h_{firstWord-1}.
  let firstWord: Int
  let eventsPerWord: Int
  /// The original run's hidden states, h_0 … h_T (those before `firstWord` are shared).
  private let originalStates: HiddenStates
  /// The scale of the hidden-state bars while the run is partial: the original's.
  let hiddenScale: Float
  private let progress: Mutex<Progress>

  struct Progress {
    /// The run from `firstWord` on: its recorder holds those words' events, in order.
    var run: RNNRun<TraceRecorder>
    /// h_firstWord … h_frontier.
    var states: [Tensor] = []
    /// The events of each word before `firstWord`, once computed.
    var prefix: [[TraceEvent]?]
    /// The words before `firstWord` whose events are computed, in order, from 1.
    var prefixDone = 0
  }

  init(original: PlayerChapter, model: RNNModel, words: [String], firstWord: Int) {
    precondition(!words.isEmpty, "a what-if reads at least one word")
    self.model = model
    self.words = words
    self.firstWord = max(1, min(firstWord, words.count))
    let per = original.trace.events.count / max(1, original.trace.words.count)
    eventsPerWord = per
    originalStates = original.hiddenStates
    hiddenScale = original.hiddenScale
    let start = self.firstWord - 1
    let run = RNNRun(
      model: model, listener: TraceRecorder(reservingCapacity: (words.count - start) * per),
      resumingAfter: start, hidden: start == 0 ? model.h0 : original.hiddenStates[start],
      step: start * per)
    progress = Mutex(
      Progress(run: run, prefix: Array(repeating: nil, count: start)))
  }

  /// The multiply-adds of one word of the cell.
  var workPerWord: Int { max(1, model.inputs * model.hidden + model.hidden * model.hidden) }

  /// The last word whose events and state are computed (from `firstWord - 1`).
  var frontier: Int { progress.withLock { $0.run.t } }

  /// Whether every word's events are computed.
  var isComplete: Bool {
    progress.withLock { $0.run.t == words.count && $0.prefixDone == firstWord - 1 }
  }

  /// How far the run has gone, from 0 to 1 (the words before `firstWord` count as done).
  var fraction: Double { Double(frontier) / Double(words.count) }

  /// Computes about `work` multiply-adds more: the run on towards the last word, then
  /// the events of the words before the first touched one. Returns whether it is done.
  @discardableResult
  func advance(work: Int = WhatIf.sliceWork) -> Bool {
    let count = max(1, work / workPerWord)
    return progress.withLock { progress in
      var left = count
      while left > 0, progress.run.t < words.count {
        read(&progress)
        left -= 1
      }
      while left > 0, progress.prefixDone < firstWord - 1 {
        let t = progress.prefixDone + 1
        if progress.prefix[t - 1] == nil { progress.prefix[t - 1] = prefixEvents(ofWord: t) }
        progress.prefixDone = t
        left -= 1
      }
      return progress.run.t == words.count && progress.prefixDone == firstWord - 1
    }
  }

  /// Runs on until word `t` is computed.
  func advance(toWord t: Int) {
    progress.withLock { progress in
      while progress.run.t < min(t, words.count) { read(&progress) }
    }
  }

  private func read(_ progress: inout Progress) {
    let t = progress.run.t + 1
    progress.states.append(progress.run.read(words[t - 1]))
  }

  /// Word t's events (t from 1).
  func events(ofWord t: Int) -> ArraySlice<TraceEvent> {
    if t < firstWord {
      return progress.withLock { progress in
        if let events = progress.prefix[t - 1] { return events[...] }
        let events = prefixEvents(ofWord: t)
        progress.prefix[t - 1] = events
        return events[...]
      }
    }
    return progress.withLock { progress in
      while progress.run.t < t { read(&progress) }
      let start = (t - firstWord) * eventsPerWord
      return progress.run.tracer.listener.events[start..<start + eventsPerWord]
    }
  }

  /// The event at `index` (step - 1).
  func event(at index: Int) -> TraceEvent {
    let word = events(ofWord: index / eventsPerWord + 1)
    return word[word.startIndex + index % eventsPerWord]
  }

  /// h_s, s from 0 to T.
  func hiddenState(_ s: Int) -> Tensor {
    // h_0 is the edited model's (an edit of h0 touches word 1).
    if s == 0 { return model.h0 }
    if s < firstWord { return originalStates[s] }
    return progress.withLock { progress in
      while progress.run.t < s { read(&progress) }
      return progress.states[s - firstWord]
    }
  }

  /// Word t's events, a word before the first touched one: one step of the edited model
  /// from the original h_{t-1}, which the edits leave as it was.
  private func prefixEvents(ofWord t: Int) -> [TraceEvent] {
    var run = RNNRun(
      model: model, listener: TraceRecorder(reservingCapacity: eventsPerWord),
      resumingAfter: t - 1, hidden: originalStates[t - 1], step: (t - 1) * eventsPerWord)
    _ = run.read(words[t - 1])
    return run.tracer.listener.events
  }

  /// The whole trace, computed to the end first.
  func trace() -> Trace {
    while !advance(work: Int.max / 2) {}
    return progress.withLock { progress in
      var events: [TraceEvent] = []
      events.reserveCapacity(words.count * eventsPerWord)
      for word in progress.prefix { events += word ?? [] }
      events += progress.run.tracer.listener.events
      return Trace(model: model, words: words, events: events)
    }
  }
}
