/// The index of a safetensors file, checked: an 8-byte little-endian header length, a
/// JSON header of `name: {dtype, shape, data_offsets}` (and an optional
/// `__metadata__` of strings), then the tensors' raw little-endian bytes.
///
/// Reads nothing itself: it is given the file's bytes (memory-mapped by the command)
/// and only says where each tensor lies in them, after checking that every tensor lies
/// inside the data, fills exactly the bytes its dtype and shape need, and overlaps no
/// other. `values(of:in:)` then reads one as float32.
public struct SafetensorsFile: Sendable {
  /// One tensor of the header.
  public struct Entry: Sendable, Equatable {
    public let name: String
    /// As the header spells it: `F32`, `F16`, `BF16`, `F64`, `I64`, …
    public let dtype: String
    public let shape: [Int]
    /// Where its bytes are, from the start of the file.
    public let bytes: Range<Int>

    public var count: Int { shape.reduce(1, *) }
  }

  /// The longest header read (the safetensors library's own limit).
  public static let maxHeaderLength = 100_000_000

  /// The size in bytes of one value of each dtype the format defines.
  static let dtypeSizes: [String: Int] = [
    "BOOL": 1, "U8": 1, "I8": 1, "F8_E4M3": 1, "F8_E5M2": 1, "F8_E8M0": 1, "I16": 2, "U16": 2,
    "F16": 2, "BF16": 2, "I32": 4, "U32": 4, "F32": 4, "I64": 8, "U64": 8, "F64": 8, "C64": 8,
  ]

  /// The dtypes read as float32: F32 exactly, the others converted.
  public static let floatDTypes = ["F32", "F16", "BF16", "F64"]

  /// The tensors, in the header's order.
  public let entries: [Entry]
  /// `__metadata__`, in the header's order.
  public let metadata: [(key: String, value: String)]

  public init(parsing file: UnsafeRawBufferPointer) throws(SafetensorsError) {
    guard file.count >= 8 else {
      throw SafetensorsError(
        "not a safetensors file: \(file.count) bytes, fewer than the 8 of its header length")
    }
    var length: UInt64 = 0
    for k in 0..<8 { length |= UInt64(file[k]) << (8 * k) }
    guard length <= UInt64(file.count - 8) else {
      throw SafetensorsError(
        "not a safetensors file: its first 8 bytes give a header of \(length) bytes, past the end of the file (\(file.count) bytes)"
      )
    }
    guard length <= UInt64(Self.maxHeaderLength) else {
      throw SafetensorsError(
        "the header is \(length) bytes long; expected at most \(Self.maxHeaderLength)")
    }
    let headerEnd = 8 + Int(length)
    let header = UnsafeBufferPointer(
      rebasing: file.assumingMemoryBound(to: UInt8.self)[8..<headerEnd])
    guard header.first == UInt8(ascii: "{") else {
      throw SafetensorsError(
        "not a safetensors file: its header does not start with '{' (a JSON object)")
    }
    var entries: [Entry] = []
    var metadata: [(key: String, value: String)] = []
    do throws(TraceLogError) {
      var cursor = JSONCursor(header, line: 1)
      var seen = Set<String>()
      try cursor.object { (cursor, key) throws(TraceLogError) in
        guard seen.insert(key).inserted else {
          throw cursor.error("the key \"\(key)\" appears twice")
        }
        if key == "__metadata__" {
          try cursor.object { (cursor, name) throws(TraceLogError) in
            guard !metadata.contains(where: { $0.key == name }) else {
              throw cursor.error("the __metadata__ key \"\(name)\" appears twice")
            }
            guard cursor.peek(UInt8(ascii: "\"")) else {
              throw cursor.error(
                "__metadata__ \"\(name)\": expected a string, found \(cursor.kindAhead)")
            }
            metadata.append((name, try cursor.string()))
          }
        } else {
          entries.append(try Self.entry(key, &cursor, dataStart: headerEnd))
        }
      }
      cursor.skipWhitespace()
      guard cursor.isAtEnd else {
        throw cursor.error(
          "unexpected bytes after the header's object at column \(cursor.offset + 1)")
      }
    } catch {
      throw SafetensorsError("the header: \(error.message)")
    }
    try Self.checkPlaces(entries, dataStart: headerEnd, fileSize: file.count)
    self.entries = entries
    self.metadata = metadata
  }

