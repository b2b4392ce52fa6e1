import Model

/// A strict JSON reader over one line of bytes (RFC 8259), driven by what the trace
/// format expects next rather than building a tree: values go straight into their
/// Swift types. Every error names the line and the column (a byte offset from 1).
struct JSONCursor {
  private let bytes: UnsafeBufferPointer<UInt8>
  private(set) var offset = 0
  let line: Int

  /// How deeply an unknown value may nest before the reader gives up on it.
  static let maxDepth = 64

  init(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
    self.bytes = bytes
    self.line = line
  }

  // MARK: Errors

  func error(_ message: String) -> TraceLogError {
    TraceLogError(line: line, message)
  }

  func syntaxError(_ expected: String) -> TraceLogError {
    skipToken { found in
      TraceLogError(
        line: line, "not valid JSON at column \(offset + 1): expected \(expected), found \(found)")
    }
  }

  private func skipToken(_ make: (String) -> TraceLogError) -> TraceLogError {
    guard offset < bytes.count else { return make("the end of the line") }
    let byte = bytes[offset]
    if byte >= 0x21 && byte < 0x7F {
      return make("'\(Character(Unicode.Scalar(byte)))'")
    }
    return make("byte 0x\(String(byte, radix: 16, uppercase: true))")
  }

  // MARK: Structure

  mutating func skipWhitespace() {
    while offset < bytes.count {
      switch bytes[offset] {
      case 0x20, 0x09, 0x0A, 0x0D: offset += 1
      default: return
      }
    }
  }

  var isAtEnd: Bool { offset >= bytes.count }

  /// What kind of value starts here, for messages: "a string", "a number", …
  var kindAhead: String {
    guard offset < bytes.count else { return "nothing" }
    switch bytes[offset] {
    case UInt8(ascii: "\""): return "a string"
    case UInt8(ascii: "{"): return "an object"
    case UInt8(ascii: "["): return "an array"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
    case UInt8(ascii: "n"): return "null"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
    default: return "something that is not JSON"
    }
  }

  mutating func peek(_ byte: UInt8) -> Bool {
    skipWhitespace()
    return offset < bytes.count && bytes[offset] == byte
  }

  /// Reads `byte`; `what` is built only for the message when it is missing (it names
  /// the key being read, so building it for every key cost more than the reading).
  mutating func expect(_ byte: UInt8, _ what: @autoclosure () -> String) throws(TraceLogError) {
    skipWhitespace()
    guard offset < bytes.count, bytes[offset] == byte else { throw syntaxError(what()) }
    offset += 1
  }

