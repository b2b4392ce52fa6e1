/// A sorted set of float32 bit patterns stored as runs of consecutive values, for tables of
/// inputs on which a PyTorch kernel departs from a simple rule (see `TorchTanh`).
struct BitPatternRuns: Sendable {
  /// The first bit pattern of each run, ascending.
  let starts: [UInt32]
  /// The last bit pattern of each run (inclusive), parallel to `starts`.
  let ends: [UInt32]
  /// Entry b: how many runs start below b·2^16, for b = 0 … 2^15 (every non-negative
  /// float32's high bits): a lookup narrows the search to the runs that start among
  /// the 65,536 patterns of its bucket, a few instead of all of them.
  private let buckets: [UInt32]

  /// The number of bit patterns in all runs.
  var count: Int {
    zip(starts, ends).reduce(0) { $0 + Int($1.1 - $1.0) + 1 }
  }

  /// Decodes the compact text that `scripts/generate_tanh_flips.py` writes: unsigned numbers
  /// in 5-bit little-endian groups, one base64 character per group, 32 set on all but a
  /// number's last; per run `(gap << 1) | long`, then `length - 2` when `long` is 1. Gaps
  /// count from one past the previous run's end. Line breaks are ignored.
  init(encoded text: String) {
    // Read from the contiguous UTF-8 and into reserved arrays: every process that uses
    // tanh decodes the whole table at start-up (about 100 KB of text).
    var text = text
    let numbers = text.withUTF8 { utf8 in
      var numbers: [UInt64] = []
      numbers.reserveCapacity(utf8.count / 2)
      var value: UInt64 = 0
      var shift: UInt64 = 0
      for byte in utf8 {
        guard let digit = Self.digit(byte) else { continue }
        value |= UInt64(digit & 31) << shift
        shift += 5
        if digit & 32 == 0 {
          numbers.append(value)
          value = 0
          shift = 0
        }
      }
      return numbers
    }
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    starts.reserveCapacity(numbers.count)
    ends.reserveCapacity(numbers.count)
    var next: UInt64 = 0
    var index = 0
    while index < numbers.count {
      let start = next + numbers[index] >> 1
      var end = start
      if numbers[index] & 1 == 1 {
        index += 1
        end = start + numbers[index] + 1
      }
      index += 1
      starts.append(UInt32(start))
      ends.append(UInt32(end))
      next = end + 1
    }
    self.starts = starts
    self.ends = ends
    buckets = Self.buckets(starts)
  }

  /// Decodes the binary form `scripts/generate_tanh_flips.py` writes: `TANHFLP1`, the
  /// runs' and the bit patterns' counts (UInt32, little-endian), then the same numbers as
  /// the text form as LEB128 varints. A table that does not decode to its counts stops
  /// the program: it is compiled in, so that is a build error.
  init(binary bytes: UnsafeBufferPointer<UInt8>) {
    let magic = Array("TANHFLP1".utf8)
    precondition(bytes.count >= 16 && Array(bytes[0..<8]) == magic, "not a tanh flip table")
    func word(_ at: Int) -> Int {
      (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }
    let runCount = word(8)
    let patternCount = word(12)
    // One pass over the bytes with a raw pointer into arrays of the final size: this
    // runs at the first tanh of an intel-avx512 model (700,000 runs, a megabyte).
    var ends = [UInt32](repeating: 0, count: runCount)
    var decoded = 0
    let starts = [UInt32](unsafeUninitializedCapacity: runCount) { starts, initialized in
      ends.withUnsafeMutableBufferPointer { ends in
        var p = bytes.baseAddress! + 16
        let end = bytes.baseAddress! + bytes.count
        var following: UInt32 = 0
        @inline(__always) func next() -> UInt32 {
          var value: UInt32 = 0
          var shift: UInt32 = 0
          while p < end {
            let byte = p.pointee
            p += 1
            value |= UInt32(byte & 127) &<< shift
            if byte < 128 { break }
            shift &+= 7
          }
          return value
        }
        while p < end && decoded < runCount {
          let number = next()
          let start = following &+ number &>> 1
          let last = number & 1 == 1 ? start &+ next() &+ 1 : start
          starts[decoded] = start
          ends[decoded] = last
          following = last &+ 1
          decoded += 1
        }
      }
      initialized = decoded
    }
    self.starts = starts
    self.ends = ends
    buckets = Self.buckets(starts)
    precondition(decoded == runCount && count == patternCount, "tanh flip table damaged")
  }

  private static func buckets(_ starts: [UInt32]) -> [UInt32] {
    var buckets = [UInt32](repeating: 0, count: (1 << 15) + 1)
    var run = 0
    for b in buckets.indices {
      let bound = UInt64(b) << 16
      while run < starts.count && UInt64(starts[run]) < bound { run += 1 }
      buckets[b] = UInt32(run)
    }
    return buckets
  }

  /// Whether `bits` lies in one of the runs.
  func contains(_ bits: UInt32) -> Bool {
    guard let first = starts.first, bits >= first, bits <= ends[ends.count - 1] else {
      return false
    }
    // The runs that can hold `bits`: the last one starting before its bucket, and
    // those starting in it.
    let bucket = Int(bits >> 16)
    var base = 0
    var end = starts.count
    if bucket + 1 < buckets.count {
      base = max(Int(buckets[bucket]) - 1, 0)
      end = Int(buckets[bucket + 1])
    }
    // The last run starting at or before `bits`: a binary search without bounds checks
    // or branches on the data (every element of a tensor goes through here).
    return starts.withUnsafeBufferPointer { starts in
      var low = base
      var count = end - base
      while count > 1 {
        let half = count / 2
        low = starts[low + half] <= bits ? low + half : low
        count -= half
      }
      return ends.withUnsafeBufferPointer { bits <= $0[low] }
    }
  }

  private static func digit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"): 62
    case UInt8(ascii: "/"): 63
    default: nil
    }
  }
}