  private static func entry(_ name: String, _ cursor: inout JSONCursor, dataStart: Int)
    throws(TraceLogError) -> Entry
  {
    var dtype: String?
    var shape: [Int]?
    var offsets: [Int]?
    guard cursor.peek(UInt8(ascii: "{")) else {
      throw cursor.error("tensor \"\(name)\": expected an object, found \(cursor.kindAhead)")
    }
    try cursor.object { (cursor, key) throws(TraceLogError) in
      func integers(_ what: String) throws(TraceLogError) -> [Int] {
        guard cursor.peek(UInt8(ascii: "[")) else {
          throw cursor.error(
            "tensor \"\(name)\": \(what) is \(cursor.kindAhead); expected an array of whole numbers"
          )
        }
        var out: [Int] = []
        try cursor.array { (cursor) throws(TraceLogError) in
          guard out.count < 64 else {
            throw cursor.error("tensor \"\(name)\": \(what) has more than 64 numbers")
          }
          out.append(try cursor.integer("tensor \"\(name)\": \(what)", in: 0...Int(Int64.max)))
        }
        return out
      }
      switch key {
      case "dtype" where dtype == nil:
        guard cursor.peek(UInt8(ascii: "\"")) else {
          throw cursor.error("tensor \"\(name)\": dtype is \(cursor.kindAhead); expected a string")
        }
        let value = try cursor.string()
        guard dtypeSizes[value] != nil else {
          throw cursor.error(
            "tensor \"\(name)\": unknown dtype \"\(value)\"; expected one of \(dtypeSizes.keys.sorted().joined(separator: ", "))"
          )
        }
        dtype = value
      case "shape" where shape == nil:
        shape = try integers("shape")
      case "data_offsets" where offsets == nil:
        let pair = try integers("data_offsets")
        guard pair.count == 2 else {
          throw cursor.error(
            "tensor \"\(name)\": data_offsets has \(pair.count) numbers; expected two, [begin, end]"
          )
        }
        offsets = pair
      default:
        throw cursor.error(
          "tensor \"\(name)\": unexpected or repeated key \"\(key)\"; expected dtype, shape and data_offsets, once each"
        )
      }
    }
    guard let dtype, let shape, let offsets else {
      let missing = [
        ("dtype", dtype == nil), ("shape", shape == nil), ("data_offsets", offsets == nil),
      ]
      .filter(\.1).map(\.0)
      throw cursor.error("tensor \"\(name)\" has no \(missing.joined(separator: " or "))")
    }
    var count = 1
    for size in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: size)
      guard !overflow, product <= Int(Int32.max) else {
        throw cursor.error("tensor \"\(name)\": shape \(shape) holds too many values")
      }
      count = product
    }
    let (begin, end) = (offsets[0], offsets[1])
    guard begin <= end else {
      throw cursor.error(
        "tensor \"\(name)\": data_offsets [\(begin), \(end)] end before they begin")
    }
    let needed = count * dtypeSizes[dtype]!
    guard end - begin == needed else {
      throw cursor.error(
        "tensor \"\(name)\": data_offsets [\(begin), \(end)] hold \(end - begin) bytes, but \(dtype) of shape \(shape) needs \(needed)"
      )
    }
    guard end <= Int.max - dataStart else {
      throw cursor.error("tensor \"\(name)\": data_offsets [\(begin), \(end)] are out of range")
    }
    return Entry(name: name, dtype: dtype, shape: shape, bytes: dataStart + begin..<dataStart + end)
  }

  /// Every tensor inside the data, and none overlapping another.
  private static func checkPlaces(_ entries: [Entry], dataStart: Int, fileSize: Int)
    throws(SafetensorsError)
  {
    let dataSize = fileSize - dataStart
    for entry in entries where entry.bytes.upperBound > fileSize {
      throw SafetensorsError(
        "tensor \"\(entry.name)\": data_offsets [\(entry.bytes.lowerBound - dataStart), \(entry.bytes.upperBound - dataStart)] lie outside the data (\(dataSize) bytes after the header)"
      )
    }
    let placed = entries.filter { !$0.bytes.isEmpty }.sorted {
      $0.bytes.lowerBound < $1.bytes.lowerBound
    }
    for (earlier, later) in zip(placed, placed.dropFirst())
    where later.bytes.lowerBound < earlier.bytes.upperBound {
      throw SafetensorsError(
        "tensors \"\(earlier.name)\" and \"\(later.name)\" overlap: their data_offsets share bytes"
      )
    }
  }

  /// The tensor's values as float32, little-endian: F32 as stored, F16, BF16 and F64
  /// rounded to the nearest float32 (as PyTorch's `.float()` does). nil for other dtypes.
  public func values(of entry: Entry, in file: UnsafeRawBufferPointer) -> [Float]? {
    let raw = UnsafeRawBufferPointer(rebasing: file[entry.bytes])
    let n = entry.count
    switch entry.dtype {
    case "F32":
      return (0..<n).map {
        Float(
          bitPattern: UInt32(
            littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)))
      }
    case "F64":
      return (0..<n).map {
        Float(
          Double(
            bitPattern: UInt64(
              littleEndian: raw.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self))))
      }
    case "BF16":
      return (0..<n).map {
        Float(
          bitPattern: UInt32(
            UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self))) << 16)
      }
    case "F16":
      return (0..<n).map {
        Self.half(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self)))
      }
    default:
      return nil
    }
  }

  /// An IEEE binary16 value, exactly, as float32 (every binary16 value is one).
  static func half(_ bits: UInt16) -> Float {
    let sign: Float = bits & 0x8000 == 0 ? 1 : -1
    let exponent = Int(bits >> 10 & 0x1F)
    let fraction = UInt32(bits & 0x3FF)
    switch exponent {
    case 0: return sign * Float(fraction) * 0x1p-24
    case 31:
      let magnitude = Float(bitPattern: 0x7F80_0000 | fraction << 13)
      return sign < 0 ? -magnitude : magnitude
    default:
      return sign * Float(bitPattern: UInt32(exponent - 15 + 127) << 23 | fraction << 13)
    }
  }
}

/// Why a safetensors file cannot be read, or does not describe a model rnntrace runs.
public struct SafetensorsError: Error, Equatable, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}
