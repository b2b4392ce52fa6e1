/// The sizes of a tensor's dimensions, outermost first: `[1, 4]` is one row of four.
///
/// The model's tensors are vectors and matrices, so their sizes are held inline: a
/// shape costs no allocation and no reference count, where an `[Int]` cost one of each
/// per tensor. Any other rank (only ever seen in tests of PyTorch's generator) is kept
/// in an array. It reads like `[Int]`: a collection of sizes, written `[1, 4]`, and
/// comparable with an `[Int]`.
public struct TensorShape: Hashable, Sendable, RandomAccessCollection, ExpressibleByArrayLiteral,
  CustomStringConvertible
{
  @usableFromInline
  enum Storage: Hashable, Sendable {
    case vector(Int)
    case matrix(Int, Int)
    case other([Int])
  }

  @usableFromInline let storage: Storage

  /// A matrix of `rows` × `columns`.
  @inlinable
  public init(rows: Int, columns: Int) {
    storage = .matrix(rows, columns)
  }

  /// A vector of `count` elements.
  @inlinable
  public init(vector count: Int) {
    storage = .vector(count)
  }

  public init(_ sizes: [Int]) {
    switch sizes.count {
    case 1: storage = .vector(sizes[0])
    case 2: storage = .matrix(sizes[0], sizes[1])
    default: storage = .other(sizes)
    }
  }

  public init(arrayLiteral sizes: Int...) {
    self.init(sizes)
  }

  @inlinable public var startIndex: Int { 0 }

  @inlinable
  public var endIndex: Int {
    switch storage {
    case .vector: 1
    case .matrix: 2
    case .other(let sizes): sizes.count
    }
  }

  @inlinable
  public subscript(position: Int) -> Int {
    switch storage {
    case .vector(let n):
      precondition(position == 0, "index \(position) of a vector's shape")
      return n
    case .matrix(let rows, let columns):
      precondition(position == 0 || position == 1, "index \(position) of a matrix's shape")
      return position == 0 ? rows : columns
    case .other(let sizes):
      return sizes[position]
    }
  }

  /// The number of elements a tensor of this shape holds.
  @inlinable
  public var elementCount: Int {
    switch storage {
    case .vector(let n): n
    case .matrix(let rows, let columns): rows * columns
    case .other(let sizes): sizes.reduce(1, *)
    }
  }

  /// `[1, 4]`, as an `[Int]` prints.
  public var description: String {
    "[" + map(String.init).joined(separator: ", ") + "]"
  }

  public static func == (lhs: TensorShape, rhs: [Int]) -> Bool { lhs.elementsEqual(rhs) }
  public static func == (lhs: [Int], rhs: TensorShape) -> Bool { rhs.elementsEqual(lhs) }
  public static func != (lhs: TensorShape, rhs: [Int]) -> Bool { !lhs.elementsEqual(rhs) }
  public static func != (lhs: [Int], rhs: TensorShape) -> Bool { !rhs.elementsEqual(lhs) }
}

extension ByteBuffer {
  /// `[1,4]`
  public mutating func appendJSON(shape: TensorShape) {
    append(UInt8(ascii: "["))
    for (i, size) in shape.enumerated() {
      if i > 0 { append(UInt8(ascii: ",")) }
      appendDecimal(size)
    }
    append(UInt8(ascii: "]"))
  }
}
