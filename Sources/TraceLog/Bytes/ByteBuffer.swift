import Model

/// Bytes being encoded, appended to in place and handed to a sink in chunks, so that
/// an export of any length holds only one chunk in memory.
///
/// The bytes live in raw storage that writers fill through a pointer after one
/// capacity check per value (`reserve`), rather than in an array grown a byte or a
/// slice at a time: the encoders append millions of short pieces, and the array's
/// generic appends would be most of their cost. It is still a value: a copy that is
/// written to gets its own storage first.
public struct ByteBuffer: @unchecked Sendable {
  private var storage: Storage
  public private(set) var count = 0
  var isEmpty: Bool { count == 0 }

  public init(capacity: Int = 1 << 16) {
    storage = Storage(capacity: Swift.max(capacity, 64))
  }

  /// A copy of the bytes written so far.
  public var bytes: [UInt8] {
    withUnsafeBytes { Array($0) }
  }

  /// The bytes written so far, without copying them (valid only inside `body`).
  public func withUnsafeBytes<Result, Failure: Error>(
    _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    try body(UnsafeRawBufferPointer(start: storage.base, count: count))
  }

  /// Room for `extra` more bytes, at the returned address; the caller writes there and
  /// then calls `didWrite` with how many it wrote.
  @inline(__always)
  public mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
    if _slowPath(count &+ extra > storage.capacity || !isKnownUniquelyReferenced(&storage)) {
      makeRoom(for: extra)
    }
    return storage.base + count
  }

  /// Counts `written` bytes written at the address `reserve` returned.
  @inline(__always)
  public mutating func didWrite(_ written: Int) {
    count &+= written
  }

  @inline(never)
  private mutating func makeRoom(for extra: Int) {
    let needed = count + extra
    let capacity =
      needed > storage.capacity ? Swift.max(needed, storage.capacity * 2) : storage.capacity
    let grown = Storage(capacity: capacity)
    grown.base.update(from: storage.base, count: count)
    storage = grown
  }

  public mutating func append(_ byte: UInt8) {
    reserve(1).pointee = byte
    count &+= 1
  }

  public mutating func append(_ string: String) {
    var string = string
    string.withUTF8 { append(bytesOf: $0) }
  }

  /// A constant piece (`{"type":"event","step":`), copied without looking at it.
  @inline(__always)
  public mutating func append(literal: StaticString) {
    append(
      bytesOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  public mutating func append(contentsOf other: some Sequence<UInt8>) {
    let done: Void? = other.withContiguousStorageIfAvailable { append(bytesOf: $0) }
    if done == nil {
      for byte in other { append(byte) }
    }
  }

  @inline(__always)
  mutating func append(bytesOf source: UnsafeRawBufferPointer) {
    append(bytesOf: source.assumingMemoryBound(to: UInt8.self))
  }

  @inline(__always)
  mutating func append(bytesOf source: UnsafeBufferPointer<UInt8>) {
    let n = source.count
    guard n > 0 else { return }
    reserve(n).update(from: source.baseAddress!, count: n)
    count &+= n
  }

  /// A whole number in decimal: `-12`, `0`, `4096`. Written in place, two digits at a
  /// time, without making a String first.
  public mutating func appendDecimal(_ value: Int) {
    write(atMost: ByteWriter.decimalBound) { $0.decimal(value) }
  }

  /// How many decimal digits `value` has (1 for zero).
  @inline(__always)
  static func decimalLength(_ value: UInt) -> Int {
    // Time steps, rows and sizes: from the bit length, without a loop.
    if value <= UInt(UInt32.max) {
      return ShortestFloat.decimalLength(UInt32(truncatingIfNeeded: value))
    }
    var length = 1
    var bound: UInt = 10
    while length < 20 && value >= bound {
      length += 1
      bound = bound &* 10
    }
    return length
  }

  /// Appends again the bytes at `range` of what was already written (a value written
  /// twice is formatted once).
  public mutating func appendCopy(of range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "range outside the buffer")
    let n = range.count
    let out = reserve(n)
    out.update(from: storage.base + range.lowerBound, count: n)
    count &+= n
  }

  /// Empties the buffer, keeping its storage.
  public mutating func removeAll() { count = 0 }

  /// The memory behind a buffer, shared by copies until one of them writes.
  private final class Storage {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
  }
}

extension ByteBuffer {
  /// A float32 in the shortest decimal that reads back to the same float32
  /// (`-0.70564395`, `1e-05`), byte for byte as `Float.description` writes it.
  /// Non-finite values have no JSON form and are written as `null`; the log reader
  /// refuses them.
  public mutating func appendJSON(_ value: Float) {
    let out = reserve(ShortestFloat.room)
    count &+= Self.writeJSON(value, at: out)
  }

  /// Writes `value` as `appendJSON` does at `out`, which has `ShortestFloat.room`
  /// bytes, and returns how many it wrote.
  @inline(__always)
  static func writeJSON(_ value: Float, at out: UnsafeMutablePointer<UInt8>) -> Int {
    if _fastPath(value.isFinite) { return ShortestFloat.write(value, to: out) }
    // "null" as one little-endian word.
    UnsafeMutableRawPointer(out).storeBytes(of: 0x6C6C_756E as UInt32, as: UInt32.self)
    return 4
  }

  /// A JSON string literal: quotes, backslashes and every control character escaped,
  /// so a word holding an escape sequence stays inert in the file.
  public mutating func appendJSON(_ string: String) {
    var string = string
    string.withUTF8 { utf8 in
      if appendJSONIfPlain(utf8) { return }
      let out = reserve(utf8.count * 6 + 2)
      count &+= JSONEscaping.writeEscaped(utf8, at: out) - out
    }
  }

  /// Most names and words need no escape: copies `utf8` in quotes and returns true,
  /// or writes nothing and returns false if some byte must be escaped.
  @inline(__always)
  private mutating func appendJSONIfPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = utf8.count
    // Eight spare bytes let the check read whole words past the end.
    let out = reserve(n + 2 + 8)
    out.pointee = UInt8(ascii: "\"")
    if n > 0 { (out + 1).update(from: utf8.baseAddress!, count: n) }
    if JSONEscaping.anyNeedsEscape(UnsafePointer(out + 1), count: n) { return false }
    out[n + 1] = UInt8(ascii: "\"")
    count &+= n + 2
    return true
  }

  /// `[1,4]`
  public mutating func appendJSON(shape: some Collection<Int>) {
    append(UInt8(ascii: "["))
    for (i, size) in shape.enumerated() {
      if i > 0 { append(UInt8(ascii: ",")) }
      appendDecimal(size)
    }
    append(UInt8(ascii: "]"))
  }

  /// `[-0.70564395,0.67411864]`
  public mutating func appendJSON(values: [Float]) {
    write(atMost: ByteWriter.bound(ofValues: values.count)) { $0.values(values) }
  }

  /// `["the","dog"]`
  public mutating func appendJSON(strings: [String]) {
    append(UInt8(ascii: "["))
    for (i, string) in strings.enumerated() {
      if i > 0 { append(UInt8(ascii: ",")) }
      appendJSON(string)
    }
    append(UInt8(ascii: "]"))
  }
}

extension ByteBuffer {
  /// A finite float32 as `Float.description` writes it (`-0.70564395`, `1e-05`).
  public mutating func appendShortest(_ value: Float) {
    precondition(value.isFinite, "appendShortest takes finite values")
    let out = reserve(ShortestFloat.room)
    count &+= ShortestFloat.write(value, to: out)
  }
}
