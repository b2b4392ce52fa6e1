import Model
import Yams

extension ChapterReader {
  static let literalForm = "numbers: `[0.5, -1]` for a vector, `[[0.5], [-1]]` for a 2×1 matrix"

  /// A tensor written out: a list of numbers (a vector) or a list of equally long rows.
  func readNumbers(_ node: Node, named name: String) throws(LessonError) -> Tensor {
    guard case .sequence(let items) = node, !items.isEmpty else {
      throw source.error(
        at: node.position, "\(name) is \(describe(node))", expected: Self.literalForm)
    }
    let expectedSize = "at most \(ModelLimits.maxDimension) numbers a row or a column"
    guard items.count <= ModelLimits.maxDimension else {
      throw source.error(
        at: node.position, "\(name) has \(items.count) entries", expected: expectedSize)
    }
    if case .sequence = items[0] {
      var scalars: [Float] = []
      var columns = 0
      for (r, row) in items.enumerated() {
        guard case .sequence(let entries) = row else {
          throw source.error(
            at: row.position, "row \(r + 1) of \(name) is \(describe(row))",
            expected: "a list of numbers, like the rows before it")
        }
        if r == 0 { columns = entries.count }
        guard entries.count == columns, columns > 0 else {
          throw source.error(
            at: row.position, "row \(r + 1) of \(name) has \(entries.count) numbers",
            expected: r == 0 ? "at least one number" : "\(columns), as row 1 has")
        }
        guard columns <= ModelLimits.maxDimension else {
          throw source.error(
            at: row.position, "row \(r + 1) of \(name) has \(columns) numbers",
            expected: expectedSize)
        }
        for entry in entries { scalars.append(try readNumber(entry, in: name)) }
      }
      return Tensor(shape: [items.count, columns], scalars: scalars)
    }
    var scalars: [Float] = []
    for entry in items { scalars.append(try readNumber(entry, in: name)) }
    return Tensor(shape: [items.count], scalars: scalars)
  }

  private func readNumber(_ node: Node, in name: String) throws(LessonError) -> Float {
    let tag = node.kind
    guard case .scalar = node, tag == .int || tag == .float, let value = node.float else {
      throw source.error(
        at: node.position, "an entry of \(name) is \(describe(node))",
        expected: "a number (a list inside a list is a row of a matrix)")
    }
    guard value.isFinite, abs(value) <= Double(Float.greatestFiniteMagnitude) else {
      throw source.error(
        at: node.position, "an entry of \(name) is \(node.string ?? "")",
        expected: "a finite float32 number")
    }
    return Float(value)
  }
}
