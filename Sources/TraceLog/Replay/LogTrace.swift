import Model
import Synchronization

/// A log replayed from its file: the model and words of its header, and its events read
/// back a word at a time from where the index found them, so a log of any length is
/// shown in the memory of its index and a few words.
///
/// A verified log's words are recomputed from the h_{t-1} its file holds (the same
/// numbers, since every event matched, and with the operands' values the log does not
/// repeat): `events` are then exactly those of `TraceLogLoader`. An unverified log's
/// word is recomputed the same way where it agrees with the file, and otherwise shown
/// as recorded, each operand's values taken from the parameter or the earlier result of
/// the same word it names.
public struct LogTrace: Sendable {
  public let index: TraceLogIndex
  /// The events, read from the file when asked for; `events[i]` is step i + 1.
  public let events: WindowedEvents
  private let window: LogWindow

  /// Indexes `source` (`TraceLogIndex.build`) and reads the windows from `bytes`, the
  /// same log read by offset.
  public init<Source: ByteSource>(
    indexing source: Source, reading bytes: any PositionalByteSource, verify: Bool,
    kernels: KernelFamily? = nil, started: (Int) -> Void = { _ in },
    progress: (Int) -> Void = { _ in }, each: (Int, Tensor) -> Void = { _, _ in }
  ) throws {
    self.init(
      try TraceLogIndex.build(
        source, verify: verify, kernels: kernels, started: started, progress: progress,
        each: each),
      reading: bytes)
  }

  public init(_ index: TraceLogIndex, reading bytes: any PositionalByteSource) {
    self.index = index
    window = LogWindow(index: index, bytes: bytes)
    events = WindowedEvents(window)
  }

  public var model: RNNModel { index.model }
  public var words: [String] { index.header.words }
  public var header: TraceHeader { index.header }

  /// h_t of the forward pass, for t from 0 (h_0) to `forwardWordCount`.
  public func hiddenState(_ t: Int) -> Tensor {
    guard t > 0 else { return model.h0 }
    if index.verified { return window.verifiedHiddenState(t) }
    let range = window.groupRange(t - 1)
    for i in range.reversed() where events[i].operation == .hiddenState {
      return events[i].result.value
    }
    return Tensor(zeros: [1, model.hidden])
  }

  /// The whole trace, held: for a short log, or a view that needs every event.
  public func whole() -> Trace {
    Trace(model: model, words: words, events: Array(events))
  }

  /// dL/dh_t for each t the backward pass reached, as `Trace.hiddenGradients`.
  public var hiddenGradients: [(t: Int, gradient: Tensor)] {
    index.afterForward.filter { $0.operation == .hiddenState && $0.pass == .backward }.map {
      ($0.t, $0.result.value)
    }
  }
}

/// The groups of an indexed log: the forward pass's words read from the file, then the
/// events after it, held.
struct LogWindow: TraceWindowSource {
  let index: TraceLogIndex
  let bytes: any PositionalByteSource
  /// The last h_t recomputed: the next word starts from it without reading the file.
  private let latest = LatestState()

  init(index: TraceLogIndex, bytes: any PositionalByteSource) {
    self.index = index
    self.bytes = bytes
  }

  private var forwardGroups: Int { index.offsets.count - 1 }
  private var forwardEvents: Int { Int(index.starts.last!) }

  var eventCount: Int { index.eventCount }
  var groupCount: Int { forwardGroups + index.afterForwardStarts.count - 1 }

  func groupRange(_ group: Int) -> Range<Int> {
    if group < forwardGroups {
      return Int(index.starts[group])..<Int(index.starts[group + 1])
    }
    let g = group - forwardGroups
    return forwardEvents + index.afterForwardStarts[g]..<forwardEvents
      + index.afterForwardStarts[g + 1]
  }

  func group(ofEvent event: Int) -> Int {
    if event < forwardEvents {
      return Self.last(in: index.starts, atMost: event, { Int($0) })
    }
    return forwardGroups
      + Self.last(in: index.afterForwardStarts, atMost: event - forwardEvents, { $0 })
  }

