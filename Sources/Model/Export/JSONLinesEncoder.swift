/// The JSON Lines log (`docs/trace-format.md`): a header object on the first line,
/// then one object per event. Floats are written in their shortest round-trip form,
/// so that every value reads back to the same float32.
public struct JSONLinesEncoder: TraceEncoder {
  /// The header being written, kept from `beginHeader` for what follows its words.
  private var header: TraceHeader?
  private var wordCount = 0

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
    out.append("}}\n")
  }

  public mutating func encode(_ event: TraceEvent, into out: inout ByteBuffer) {
    out.append(literal: "{\"type\":\"event\",\"step\":")
    out.appendDecimal(event.step)
    out.append(literal: ",\"t\":")
    out.appendDecimal(event.t)
    out.append(literal: ",\"word\":")
    out.appendJSON(event.word)
    out.append(literal: ",\"op\":\"")
    out.append(event.operation.rawValue)
    out.append(UInt8(ascii: "\""))
    out.appendJSONFormulaAndOperands(of: event)
    out.append(literal: ",\"result\":{\"name\":")
    out.appendJSON(event.result.name)
    out.append(literal: ",\"shape\":")
    out.appendJSON(shape: event.result.value.shape)
    out.append(literal: ",\"values\":")
    let valuesStart = out.count
    out.appendJSON(values: event.result.value.scalars)
    let values = valuesStart..<out.count
    out.append(UInt8(ascii: "}"))
    if event.operation == .hiddenState {
      out.append(literal: ",\"value\":")
      out.appendCopy(of: values)
    }
    out.append(literal: "}\n")
  }
}

extension ByteBuffer {
  /// `"format":"rnntrace","version":1,"source":…,"variant":…,"seed":…,"inputs":…,
  /// "hidden":…`: what every JSON format says of the model in its header.
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
  }

  /// `,"formula":…[,"index":…],"operands":[{"name":…,"shape":[…]},…]`: what every
  /// JSON format says of an event's inputs (the JSON Lines event, the Chrome args).
  mutating func appendJSONFormulaAndOperands(of event: TraceEvent) {
    append(literal: ",\"formula\":")
    appendJSON(event.formula)
    if let index = event.index {
      append(literal: ",\"index\":")
      appendDecimal(index)
    }
    append(literal: ",\"operands\":[")
    for (i, operand) in event.operands.enumerated() {
      append(literal: i > 0 ? ",{\"name\":" : "{\"name\":")
      appendJSON(operand.name)
      append(literal: ",\"shape\":")
      appendJSON(shape: operand.value.shape)
      append(UInt8(ascii: "}"))
    }
    append(UInt8(ascii: "]"))
  }
}
