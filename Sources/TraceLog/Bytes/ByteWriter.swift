import Model

/// Writes into room a `ByteBuffer` reserved beforehand, with no capacity check per
/// piece: an encoder bounds the size of a whole event, reserves it once, and writes
/// its dozens of pieces here (`ByteBuffer.write(atMost:_:)`).
struct ByteWriter {
  private(set) var position: UnsafeMutablePointer<UInt8>
  /// Where the buffer's bytes start, for offsets into what it already holds.
  private let origin: UnsafeMutablePointer<UInt8>

  init(_ start: UnsafeMutablePointer<UInt8>, origin: UnsafeMutablePointer<UInt8>) {
    position = start
    self.origin = origin
  }

  /// Where the next byte goes, as an offset into the buffer.
  var offset: Int { position - origin }

  /// Writes `bytes` (from elsewhere than the room being written).
  @inline(__always)
  mutating func bytes(_ bytes: UnsafeRawBufferPointer) {
    guard let start = bytes.baseAddress else { return }
    UnsafeMutableRawPointer(position).copyMemory(from: start, byteCount: bytes.count)
    position += bytes.count
  }

  /// Writes again the buffer's bytes at `range` (offsets).
  @inline(__always)
  mutating func copy(offsets range: Range<Int>) {
    copy(from: origin + range.lowerBound, to: origin + range.upperBound)
  }

  /// The room `string(_:)` needs for `string`: every byte escaped as `\u00XX`, and
  /// eight spare bytes for the escape check's whole-word reads.
  @inline(__always)
  static func bound(ofJSON string: String) -> Int { string.utf8.count &* 6 &+ 10 }

  /// The most bytes `decimal(_:)` writes.
  static let decimalBound = 20

  /// The most bytes `shape(_:)` writes for `shape`.
  @inline(__always)
  static func bound(ofShape shape: some Collection<Int>) -> Int {
    shape.count &* (decimalBound &+ 1) &+ 2
  }

  /// The most bytes `values(_:)` writes for `count` values.
  @inline(__always)
  static func bound(ofValues count: Int) -> Int { count &* (ShortestFloat.room &+ 1) &+ 2 }

  @inline(__always)
  mutating func byte(_ byte: UInt8) {
    position.pointee = byte
    position += 1
  }

  @inline(__always)
  mutating func literal(_ text: StaticString) {
    let n = text.utf8CodeUnitCount
    position.update(from: text.utf8Start, count: n)
    position += n
  }

  @inline(__always)
  mutating func decimal(_ value: Int) {
    var start = position
    if value < 0 {
      start.pointee = UInt8(ascii: "-")
      start += 1
    }
    let length = ByteBuffer.decimalLength(value.magnitude)
    ShortestFloat.writeDigits(value.magnitude, endingAt: start + length)
    position = start + length
  }

  /// A JSON string literal, escaped as `ByteBuffer.appendJSON(_: String)` escapes it.
  @inline(__always)
  mutating func string(_ string: String) {
    var string = string
    string.withUTF8 { utf8 in
      let n = utf8.count
      position.pointee = UInt8(ascii: "\"")
      if n > 0 { (position + 1).update(from: utf8.baseAddress!, count: n) }
      // The copy is checked, not the source: reads past its end stay in the room.
      if _fastPath(!JSONEscaping.anyNeedsEscape(UnsafePointer(position + 1), count: n)) {
        position[n + 1] = UInt8(ascii: "\"")
        position += n + 2
      } else {
        position = JSONEscaping.writeEscaped(utf8, at: position)
      }
    }
  }

  /// Writes again the bytes from `start` to `end`, written earlier through this writer.
  @inline(__always)
  mutating func copy(from start: UnsafeMutablePointer<UInt8>, to end: UnsafeMutablePointer<UInt8>) {
    let n = end - start
    position.update(from: start, count: n)
    position += n
  }

  /// A finite float32 as `Float.description` writes it.
  @inline(__always)
  mutating func shortest(_ value: Float) {
    position += ShortestFloat.write(value, to: position)
  }

