import Model

/// The tensors an operand may name: the parameters, h_0, and the results of the
/// current time step (and the hidden state before it).
struct NameTable {
  let parameters: [String: Tensor]
  var current: [String: Tensor] = [:]
  /// Every result since the loss began: the loss and the backward pass name results of
  /// any time step.
  var afterForward: [String: Tensor] = [:]
  var t = 0

  init(model: RNNModel) {
    var table: [String: Tensor] = [:]
    for parameter in model.parameters { table[parameter.name] = parameter.value }
    parameters = table
    current["h_0"] = model.h0
  }

  /// A table for the events of word `t`, after a window's read of the word before:
  /// `previous` holds that word's results (h_{t-1} among them).
  init(model: RNNModel, previous: [String: Tensor], t: Int) {
    self.init(model: model)
    current = previous
    self.t = t - 1
  }

  /// Before the first event after the forward pass: results of any time step it may
  /// name besides the last word's (the forward pass's hidden states), which a
  /// windowed read does not otherwise hold.
  mutating func seedAfterForward(_ results: [String: Tensor]) {
    afterForward = current.merging(results) { own, _ in own }
  }

  mutating func record(_ event: TraceEvent) {
    if event.isAfterForward {
      if afterForward.isEmpty { afterForward = current }
      afterForward[event.result.name] = event.result.value
      return
    }
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
    if logged.isAfterForward { return try rebuildAfterForward(logged, productOrder: productOrder) }
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

  /// A loss or backward event, shown unverified: its operands name earlier results of
  /// any time step (the hidden states, the loss's, the gradients') or parameters; one
  /// that names none, or a combination (`L_1 … L_4`), is shown with zeros of its shape.
  func rebuildAfterForward(_ logged: LoggedEvent, productOrder: ProductOrder?)
    throws(TraceLogError) -> TraceEvent
  {
    guard (1...2).contains(logged.operands.count) else {
      throw TraceLogError(
        line: logged.line,
        "step \(logged.step) (\(logged.operation.rawValue)): needs 1 or 2 operands, found \(logged.operands.count)"
      )
    }
    let operands = logged.operands.map { operand in
      let known = afterForward[operand.name] ?? current[operand.name] ?? parameters[operand.name]
      // A row named as a vector (dL/dy_t as head.bias's term) is the same values.
      let value = known.flatMap {
        $0.shape == operand.shape
          ? $0
          : $0.rows == 1 && [$0.count] == operand.shape
            ? Tensor(shape: operand.shape, scalars: $0.scalars) : nil
      }
      return NamedTensor(operand.name, value ?? Tensor(zeros: operand.shape))
    }
    let result =
      logged.omitsValues
      ? NamedTensor(logged.result.name, Self.recomputed(logged.result.value.shape, operands))
      : logged.result
    return TraceEvent(
      step: logged.step, t: logged.t, word: logged.word, operation: logged.operation,
      formula: logged.formula, operands: operands, result: result, index: logged.index,
      productOrder: productOrder, pass: logged.pass, omitsValues: logged.omitsValues)
  }

  /// The values of a result the log omits, from its operands: a weight's term gᵀ·x from
  /// g `[1, m]` and x `[1, n]`, `[m, n]`; a running sum from the term alone, or from the
  /// sum before and the term, added as the backward pass adds them. Zeros when the
  /// operands fit neither (what an unverified log's unknown operands show).
  static func recomputed(_ shape: TensorShape, _ operands: [NamedTensor]) -> Tensor {
    let values = operands.map(\.value)
    if values.count == 2, values[0].rows == 1, values[1].rows == 1,
      shape == [values[0].count, values[1].count]
    {
      let (g, x) = (values[0].scalars, values[1].scalars)
      var out = [Float](repeating: 0, count: g.count * x.count)
      for i in g.indices {
        for j in x.indices { out[i * x.count + j] = g[i] * x[j] }
      }
      return Tensor(shape: shape, scalars: out)
    }
    if values.allSatisfy({ $0.shape == shape }) {
      if values.count == 1 { return values[0] }
      return Tensor(shape: shape, scalars: zip(values[0].scalars, values[1].scalars).map(+))
    }
    return Tensor(zeros: Array(shape))
  }

  /// What any view of an operation relies on (how many operands it has, shapes that
  /// multiply or add), so that a recorded event shown unverified cannot trip one.
  static func checkWellFormed(_ logged: LoggedEvent, _ operands: [NamedTensor])
    throws(TraceLogError)
  {
    let op = logged.operation
    let needed: Int
    switch op {
    case .embedding, .tanhInput, .tanh, .hiddenState, .loss: needed = 1
    case .logits: needed = 2
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
    case .logits, .loss:
      break
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
