/// The sizes of a tensor's dimensions, outermost first: `[1, 4]` is one row of four.
///
/// A tensor is a vector or a matrix (the lesson parser, the log reader and the
/// generator's callers only make those), so its sizes are held inline: a shape costs no
/// allocation and no reference count, where an `[Int]` cost one of each per tensor. It
/// reads like `[Int]`: a collection of sizes, written `[1, 4]`, comparable with an `[Int]`.
public struct TensorShape: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral,
  CustomStringConvertible
{
  /// The rows of a matrix, or the length of a vector.
  @usableFromInline let outer: Int
  /// The columns of a matrix (0 for a vector).
  @usableFromInline let inner: Int
  @usableFromInline let isMatrix: Bool

  /// A matrix of `rows` × `columns`.
  @inlinable
  public init(rows: Int, columns: Int) {
    outer = rows
    inner = columns
    isMatrix = true
  }

  /// A vector of `count` elements.
  @inlinable
  public init(vector count: Int) {
    outer = count
    inner = 0
    isMatrix = false
  }

  /// One or two sizes.
  public init(_ sizes: [Int]) {
    precondition(sizes.count == 1 || sizes.count == 2, "a tensor has rank 1 or 2, not \(sizes)")
    if sizes.count == 1 {
      self.init(vector: sizes[0])
    } else {
      self.init(rows: sizes[0], columns: sizes[1])
    }
  }

  public init(arrayLiteral sizes: Int...) {
    self.init(sizes)
  }

  @inlinable public var startIndex: Int { 0 }
  @inlinable public var endIndex: Int { isMatrix ? 2 : 1 }

  @inlinable
  public subscript(position: Int) -> Int {
    precondition(position >= 0 && position < endIndex, "index \(position) of shape \(self)")
    return position == 0 ? outer : inner
  }

  /// The number of elements a tensor of this shape holds.
  @inlinable public var elementCount: Int { isMatrix ? outer * inner : outer }

  /// `[1, 4]`, as an `[Int]` prints.
  public var description: String {
    isMatrix ? "[\(outer), \(inner)]" : "[\(outer)]"
  }

  public static func == (lhs: TensorShape, rhs: [Int]) -> Bool { lhs.elementsEqual(rhs) }
  public static func == (lhs: [Int], rhs: TensorShape) -> Bool { rhs.elementsEqual(lhs) }
  public static func != (lhs: TensorShape, rhs: [Int]) -> Bool { !lhs.elementsEqual(rhs) }
  public static func != (lhs: [Int], rhs: TensorShape) -> Bool { !rhs.elementsEqual(lhs) }
}
