import Model

/// The JSON Lines log (`docs/trace-format.md`): a header object on the first line,
/// then one object per event. Floats are written in their shortest round-trip form,
/// so that every value reads back to the same float32.
public struct JSONLinesEncoder: TraceEncoder {
  /// The header being written, kept from `beginHeader` for what follows its words.
  private var header: TraceHeader?
  private var wordCount = 0
  private var repeatedValues = RepeatedValues(remembering: 256)

  public init() {}

  public mutating func beginHeader(_ header: TraceHeader, into out: inout ByteBuffer) {
    self.header = header
    wordCount = 0
    out.append("{\"type\":\"header\",")
    out.appendJSONModelSummary(of: header)
    out.append(",\"words\":[")
  }

  public mutating func headerWord(_ word: String, into out: inout ByteBuffer) {
    if wordCount > 0 { out.append(UInt8(ascii: ",")) }
    wordCount += 1
    out.appendJSON(word)
  }

  public mutating func endHeader(into out: inout ByteBuffer) {
    guard let header else { preconditionFailure("endHeader before beginHeader") }
    out.append("],\"vocabulary\":")
    out.appendJSON(strings: header.vocabulary)
    out.append(",\"parameters\":{")
    for (i, parameter) in header.parameters.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      out.appendJSON(parameter.name)
      out.append(":{\"shape\":")
      out.appendJSON(shape: parameter.value.shape)
      out.append(",\"values\":")
      out.appendJSON(values: parameter.value.scalars)
      out.append(UInt8(ascii: "}"))
    }
    out.append("}")
    if !header.edits.isEmpty {
      out.append(",\"edits\":[")
      for (i, edit) in header.edits.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        out.append("{\"name\":")
        out.appendJSON(edit.name)
        out.append(",\"index\":")
        out.appendJSON(shape: edit.index)
        out.append(",\"from\":")
        out.appendJSON(edit.from)
        out.append(",\"to\":")
        out.appendJSON(edit.to)
        out.append(UInt8(ascii: "}"))
      }
      out.append("]")
    }
    out.append("}\n")
  }

  public mutating func encode(_ event: TraceEvent, into out: inout ByteBuffer) {
    let result = event.result
    // One bound for the whole line, so its pieces are written without checks: the
    // constant pieces (91 bytes), two numbers, the strings, the values twice.
    let bound =
      120 + 2 * ByteWriter.decimalBound + ByteWriter.bound(ofJSON: event.operation.rawValue)
      + ByteWriter.bound(ofJSON: event.word) + ByteWriter.bound(ofName: result.label)
      + ByteWriter.bound(ofShape: result.value.shape)
      + 2 * ByteWriter.bound(ofValues: event.omitsValues ? 0 : result.value.count)
      + ByteWriter.bound(ofFormulaAndOperands: event)
    out.write(atMost: bound) { out in
      out.literal("{\"type\":\"event\",\"step\":")
      out.decimal(event.step)
      out.literal(",\"t\":")
      out.decimal(event.t)
      out.literal(",\"word\":")
      out.string(event.word)
      out.literal(",\"op\":")
      out.string(event.operation.rawValue)
      if event.pass == .backward { out.literal(",\"pass\":\"backward\"") }
      let formula = out.formulaAndOperands(of: event)
      out.literal(",\"result\":{\"name\":")
      if event.resultIsFormula {
        out.copy(offsets: formula)
      } else {
        out.name(result.label)
      }
      out.literal(",\"shape\":")
      out.shape(result.value.shape)
      // A term its operands give again is written without its values.
      guard !event.omitsValues else {
        out.literal("}}\n")
        return
      }
      out.literal(",\"values\":")
      let valuesStart = out.offset
      repeatedValues.write(result.value.scalars, to: &out)
      let values = valuesStart..<out.offset
      out.byte(UInt8(ascii: "}"))
      if event.operation == .hiddenState && event.pass == .forward {
        out.literal(",\"value\":")
        out.copy(offsets: values)
      }
      out.literal("}\n")
    }
  }
}

extension ByteBuffer {
  /// `"format":"rnntrace","version":1,"source":…,"variant":…,"seed":…,"inputs":…,
  /// "hidden":…` and, for kernels other than `amd`, `"kernels":…`: what every JSON
  /// format says of the model in its header.
  mutating func appendJSONModelSummary(of header: TraceHeader) {
    append("\"format\":\"rnntrace\",\"version\":")
    append(String(TraceHeader.formatVersion))
    append(",\"source\":")
    appendJSON(header.source)
    append(",\"variant\":")
    appendJSON(header.variant.rawValue)
    append(",\"seed\":")
    append(header.seed.map { String($0) } ?? "null")
    append(",\"inputs\":")
    append(String(header.inputs))
    append(",\"hidden\":")
    append(String(header.hidden))
    if header.kernels != .amd {
      append(",\"kernels\":")
      appendJSON(header.kernels.rawValue)
    }
    if let loss = header.loss {
      append(",\"loss\":")
      appendJSON(loss.rawValue)
    }
  }
}

extension ByteWriter {
  /// The room `formulaAndOperands(of:)` needs for `event`.
  static func bound(ofFormulaAndOperands event: TraceEvent) -> Int {
    // The constant pieces (34 bytes, and 19 an operand), the index, the strings.
    var bound = 40 + decimalBound + Self.bound(ofName: event.formulaName)
    for i in 0..<event.operandCount {
      bound += 24 + Self.bound(ofName: event.operandName(i))
      bound += Self.bound(ofShape: event.operandShape(i))
    }
    return bound
  }

  /// `,"formula":…[,"index":…],"operands":[{"name":…,"shape":[…]},…]`: what every
  /// JSON format says of an event's inputs (the JSON Lines event, the Chrome args).
  /// Returns where the formula's JSON string was written (offsets).
  @discardableResult
  mutating func formulaAndOperands(of event: TraceEvent) -> Range<Int> {
    literal(",\"formula\":")
    let formulaStart = offset
    name(event.formulaName)
    let formula = formulaStart..<offset
    if let index = event.index {
      literal(",\"index\":")
      decimal(index)
    }
    literal(",\"operands\":[")
    for i in 0..<event.operandCount {
      literal(i > 0 ? ",{\"name\":" : "{\"name\":")
      name(event.operandName(i))
      literal(",\"shape\":")
      shape(event.operandShape(i))
      byte(UInt8(ascii: "}"))
    }
    byte(UInt8(ascii: "]"))
    return formula
  }
}
