/// The width of a column of values: the widest signed number, plus a space.
struct ColumnWidth {
  private var widest = 7

  init() {}

  init(_ values: [Float]) { include(values) }

  mutating func include(_ v: Float) { widest = max(widest, NumberFormat.signedWidth(v)) }

  mutating func include(_ values: [Float]) {
    for v in values { include(v) }
  }

  var columns: Int { widest + 1 }
}