  /// Reads `{ "key": value, … }`, handing each key to `body`, which must read its value.
  mutating func object(_ body: (inout JSONCursor, String) throws(TraceLogError) -> Void)
    throws(TraceLogError)
  {
    try expect(UInt8(ascii: "{"), "'{'")
    if peek(UInt8(ascii: "}")) {
      offset += 1
      return
    }
    while true {
      skipWhitespace()
      guard peek(UInt8(ascii: "\"")) else { throw syntaxError("a key in quotes") }
      let key = try string()
      try expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"")
      try body(&self, key)
      skipWhitespace()
      if peek(UInt8(ascii: ",")) {
        offset += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "',' or '}'")
      return
    }
  }

  /// Reads `[ value, … ]`, calling `body` to read each element.
  mutating func array(_ body: (inout JSONCursor) throws(TraceLogError) -> Void)
    throws(TraceLogError)
  {
    try expect(UInt8(ascii: "["), "'['")
    if peek(UInt8(ascii: "]")) {
      offset += 1
      return
    }
    while true {
      try body(&self)
      if peek(UInt8(ascii: ",")) {
        offset += 1
        continue
      }
      try expect(UInt8(ascii: "]"), "',' or ']'")
      return
    }
  }

  /// Nothing but white space may follow the top-level value.
  mutating func expectEnd() throws(TraceLogError) {
    skipWhitespace()
    guard isAtEnd else { throw syntaxError("the end of the line after the object") }
  }

  /// Reads and drops any value (a key this reader does not know), nesting at most
  /// `maxDepth` deep.
  mutating func skipValue(depth: Int = 0) throws(TraceLogError) {
    guard depth < Self.maxDepth else {
      throw error("values nested more than \(Self.maxDepth) deep at column \(offset + 1)")
    }
    skipWhitespace()
    guard offset < bytes.count else { throw syntaxError("a value") }
    switch bytes[offset] {
    case UInt8(ascii: "{"):
      try object { (cursor, _) throws(TraceLogError) in try cursor.skipValue(depth: depth + 1) }
    case UInt8(ascii: "["):
      try array { (cursor) throws(TraceLogError) in try cursor.skipValue(depth: depth + 1) }
    case UInt8(ascii: "\""): _ = try string()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: _ = try numberToken()
    }
  }

  mutating func literal(_ word: StaticString) throws(TraceLogError) {
    skipWhitespace()
    let n = word.utf8CodeUnitCount
    guard offset + n <= bytes.count else { throw syntaxError("\(word)") }
    for k in 0..<n where bytes[offset + k] != word.utf8Start[k] {
      throw syntaxError("\(word)")
    }
    offset += n
  }

  /// Whether a `null` comes next (and reads it).
  mutating func null() throws(TraceLogError) -> Bool {
    guard peek(UInt8(ascii: "n")) else { return false }
    try literal("null")
    return true
  }

  // MARK: Strings

  /// A string, its escapes decoded; refuses raw control characters, bad escapes,
  /// lone surrogates and invalid UTF-8.
  mutating func string() throws(TraceLogError) -> String {
    try expect(UInt8(ascii: "\""), "a string")
    let begin = offset
    // Fast path: no escapes.
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        let raw = UnsafeBufferPointer(rebasing: bytes[begin..<offset])
        offset += 1
        return try decode(raw, at: begin)
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      offset += 1
    }
    var out = Array(bytes[begin..<offset])
    while offset < bytes.count {
      let byte = bytes[offset]
      switch byte {
      case UInt8(ascii: "\""):
        offset += 1
        return try out.withUnsafeBufferPointer { (raw) throws(TraceLogError) in
          try decode(raw, at: begin)
        }
      case UInt8(ascii: "\\"):
        try escape(into: &out)
      case 0..<0x20:
        throw error(
          "not valid JSON at column \(offset + 1): a control character (0x\(String(byte, radix: 16))) inside a string must be escaped"
        )
      default:
        out.append(byte)
        offset += 1
      }
    }
    throw error("not valid JSON: a string opened at column \(begin) is not closed")
  }

  private func decode(_ raw: UnsafeBufferPointer<UInt8>, at column: Int) throws(TraceLogError)
    -> String
  {
    // ASCII, which almost every key and name is, needs no validating; the generic
    // validation would be a sixth of reading a log.
    if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
    guard let text = String(validating: raw, as: UTF8.self) else {
      throw error("the string at column \(column) is not valid UTF-8")
    }
    return text
  }

  private mutating func escape(into out: inout [UInt8]) throws(TraceLogError) {
    offset += 1
    guard offset < bytes.count else { throw syntaxError("an escape after '\\'") }
    let byte = bytes[offset]
    offset += 1
    switch byte {
    case UInt8(ascii: "\""): out.append(byte)
    case UInt8(ascii: "\\"): out.append(byte)
    case UInt8(ascii: "/"): out.append(byte)
    case UInt8(ascii: "b"): out.append(0x08)
    case UInt8(ascii: "f"): out.append(0x0C)
    case UInt8(ascii: "n"): out.append(0x0A)
    case UInt8(ascii: "r"): out.append(0x0D)
    case UInt8(ascii: "t"): out.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try hex4()
      if (0xD800..<0xDC00).contains(scalar) {
        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
          bytes[offset + 1] == UInt8(ascii: "u")
        else { throw error("a lone surrogate escape before column \(offset + 1)") }
        offset += 2
        let low = try hex4()
        guard (0xDC00..<0xE000).contains(low) else {
          throw error("a lone surrogate escape before column \(offset + 1)")
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00..<0xE000).contains(scalar) {
        throw error("a lone surrogate escape before column \(offset + 1)")
      }
      out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
    default:
      offset -= 1
      throw syntaxError("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u after '\\'")
    }
  }

  private mutating func hex4() throws(TraceLogError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard offset < bytes.count, let digit = Self.hexValue(bytes[offset]) else {
        throw syntaxError("four hex digits after \\u")
      }
      value = value << 4 | digit
      offset += 1
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  // MARK: Numbers

  /// The text of a number, checked against JSON's grammar
  /// (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
  mutating func numberToken() throws(TraceLogError) -> (text: String, isInteger: Bool) {
    let (range, isInteger) = try numberRange()
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    return (text, isInteger)
  }

  /// Where the number starting here is in the line (checked as `numberToken` checks
  /// it), without making a String of it.
  mutating func numberRange() throws(TraceLogError) -> (range: Range<Int>, isInteger: Bool) {
    skipWhitespace()
    let begin = offset
    func digits(_ cursor: inout JSONCursor) -> Int {
      let from = cursor.offset
      while cursor.offset < cursor.bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(cursor.bytes[cursor.offset])
      {
        cursor.offset += 1
      }
      return cursor.offset - from
    }
    if offset < bytes.count && bytes[offset] == UInt8(ascii: "-") { offset += 1 }
    guard offset < bytes.count else { throw syntaxError("a number") }
    if bytes[offset] == UInt8(ascii: "0") {
      offset += 1
    } else if digits(&self) == 0 {
      offset = begin
      if bytes[offset...].starts(with: "NaN".utf8) || bytes[offset...].starts(with: "Infinity".utf8)
        || bytes[offset...].starts(with: "-Infinity".utf8)
      {
        throw error(
          "NaN and Infinity at column \(offset + 1) are not JSON; a trace log writes a non-finite value as null"
        )
      }
      throw syntaxError("a number")
    }
    var isInteger = true
    if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
      offset += 1
      isInteger = false
      guard digits(&self) > 0 else { throw syntaxError("a digit after '.'") }
    }
    if offset < bytes.count && (bytes[offset] | 0x20) == UInt8(ascii: "e") {
      offset += 1
      isInteger = false
      if offset < bytes.count
        && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-"))
      {
        offset += 1
      }
      guard digits(&self) > 0 else { throw syntaxError("a digit in the exponent") }
    }
    return (begin..<offset, isInteger)
  }

  /// A whole number in `range`; `what` names it in messages ("step", "shape[1]"), and
  /// is only built for one.
  mutating func integer(_ what: @autoclosure () -> String, in range: ClosedRange<Int>)
    throws(TraceLogError) -> Int
  {
    skipWhitespace()
    guard isNumberAhead else {
      throw error("\(what()): expected a whole number, found \(kindAhead)")
    }
    let (text, isInteger) = try numberToken()
    guard isInteger, let value = Int(text), range.contains(value) else {
      throw error(
        "\(what()): \(text) is not a whole number from \(range.lowerBound) to \(range.upperBound)"
      )
    }
    return value
  }

  /// Whether a number starts here (what `kindAhead` calls "a number"), without
  /// spelling the kind: the reader asks before every value.
  var isNumberAhead: Bool {
    guard offset < bytes.count else { return false }
    let byte = bytes[offset]
    return byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  /// A float32 value: the shortest decimal the writer printed, rounded once to
  /// float32 (correctly, as `Float(text)` rounds), so it has the bits the model had.
  /// `null` stands for a non-finite value and reads as NaN when `allowNull`.
  mutating func float(_ what: @autoclosure () -> String, allowNull: Bool) throws(TraceLogError)
    -> Float
  {
    skipWhitespace()
    if allowNull, try null() { return .nan }
    if !isNumberAhead {
      switch kindAhead {
      case "a string", "an object", "an array", "a boolean", "null", "nothing":
        throw error("\(what()): expected a number, found \(kindAhead)")
      default: break  // not JSON: numberToken says what is wrong
      }
    }
    let (range, _) = try numberRange()
    let token = UnsafeBufferPointer(rebasing: bytes[range])
    let value = DecimalFloat.parse(token)
    guard value.isFinite else {
      let text = String(decoding: token, as: UTF8.self)
      throw error("\(what()): \(text) is outside the float32 range")
    }
    return value
  }
}
