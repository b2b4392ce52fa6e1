/// Where a name's pieces go: a String being built, or an encoder's bytes.
public protocol NameWriter {
  /// A run of a template's UTF-8, whole characters.
  mutating func write(_ piece: UnsafeBufferPointer<UInt8>)
  mutating func write(number: Int)
  /// The `count` bytes of a template at `start`, whole characters, with the bytes up to
  /// 16 after the run's end readable too: a writer with room may copy 16 bytes at a time
  /// and count only `count` of them. By default, `write(_:)` of the run.
  mutating func write(run start: UnsafePointer<UInt8>, count: Int)
}

extension NameWriter {
  @inlinable
  public mutating func write(run start: UnsafePointer<UInt8>, count: Int) {
    write(UnsafeBufferPointer(start: start, count: count))
  }
}

extension String: NameWriter {
  public mutating func write(_ piece: UnsafeBufferPointer<UInt8>) {
    self += String(decoding: piece, as: UTF8.self)
  }
  public mutating func write(number: Int) { self += String(number) }
}

/// A name's UTF-8 in a fixed buffer: the names the cells give fit in `capacity` bytes
/// (the longest, 48 bytes of text with three numbers of at most 20 digits); `string` is
/// nil if one did not.
struct NameBytes: NameWriter {
  static let capacity = 128
  let buffer: UnsafeMutableBufferPointer<UInt8>
  var count = 0
  var overflowed = false

  init(buffer: UnsafeMutableBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  var string: String? {
    overflowed
      ? nil : String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
  }

  mutating func write(_ piece: UnsafeBufferPointer<UInt8>) {
    let length = piece.count
    guard count + length <= buffer.count else {
      overflowed = true
      return
    }
    (buffer.baseAddress! + count).update(from: piece.baseAddress!, count: length)
    count += length
  }

  mutating func write(number: Int) {
    if number < 0 { append(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    var divisor: UInt = 1
    while magnitude / divisor >= 10 { divisor *= 10 }
    repeat {
      append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    } while divisor > 0
  }

  private mutating func append(_ byte: UInt8) {
    guard count < buffer.count else {
      overflowed = true
      return
    }
    buffer[count] = byte
    count += 1
  }
}
