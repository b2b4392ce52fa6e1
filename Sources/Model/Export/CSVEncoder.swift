/// The long-form CSV log (`docs/trace-format.md`): one row per value, for
/// spreadsheets and data frames. A header row names the columns
/// `step,t,word,op,tensor,row,column,value`; the model's parameters come first as
/// rows of step 0 with op `parameter`, then every event's result, value by value.
///
/// Fields are quoted as RFC 4180 says (a field holding a comma, a quote, CR or LF is
/// put in quotes, quotes doubled) and records end with CRLF, which Python's `csv`
/// module, pandas and spreadsheets all read.
public struct CSVEncoder: TraceEncoder {
  public init() {}

  public static let columns = ["step", "t", "word", "op", "tensor", "row", "column", "value"]

  public mutating func beginHeader(_ header: TraceHeader, into out: inout ByteBuffer) {
    for (i, name) in Self.columns.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      out.append(name)
    }
    out.append("\r\n")
    for parameter in header.parameters {
      appendRows(
        prefix: "0,0,,parameter,", tensor: parameter.name, value: parameter.value, into: &out)
    }
  }

  public mutating func encode(_ event: TraceEvent, into out: inout ByteBuffer) {
    var prefix = ByteBuffer(capacity: 64)
    prefix.append(String(event.step))
    prefix.append(UInt8(ascii: ","))
    prefix.append(String(event.t))
    prefix.append(UInt8(ascii: ","))
    prefix.appendCSVField(event.word)
    prefix.append(UInt8(ascii: ","))
    prefix.append(event.operation.rawValue)
    prefix.append(UInt8(ascii: ","))
    appendRows(
      prefix: prefix.bytes, tensor: event.result.name, value: event.result.value, into: &out)
  }

  private func appendRows(
    prefix: some Collection<UInt8>, tensor: String, value: Tensor, into out: inout ByteBuffer
  ) {
    let columns = value.columns
    for (k, scalar) in value.scalars.enumerated() {
      out.append(contentsOf: prefix)
      out.appendCSVField(tensor)
      out.append(UInt8(ascii: ","))
      // A vector is one row, as PyTorch broadcasts it.
      out.append(String(k / columns))
      out.append(UInt8(ascii: ","))
      out.append(String(k % columns))
      out.append(UInt8(ascii: ","))
      // Shortest round-trip decimal; `nan`, `inf` and `-inf` for non-finite values,
      // which Python's float() and pandas read.
      out.append(scalar.description)
      out.append("\r\n")
    }
  }

  private func appendRows(prefix: String, tensor: String, value: Tensor, into out: inout ByteBuffer)
  {
    appendRows(prefix: Array(prefix.utf8), tensor: tensor, value: value, into: &out)
  }
}

extension ByteBuffer {
  /// A CSV field, quoted only when it must be (RFC 4180).
  mutating func appendCSVField(_ field: String) {
    let needsQuotes = field.utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
    }
    guard needsQuotes else {
      append(field)
      return
    }
    append(UInt8(ascii: "\""))
    for unit in field.utf8 {
      if unit == UInt8(ascii: "\"") { append(UInt8(ascii: "\"")) }
      append(unit)
    }
    append(UInt8(ascii: "\""))
  }
}
