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
  public static func load<Source: ByteSource>(_ source: Source, verify: Bool) throws
    -> LoadedTrace
  {
    var reader = TraceLogReader(source)
    let header = try reader.readHeader()
    var verifier: TraceVerifier
    do {
      verifier = try TraceVerifier(header: header)
    } catch {
      throw TraceLogError(line: 1, error.description)
    }
    let model = verifier.model
    var difference: TraceDifference?
    var events: [TraceEvent] = []
    var names = NameTable(model: model)
    while let logged = try reader.nextEvent() {
      let (expected, found) = verifier.check(logged)
      if let found, difference == nil {
        if verify { throw found }
        difference = found
      }
      let event: TraceEvent
      if difference == nil, let expected {
        event = expected
      } else {
        event = try names.rebuild(logged)
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

/// The tensors an operand may name: the parameters, h_0, and the results of the
/// current time step (and the hidden state before it).
private struct NameTable {
  let parameters: [String: Tensor]
  var current: [String: Tensor] = [:]
  var t = 0

  init(model: RNNModel) {
    var table: [String: Tensor] = [:]
    for parameter in model.parameters { table[parameter.name] = parameter.value }
    parameters = table
    current["h_0"] = model.h0
  }

  mutating func record(_ event: TraceEvent) {
    if event.t != t {
      // Only h_{t-1} carries over from one time step to the next.
      current = current.filter { $0.key == "h_\(event.t - 1)" }
      t = event.t
    }
    current[event.result.name] = event.result.value
  }

  func rebuild(_ logged: LoggedEvent) throws(TraceLogError) -> TraceEvent {
    let keep = logged.t == t ? current : current.filter { $0.key == "h_\(logged.t - 1)" }
    var operands: [NamedTensor] = []
    for operand in logged.operands {
      guard let value = keep[operand.name] ?? parameters[operand.name] else {
        throw TraceLogError(
          line: logged.line,
          "step \(logged.step): the operand \"\(operand.name)\" names no parameter and no earlier result of word \(logged.t)"
        )
      }
      guard value.shape == operand.shape else {
        throw TraceLogError(
          line: logged.line,
          "step \(logged.step): the operand \"\(operand.name)\" has shape \(operand.shape), but what it names has \(value.shape)"
        )
      }
      operands.append(NamedTensor(operand.name, value))
    }
    return TraceEvent(
      step: logged.step, t: logged.t, word: logged.word, operation: logged.operation,
      formula: logged.formula, operands: operands, result: logged.result, index: logged.index)
  }
}