  /// `[1,4]`
  @inline(__always)
  mutating func shape(_ shape: some Collection<Int>) {
    byte(UInt8(ascii: "["))
    for (i, size) in shape.enumerated() {
      if i > 0 { byte(UInt8(ascii: ",")) }
      decimal(size)
    }
    byte(UInt8(ascii: "]"))
  }

  /// `[-0.70564395,0.67411864]`, `null` for a non-finite value.
  @inline(__always)
  mutating func values(_ values: [Float]) {
    values.withUnsafeBufferPointer { values in
      var out = position
      out.pointee = UInt8(ascii: "[")
      out += 1
      for (i, value) in values.enumerated() {
        if i > 0 {
          out.pointee = UInt8(ascii: ",")
          out += 1
        }
        out += ByteBuffer.writeJSON(value, at: out)
      }
      out.pointee = UInt8(ascii: "]")
      position = out + 1
    }
  }
}

extension ByteBuffer {
  /// Lets `body` write at most `bound` bytes through a writer, with one capacity check.
  @inline(__always)
  mutating func write(atMost bound: Int, _ body: (inout ByteWriter) -> Void) {
    let start = reserve(bound)
    var writer = ByteWriter(start, origin: start - count)
    body(&writer)
    let written = writer.position - start
    precondition(written <= bound, "wrote past the reserved room")
    didWrite(written)
  }
}

extension ByteWriter: NameWriter {
  /// A run of a name: most are 1 to 16 bytes, copied by two overlapping loads and stores
  /// instead of a call to `memmove`.
  @inline(__always) mutating func write(_ piece: UnsafeBufferPointer<UInt8>) {
    let n = piece.count
    guard n > 0, let start = piece.baseAddress else { return }
    let from = UnsafeRawPointer(start)
    let to = UnsafeMutableRawPointer(position)
    if n >= 8 {
      guard n <= 16 else { return bytes(UnsafeRawBufferPointer(piece)) }
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: n &- 8, as: UInt64.self)
    } else if n >= 4 {
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: n &- 4, as: UInt32.self)
    } else {
      to.storeBytes(of: start[0], as: UInt8.self)
      to.storeBytes(of: start[n &- 1], toByteOffset: n &- 1, as: UInt8.self)
      to.storeBytes(of: start[n &>> 1], toByteOffset: n &>> 1, as: UInt8.self)
    }
    position += n
  }
  /// A run of a template, copied 16 bytes at a time: the room a name's bound reserves
  /// (`TraceName.spelledBound`) holds the copy's spare bytes past the name's end.
  @inline(__always) mutating func write(run start: UnsafePointer<UInt8>, count n: Int) {
    let from = UnsafeRawPointer(start)
    let to = UnsafeMutableRawPointer(position)
    var copied = 0
    repeat {
      to.storeBytes(
        of: from.loadUnaligned(fromByteOffset: copied, as: UInt64.self), toByteOffset: copied,
        as: UInt64.self)
      to.storeBytes(
        of: from.loadUnaligned(fromByteOffset: copied &+ 8, as: UInt64.self),
        toByteOffset: copied &+ 8, as: UInt64.self)
      copied &+= 16
    } while copied < n
    position += n
  }
  @inline(__always) mutating func write(number: Int) { decimal(number) }
}

extension ByteWriter {
  /// The room `name(_:)` needs for `name`.
  @inline(__always)
  static func bound(ofName name: TraceName) -> Int {
    if let text = name.givenText { bound(ofJSON: text) } else { name.spelledBound + 2 }
  }

  /// A name as a JSON string. A cell's names are spelled straight into the room (none
  /// holds a character JSON escapes); names given as text are escaped like any string.
  @inline(__always)
  mutating func name(_ name: TraceName) {
    if let text = name.givenText {
      string(text)
    } else {
      byte(UInt8(ascii: "\""))
      name.spell(into: &self)
      byte(UInt8(ascii: "\""))
    }
  }
}
