/// The registry of variants: every cell type the program runs.
extension Variant {
  /// Every variant, in the order help and messages list them.
  public static let allCases: [Variant] = [.linear, .rawTanh, .linearTanh, .torchRNN]

  /// The names for a message: `linear, raw-tanh or linear-tanh`.
  public static var listing: String {
    let names = allCases.map(\.rawValue)
    guard names.count > 1 else { return names.joined() }
    return names.dropLast().joined(separator: ", ") + " or " + names.last!
  }
}

/// A model's cell as its concrete type. Through `any RNNCell` a step is not
/// specialized for its listener: it looks up generic types at run time on every call.
/// A variant missing here still runs, through `.other`, only slower.
///
/// Each concrete cell sits in a box: matching a case copies its payload, and a box is
/// one reference to retain where a cell's tensors are several.
@usableFromInline
enum ConcreteCell: Sendable {
  case linear(CellBox<LinearCell>)
  case rawTanh(CellBox<RawTanhCell>)
  case linearTanh(CellBox<LinearTanhCell>)
  case other(any RNNCell)

  init(_ cell: any RNNCell) {
    switch cell {
    case let cell as LinearCell: self = .linear(CellBox(cell))
    case let cell as RawTanhCell: self = .rawTanh(CellBox(cell))
    case let cell as LinearTanhCell: self = .linearTanh(CellBox(cell))
    default: self = .other(cell)
    }
  }

  @inlinable
  func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor {
    switch self {
    case .linear(let box): box.step(input: e, previous: h, trace: &trace)
    case .rawTanh(let box): box.step(input: e, previous: h, trace: &trace)
    case .linearTanh(let box): box.step(input: e, previous: h, trace: &trace)
    case .other(let cell): cell.step(input: e, previous: h, trace: &trace)
    }
  }
}

/// A cell shared by reference (see `ConcreteCell`).
@usableFromInline
final class CellBox<Cell: RNNCell>: Sendable {
  @usableFromInline let cell: Cell

  init(_ cell: Cell) { self.cell = cell }

  /// The cell's step, called on the box: the cell is then read in place rather than
  /// copied out of the box first.
  @inlinable
  func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor {
    cell.step(input: e, previous: h, trace: &trace)
  }
}