  /// The last position of `starts` (ascending) whose value is at most `value`.
  private static func last<T>(in starts: [T], atMost value: Int, _ int: (T) -> Int) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if int(starts[mid]) <= value { low = mid } else { high = mid - 1 }
    }
    return low
  }

  func events(ofGroup group: Int) -> [TraceEvent] {
    guard group < forwardGroups else {
      return Array(index.afterForward[groupRange(group).shifted(by: -forwardEvents)])
    }
    do {
      return try word(group)
    } catch {
      // The index was made from this very file, kept open: only a change made to it
      // in place since then (not a new file renamed over it) can get here.
      fatalError(
        "the log no longer holds what it held when it was indexed (\(error)); was it changed while replayed?"
      )
    }
  }

  /// h_t of a verified log: the file's (its group's last line), or, where the file
  /// writes it `null`, recomputed from a checkpoint.
  func verifiedHiddenState(_ t: Int) -> Tensor {
    do {
      return try hiddenStateOfVerifiedLog(t)
    } catch {
      fatalError(
        "the log no longer holds what it held when it was indexed (\(error)); was it changed while replayed?"
      )
    }
  }

  private func hiddenStateOfVerifiedLog(_ t: Int) throws -> Tensor {
    if t == 0 { return index.model.h0 }
    if let known = latest.state(at: t) { return known }
    let last = try lastLine(ofGroup: t - 1)
    let h = last.result.value
    guard last.operation == .hiddenState, h.shape == [1, index.model.hidden] else {
      throw TraceLogError(line: last.line, "the last event of word \(t) is not h_\(t)")
    }
    return h.scalars.allSatisfy(\.isFinite) ? h : recomputedHiddenState(t)
  }

  /// The forward events of group `s`, word t = s + 1.
  private func word(_ s: Int) throws -> [TraceEvent] {
    if index.verified {
      // Every event matched: the word is its recomputation from h_{t-1}.
      let t = s + 1
      var run = RNNRun(
        model: index.model,
        listener: TraceRecorder(reservingCapacity: Int(index.starts[s + 1] - index.starts[s])),
        resumingAfter: t - 1, hidden: try hiddenStateOfVerifiedLog(t - 1),
        step: Int(index.starts[s]))
      _ = run.read(index.header.words[s])
      latest.keep(run.hiddenState, at: t)
      return run.tracer.listener.events
    }
    let logged = try read(s)
    let t = s + 1
    let hName = "h_\(t - 1)"
    var previous: [String: Tensor] = [:]
    if s == 0 {
      previous["h_0"] = index.model.h0
    } else if let h = try read(s - 1).last(where: { $0.result.name == hName }) {
      previous[hName] = h.result.value
    }
    let model = index.model
    let first = logged[0]
    var recomputed: [TraceEvent]?
    if let h = previous[hName], h.shape == [1, model.hidden], model.index(of: first.word) != nil {
      var run = RNNRun(
        model: model, listener: TraceRecorder(reservingCapacity: logged.count),
        resumingAfter: t - 1, hidden: h, step: Int(index.starts[s]))
      _ = run.read(first.word)
      recomputed = run.tracer.listener.events
    }
    if let recomputed {
      if recomputed.count == logged.count
        && zip(recomputed, logged).allSatisfy({ Self.agree($0, $1) })
      {
        return recomputed
      }
    }
    var names = NameTable(model: model, previous: previous, t: t)
    var out: [TraceEvent] = []
    out.reserveCapacity(logged.count)
    for (k, event) in logged.enumerated() {
      let order = recomputed.flatMap {
        k < $0.count && $0[k].operation == event.operation ? $0[k].productOrder : nil
      }
      let rebuilt = try names.rebuild(event, productOrder: order)
      names.record(rebuilt)
      out.append(rebuilt)
    }
    return out
  }

  /// Whether a recomputed event is the logged one in every part, every value to the bit.
  private static func agree(_ expected: TraceEvent, _ logged: LoggedEvent) -> Bool {
    guard TraceVerifier.compare(expected, logged) == nil else { return false }
    return zip(expected.result.value.scalars, logged.result.value.scalars).allSatisfy {
      $0.bitPattern == $1.bitPattern
    }
  }

  /// h_t recomputed from the checkpoint before it, for where the log's is not finite
  /// (`null`, which does not say which infinity).
  private func recomputedHiddenState(_ t: Int) -> Tensor {
    let k = min(t / index.interval, index.checkpoints.count - 1)
    var run = RNNRun(
      model: index.model, listener: NoTrace(), resumingAfter: k * index.interval,
      hidden: index.checkpoints[k], step: 0)
    while run.t < t { _ = run.read(index.header.words[run.t]) }
    return run.hiddenState
  }

  /// The last event of forward group `s`, read from the file.
  private func lastLine(ofGroup s: Int) throws -> LoggedEvent {
    let buffer = try bytes(ofGroup: s)
    return try buffer.withUnsafeBufferPointer { all in
      var from = all.count - 1
      while from > 0 && all[from - 1] != UInt8(ascii: "\n") { from -= 1 }
      return try TraceLogReader<ByteArraySource>.event(
        line: UnsafeBufferPointer(rebasing: all[from..<all.count - 1]),
        number: Int(index.starts[s + 1]) + 1)
    }
  }

  /// The logged events of forward group `s`, read from the file.
  private func read(_ s: Int) throws -> [LoggedEvent] {
    let buffer = try bytes(ofGroup: s)
    var events: [LoggedEvent] = []
    var line = Int(index.starts[s]) + 2
    try buffer.withUnsafeBufferPointer { all in
      var from = 0
      for i in all.indices where all[i] == UInt8(ascii: "\n") {
        events.append(
          try TraceLogReader<ByteArraySource>.event(
            line: UnsafeBufferPointer(rebasing: all[from..<i]), number: line))
        line += 1
        from = i + 1
      }
    }
    guard events.count == Int(index.starts[s + 1] - index.starts[s]) else {
      throw TraceLogError(line: line, "a word's lines are not where they were")
    }
    return events
  }

  /// The lines of forward group `s`, each ended by `\n`.
  private func bytes(ofGroup s: Int) throws -> [UInt8] {
    let start = index.offsets[s]
    let count = Int(index.offsets[s + 1] - start)
    var buffer = [UInt8](repeating: 0, count: count)
    var filled = 0
    try buffer.withUnsafeMutableBytes { raw in
      while filled < count {
        let n = try bytes.read(
          at: start + UInt64(filled), into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
        guard n > 0 else {
          throw TraceLogError(line: nil, "the file ends before byte \(start + UInt64(count))")
        }
        filled += n
      }
    }
    guard buffer.last == UInt8(ascii: "\n") else {
      throw TraceLogError(
        line: Int(index.starts[s + 1]) + 1, "a word's lines are not where they were")
    }
    return buffer
  }
}

/// The last hidden state a window recomputed, shared by copies of the window.
private final class LatestState: Sendable {
  private let held = Mutex<(t: Int, h: Tensor)?>(nil)

  func state(at t: Int) -> Tensor? {
    held.withLock { $0?.t == t ? $0?.h : nil }
  }

  func keep(_ h: Tensor, at t: Int) {
    held.withLock { $0 = (t, h) }
  }
}

extension Range<Int> {
  fileprivate func shifted(by offset: Int) -> Range<Int> {
    lowerBound + offset..<upperBound + offset
  }
}
