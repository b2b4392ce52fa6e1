import Model

/// Where each word's events lie in a log, found in one pass that also verifies it: the
/// byte offset of every word's first line and the step it starts at (12 bytes a word,
/// so 1,000,000 words index in 12 MB), from which a window of the log is read back
/// from its file when it is shown.
///
/// The events after the forward pass (the loss and the backward pass), which name
/// results of every time step, are kept whole (`verify` checks them a batch at a time
/// instead): with the head's vocabulary-sized terms, about 130 KB a word.
public struct TraceLogIndex: Sendable {
  public let header: TraceHeader
  /// The model the header describes, with the kernels it was recomputed with.
  public let model: RNNModel
  /// Whether every event was checked against the recomputation (false: `--no-verify`).
  public let verified: Bool
  /// `offsets[s]` is where the first line of the forward pass's group `s` (word s + 1)
  /// starts; the last entry is where the forward pass's lines end.
  let offsets: [UInt64]
  /// `starts[s]` is the index of group s's first event; the last entry is the number
  /// of events in the forward pass.
  let starts: [UInt32]
  /// The events after the forward pass, and where each of their groups starts (after
  /// the forward pass's events; the last entry is their count).
  let afterForward: [TraceEvent]
  let afterForwardStarts: [Int]
  /// h_0, h_K, h_2K, … of the recomputation (`K = interval`), kept while verifying: a
  /// hidden state the log writes as `null` (infinite or NaN) is recomputed from them
  /// rather than read.
  let checkpoints: [Tensor]
  let interval: Int
  /// The widest step number, operation name and formula, in characters: a
  /// walkthrough lines its columns up without reading the log again.
  public let longestOperation: Int
  public let longestFormula: Int

  /// The number of events.
  public var eventCount: Int { Int(starts.last ?? 0) + afterForward.count }
  /// The number of words the forward pass reads.
  public var forwardWordCount: Int { offsets.count - 1 }

  /// The most bytes of checkpoints kept while verifying.
  static let checkpointBytes = 1 << 20

  /// Reads `source` through once: the header, then every event, each checked against the
  /// recomputation when `verify` (the first difference is thrown, a `TraceDifference`,
  /// as the log is read), and indexed. Without `verify` nothing is recomputed, but every
  /// event must still be one the player can show (its operands name what came before).
  /// `kernels`, when given, replaces the header's. `started` is told the header's word
  /// count, `progress` the time step of every event read, and `each` every h_t of the
  /// forward pass as shown (t from 1; an overview of a long log is built from them).
  public static func build<Source: ByteSource>(
    _ source: Source, verify: Bool, kernels: KernelFamily? = nil,
    started: (Int) -> Void = { _ in }, progress: (Int) -> Void = { _ in },
    each: (Int, Tensor) -> Void = { _, _ in }
  ) throws -> TraceLogIndex {
    var reader = TraceLogReader(source)
    let header = try reader.readHeader()
    started(header.words.count)
    var verifier: TraceVerifier?
    var model: RNNModel
    do {
      if verify {
        verifier = try TraceVerifier(header: header, kernels: kernels)
        model = verifier!.model
      } else {
        model = try RNNModel(header: header)
        if let kernels { model.kernels = kernels }
      }
    } catch {
      throw TraceLogError(line: 1, error.description)
    }
    var index = Builder(model: model, words: header.words.count, verify: verify)
    index.keepsHiddenStates = !verify && header.loss != nil
    while let logged = try reader.nextEvent() {
      progress(logged.t)
      var expected: TraceEvent?
      if verifier != nil {
        let checked = verifier!.check(logged)
        if let difference = checked.difference { throw difference }
        expected = checked.expected
      }
      try index.add(logged, expected: expected, at: reader.lineOffset, each: each)
    }
    if let difference = verifier?.finish(lastLine: reader.lineNumber) { throw difference }
    return index.finish(header: header, endOffset: reader.nextLineOffset)
  }

  /// Collects the index as the events go by.
  private struct Builder {
    let model: RNNModel
    let verify: Bool
    var offsets: [UInt64] = []
    var starts: [UInt32] = []
    var afterForward: [TraceEvent] = []
    var afterForwardStarts: [Int] = []
    var checkpoints: [Tensor]
    let interval: Int
    var count = 0
    var forwardEnd: UInt64?
    var lastT = 0
    var longestOperation = 0
    var longestFormula = 0
    /// Without verifying: the names each event's operands refer to, so that an event
    /// the player could not show is refused now rather than when it is shown.
    var names: NameTable
    /// Without verifying, for a log with a loss: the forward pass's hidden states, which
    /// the loss names.
    var keepsHiddenStates = false
    var hiddenStates: [String: Tensor] = [:]

    init(model: RNNModel, words: Int, verify: Bool) {
      self.model = model
      self.verify = verify
      names = NameTable(model: model)
      // A tensor costs its floats and about 128 bytes besides (object, array, shape).
      let fitting = max(1, TraceLogIndex.checkpointBytes / (4 * max(1, model.hidden) + 128))
      interval = max(1, (words + fitting - 1) / fitting)
      checkpoints = verify ? [model.h0] : []
      offsets.reserveCapacity(words + 1)
      starts.reserveCapacity(words + 1)
    }

    mutating func add(
      _ logged: LoggedEvent, expected: TraceEvent?, at offset: UInt64,
      each: (Int, Tensor) -> Void
    ) throws {
      guard count < Int(UInt32.max) else {
        throw TraceLogError(
          line: logged.line, "more than \(UInt32.max) events, the most a log replays")
      }
      if forwardEnd == nil && logged.isAfterForward {
        forwardEnd = offset
        if keepsHiddenStates { names.seedAfterForward(hiddenStates) }
        hiddenStates = [:]
      }
      let shown: TraceEvent
      if let expected {
        shown = expected
      } else {
        // A product is shown in the order the model sums it, known from its recomputation.
        shown = try names.rebuild(logged, productOrder: nil)
        names.record(shown)
      }
      if forwardEnd == nil {
        if logged.t != lastT {
          offsets.append(offset)
          starts.append(UInt32(count))
          lastT = logged.t
        }
        if shown.operation == .hiddenState {
          each(shown.t, shown.result.value)
          if verify && logged.t % interval == 0 { checkpoints.append(shown.result.value) }
          if keepsHiddenStates { hiddenStates[shown.result.name] = shown.result.value }
        }
      } else {
        if afterForward.isEmpty || afterForward.last!.t != shown.t {
          afterForwardStarts.append(afterForward.count)
        }
        afterForward.append(shown)
      }
      longestOperation = max(longestOperation, logged.operation.rawValue.utf8.count)
      // Characters are never more than bytes: count them only when they may be more.
      if logged.formula.utf8.count > longestFormula {
        longestFormula = max(longestFormula, logged.formula.count)
      }
      count += 1
    }

    mutating func finish(header: TraceHeader, endOffset: UInt64) -> TraceLogIndex {
      offsets.append(forwardEnd ?? endOffset)
      starts.append(UInt32(count - afterForward.count))
      afterForwardStarts.append(afterForward.count)
      return TraceLogIndex(
        header: header, model: model, verified: verify, offsets: offsets, starts: starts,
        afterForward: afterForward, afterForwardStarts: afterForwardStarts,
        checkpoints: checkpoints, interval: interval, longestOperation: longestOperation,
        longestFormula: longestFormula)
    }
  }
}
