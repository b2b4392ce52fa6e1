import Model

/// The long-form CSV log (`docs/trace-format.md`): one row per value, for
/// spreadsheets and data frames. A header row names the columns
/// `step,t,word,op,tensor,row,column,value`; the model's parameters come first as
/// rows of step 0 with op `parameter`, then every event's result, value by value.
///
/// Fields are quoted as RFC 4180 says (a field holding a comma, a quote, CR or LF is
/// put in quotes, quotes doubled) and records end with CRLF, which Python's `csv`
/// module, pandas and spreadsheets all read.
///
/// A trace that goes on to the loss and the backward pass (a header with `loss`) has a
/// `pass` column after `op`: `forward` or `backward`, empty for the parameters.
public struct CSVEncoder: TraceEncoder {
  /// Whether the rows have the `pass` column.
  private var hasPass = false

  public init() {}

  public static let columns = ["step", "t", "word", "op", "tensor", "row", "column", "value"]
  /// The columns of a trace with a backward pass.
  public static let columnsWithPass = [
    "step", "t", "word", "op", "pass", "tensor", "row", "column", "value",
  ]

  public mutating func beginHeader(_ header: TraceHeader, into out: inout ByteBuffer) {
    hasPass = header.loss != nil
    for (i, name) in (hasPass ? Self.columnsWithPass : Self.columns).enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      out.append(name)
    }
    out.append(literal: "\r\n")
    for parameter in header.parameters {
      let prefixStart = out.count
      out.append(literal: hasPass ? "0,0,,parameter,," : "0,0,,parameter,")
      appendRows(from: prefixStart, tensor: parameter.name, value: parameter.value, into: &out)
    }
  }

  public mutating func encode(_ event: TraceEvent, into out: inout ByteBuffer) {
    // Rows are values: a term the log writes without them has none.
    guard !event.omitsValues else { return }
    let prefixStart = out.count
    out.appendDecimal(event.step)
    out.append(UInt8(ascii: ","))
    out.appendDecimal(event.t)
    out.append(UInt8(ascii: ","))
    out.appendCSVField(event.word)
    out.append(UInt8(ascii: ","))
    out.append(event.operation.rawValue)
    out.append(UInt8(ascii: ","))
    if hasPass {
      out.append(event.pass.rawValue)
      out.append(UInt8(ascii: ","))
    }
    appendRows(from: prefixStart, tensor: event.result.name, value: event.result.value, into: &out)
  }

  /// The rows of `value`; the first row's prefix (`step,t,word,op,`) is already
  /// written from `prefixStart`, and the others copy it with the tensor's name.
  private func appendRows(
    from prefixStart: Int, tensor: String, value: Tensor, into out: inout ByteBuffer
  ) {
    out.appendCSVField(tensor)
    out.append(UInt8(ascii: ","))
    let prefixLength = out.count - prefixStart
    let columns = value.columns
    // Room for every row: the prefix, two indices, a value (`-inf` is shorter than a
    // float's room) and CRLF.
    let rowBound = prefixLength + 2 * (ByteWriter.decimalBound + 1) + ShortestFloat.room + 2
    value.scalars.withUnsafeBufferPointer { scalars in
      out.write(atMost: scalars.count * rowBound) { row in
        let prefix = row.position - prefixLength
        for (k, scalar) in scalars.enumerated() {
          if k > 0 { row.copy(from: prefix, to: prefix + prefixLength) }
          // A vector is one row, as PyTorch broadcasts it.
          row.decimal(k / columns)
          row.byte(UInt8(ascii: ","))
          row.decimal(k % columns)
          row.byte(UInt8(ascii: ","))
          // Shortest round-trip decimal; `nan`, `inf` and `-inf` for non-finite
          // values, which Python's float() and pandas read.
          if _fastPath(scalar.isFinite) {
            row.shortest(scalar)
          } else {
            for byte in scalar.description.utf8 { row.byte(byte) }
          }
          row.literal("\r\n")
        }
      }
    }
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
