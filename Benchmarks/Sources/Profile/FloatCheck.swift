import Model
import TraceLog

#if canImport(Glibc)
  import Glibc
#endif

/// `Profile floats check [first last]`: the JSON float writer against `Float.description`
/// for every finite float32 whose bit pattern is in first … last (decimal or 0x hex;
/// all 2^32 by default). `Profile floats parse [first last]`: the log reader's float
/// parser (`DecimalFloat`) reads each of those texts back to its own bits. Too slow for
/// the debug test run, which checks a spread; run it in a release build after any change
/// to the digit generation or the parser, in chunks if need be.
enum FloatCheck {
  static func run(_ range: [String], parsing: Bool = false) -> Bool {
    var first: UInt32 = 0
    var last = UInt32.max
    if !range.isEmpty {
      guard range.count == 2, let low = bitPattern(range[0]), let high = bitPattern(range[1]),
        low <= high
      else {
        print("usage: Profile floats check|parse [first last] (bit patterns, first <= last)")
        exit(64)
      }
      first = low
      last = high
    }
    var buffer = ByteBuffer(capacity: 64)
    var checked = 0
    var mismatches = 0
    var bits = UInt64(first)
    while bits <= UInt64(last) {
      let pattern = UInt32(truncatingIfNeeded: bits)
      bits &+= 1
      if pattern & 0x7F80_0000 == 0x7F80_0000 { continue }  // infinities and NaNs
      if pattern & 0x0FFF_FFFF == 0 { progress(pattern, mismatches) }
      let value = Float(bitPattern: pattern)
      buffer.removeAll()
      buffer.appendShortest(value)
      if parsing {
        let read = buffer.withUnsafeBytes {
          DecimalFloat.parse($0.assumingMemoryBound(to: UInt8.self))
        }
        checked += 1
        if read.bitPattern != pattern {
          mismatches += 1
          if mismatches <= 10 {
            let text = String(decoding: buffer.bytes, as: UTF8.self)
            print(
              "mismatch: bits \(hex(pattern)): \(text) reads back as bits \(hex(read.bitPattern))")
          }
        }
        continue
      }
      var expected = value.description
      let same = expected.withUTF8 { wanted in
        buffer.withUnsafeBytes { got in
          got.count == wanted.count && memcmp(got.baseAddress!, wanted.baseAddress!, got.count) == 0
        }
      }
      checked += 1
      if !same {
        mismatches += 1
        if mismatches <= 10 {
          let got = String(decoding: buffer.bytes, as: UTF8.self)
          print("mismatch: bits \(hex(pattern)): wrote \(got), description \(expected)")
        }
      }
    }
    print(
      "\(parsing ? "parsed" : "checked") \(checked) finite floats, bits \(hex(first)) … \(hex(last)): \(mismatches) mismatches"
    )
    return mismatches == 0
  }

  private static func progress(_ pattern: UInt32, _ mismatches: Int) {
    print("at \(hex(pattern)), \(mismatches) mismatches so far")
    fflush(nil)  // all streams: `stdout` is not concurrency-safe to name
  }

  private static func bitPattern(_ text: String) -> UInt32? {
    text.hasPrefix("0x") ? UInt32(text.dropFirst(2), radix: 16) : UInt32(text)
  }

  private static func hex(_ pattern: UInt32) -> String {
    let digits = String(pattern, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
  }
}
