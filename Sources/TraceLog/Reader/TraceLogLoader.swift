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
  /// `kernels`, when given, replaces the header's for the recomputation.
  public static func load<Source: ByteSource>(
    _ source: Source, verify: Bool, kernels: KernelFamily? = nil
  ) throws -> LoadedTrace {
    var reader = TraceLogReader(source)
    let header = try reader.readHeader()
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

  func rebuild(_ logged: LoggedEvent, productOrder: ProductOrder?) throws(TraceLogError)
    -> TraceEvent
  {
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
    try Self.checkWellFormed(logged, operands)
    return TraceEvent(
      step: logged.step, t: logged.t, word: logged.word, operation: logged.operation,
      formula: logged.formula, operands: operands, result: logged.result, index: logged.index,
      productOrder: productOrder)
  }

  /// What any view of an operation relies on (how many operands it has, shapes that
  /// multiply or add), so that a recorded event shown unverified cannot trip one.
  static func checkWellFormed(_ logged: LoggedEvent, _ operands: [NamedTensor])
    throws(TraceLogError)
  {
    let op = logged.operation
    let needed: Int
    switch op {
    case .embedding, .tanhInput, .tanh, .hiddenState: needed = 1
    case .matmulInput, .matmulHidden, .biasInput, .biasHidden, .add: needed = 2
    }
    func refuse(_ why: String) -> TraceLogError {
      TraceLogError(line: logged.line, "step \(logged.step) (\(op.rawValue)): \(why)")
    }
    guard operands.count == needed else {
      throw refuse("needs \(needed) operand\(needed == 1 ? "" : "s"), found \(operands.count)")
    }
    let result = logged.result.value.shape
    switch op {
    case .matmulInput, .matmulHidden:
      let (left, right) = (operands[0].value, operands[1].value)
      let n: Int
      if left.columns == right.rows {
        n = right.columns
      } else if left.columns == right.columns {
        n = right.rows
      } else {
        throw refuse("multiplies shapes \(left.shape) and \(right.shape) that do not fit")
      }
      guard result == [left.rows, n] else {
        throw refuse("gives shape \(result) from \(left.shape) and \(right.shape)")
      }
    case .biasInput, .biasHidden, .add, .tanhInput, .tanh, .hiddenState:
      guard result == operands[0].value.shape else {
        throw refuse("gives shape \(result) from \(operands[0].value.shape)")
      }
      if operands.count == 2 {
        let (a, b) = (operands[0].value, operands[1].value)
        guard a.shape == b.shape || (b.shape.count == 1 && b.columns == a.columns) else {
          throw refuse("adds shapes \(a.shape) and \(b.shape) that do not fit")
        }
      }
    case .embedding:
      let table = operands[0].value
      guard let index = logged.index, index < table.rows, result == [1, table.columns] else {
        throw refuse("looks up row \(logged.index ?? -1) of \(table.shape) giving \(result)")
      }
    }
  }
}
