import Model

/// A log read back whole, for replaying: its header, the trace, and, when the log
/// departs from its recomputation and was loaded anyway, the first difference.
public struct LoadedTrace: Sendable {
  public let header: TraceHeader
  public let trace: Trace
  public let difference: TraceDifference?
}

/// Turns a JSON Lines log into a `Trace` the player can show.
///
/// The log is verified as it is read. While it agrees with the recomputation the
/// recomputed events are kept (they carry their operands' values, which the log
/// does not repeat). With `verify: false` a log that departs is still loaded: from
/// the first difference on, events are rebuilt from the log itself, each operand's
/// values taken from the parameter or the earlier result it names.
public enum TraceLogLoader {
  /// `kernels`, when given, replaces the header's for the recomputation. `started` is
  /// told the header's word count once it is read, and `progress` the time step (t)
  /// of every event read, for a progress display.
  public static func load<Source: ByteSource>(
    _ source: Source, verify: Bool, kernels: KernelFamily? = nil,
    started: (Int) -> Void = { _ in }, progress: (Int) -> Void = { _ in }
  ) throws -> LoadedTrace {
    var reader = TraceLogReader(source)
    let header = try reader.readHeader()
    started(header.words.count)
    var verifier: TraceVerifier
    do {
      verifier = try TraceVerifier(header: header, kernels: kernels)
    } catch {
      throw TraceLogError(line: 1, error.description)
    }
    let model = verifier.model
    var difference: TraceDifference?
    var events: [TraceEvent] = []
    var names = NameTable(model: model)
    while let logged = try reader.nextEvent() {
      progress(logged.t)
      let (expected, found) = verifier.check(logged)
      if let found, difference == nil {
        if verify { throw found }
        difference = found
      }
      let event: TraceEvent
      if difference == nil, let expected {
        event = expected
      } else {
        // A product is shown in the order the model sums it, known from its recomputation.
        let order = expected.flatMap { $0.operation == logged.operation ? $0.productOrder : nil }
        event = try names.rebuild(logged, productOrder: order)
      }
      names.record(event)
      events.append(event)
    }
    if difference == nil, let short = verifier.finish(lastLine: reader.lineNumber) {
      if verify { throw short }
      difference = short
    }
    return LoadedTrace(
      header: header, trace: Trace(model: model, words: header.words, events: events),
      difference: difference)
  }
}
