/// A name an event gives an operation, an operand or a result, written as the lesson
/// writes it, with the time step and the looked-up row as holes: `W_ih·e_t + b_ih`,
/// `h_{t-1}`, `e_t = embedding[i]`. Spelled for time step 3 and row 5, a subscript `_t`
/// reads `_3`, `_{t-1}` reads `_2`, and `[i]` reads `[5]`; every other byte is written
/// as it is (`_t` is a hole only where no letter, digit or `_` follows it: `w_to` stays).
/// The backward pass's names also count steps in words: `{t}` reads `3` and `{t+1}`
/// reads `4` (`dL/dh_3 from step 4`).
///
/// A string literal is a template, so a cell declares its names beside the operations
/// that compute them, in its own file. Cells record templates instead of strings, so
/// that an event costs no string building unless its names are read.
///
/// The holes are found once, when the template is made, and kept packed beside a copy
/// of its bytes (the template is a pointer to the two): a cell keeps its operations as
/// `static let` values, so that writing a name is a few runs of bytes and numbers, with
/// no search. The copy has 16 spare bytes after its end, so that a writer may copy a run
/// 16 bytes at a time without looking at its length (`NameWriter.write(run:count:)`).
@usableFromInline
struct NameTemplate: @unchecked Sendable, Equatable, ExpressibleByStringLiteral {
  // @unchecked: `packed` points at memory written once, before the template is made,
  // and never freed.

  /// Where the template's bytes are, and what `layout` says of them: one pointer in the
  /// template, so that an event holding four of them stays small.
  @usableFromInline let packed: UnsafePointer<Packed>

  @usableFromInline
  struct Packed {
    @usableFromInline let start: UnsafePointer<UInt8>
    @usableFromInline let layout: UInt64
    @usableFromInline let spelledBound: Int
  }

  /// The template's UTF-8, followed by 16 readable spare bytes.
  @inlinable var start: UnsafePointer<UInt8> { packed.pointee.start }
  /// Bits 0..<10: the byte count. Bits 10..<58: up to four holes, 12 bits each, the
  /// first lowest: a kind (3 bits: `Self.time`, `Self.previousTime`, `Self.row`,
  /// `Self.nextTime`, `Self.plainTime`; 0 after the last hole) and the run (9 bits): the
  /// bytes before the hole's `t`, `{t-1}`, `i`, `{t+1}` or `{t}`, counted from the end of
  /// the hole before it. `Self.scanned` (bit 63) marks a
  /// template longer than 1,023 bytes or with more than four holes: bits 0..<63 are then
  /// its byte count, and its holes are searched for each time it is written (so is a
  /// template with a run of 512 bytes or more).
  @inlinable var layout: UInt64 { packed.pointee.layout }

  @inlinable static var time: UInt64 { 1 }
  @inlinable static var previousTime: UInt64 { 2 }
  @inlinable static var row: UInt64 { 3 }
  @inlinable static var nextTime: UInt64 { 4 }
  @inlinable static var plainTime: UInt64 { 5 }
  @inlinable static var scanned: UInt64 { 1 << 63 }

  @usableFromInline
  init(stringLiteral text: StaticString) {
    if text.hasPointerRepresentation {
      self.init(start: text.utf8Start, count: text.utf8CodeUnitCount)
    } else {
      // A one-character literal.
      let bytes = text.withUTF8Buffer { Array($0) }
      self = bytes.withUnsafeBufferPointer { Self(start: $0.baseAddress!, count: $0.count) }
    }
  }

  /// The template of `text`, composed once (from a parameter's name, say): allocated
  /// and never freed, as below.
  init(_ text: String) {
    var text = text
    self = text.withUTF8 { utf8 in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + 1) { copy in
        _ = copy.initialize(fromContentsOf: utf8)
        return Self(start: copy.baseAddress!, count: utf8.count)
      }
    }
  }

  /// The template of the `count` bytes at `start`, which are copied. Its packed form is
  /// allocated here and never freed: make a template once (a `static let`).
  init(start: UnsafePointer<UInt8>, count: Int) {
    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: count + 16)
    copy.initialize(from: start, count: count)
    (copy + count).initialize(repeating: 0, count: 16)
    let layout = Self.layout(copy, count)
    let packed = UnsafeMutablePointer<Packed>.allocate(capacity: 1)
    // Each hole spells a number of at most 20 bytes where the template had at least 2
    // (`_t`, `[i]`); 16 more for a writer's whole-word copies.
    packed.initialize(
      to: Packed(start: copy, layout: layout, spelledBound: count * 11 + 16))
    self.packed = UnsafePointer(packed)
  }

  /// `layout` for the `count` bytes at `start`.
  private static func layout(_ start: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    var layout = UInt64(count)
    guard count < 1 << 10 else { return layout | scanned }
    var shift: UInt64 = 10
    var from = 0
    while let (offset, kind) = hole(in: bytes, from: from) {
      guard shift < 58, offset - from < 1 << 9 else { return UInt64(count) | scanned }
      layout |= (UInt64(offset - from) << 3 | kind) << shift
      shift += 12
      from = offset + length(of: kind)
    }
    return layout
  }

  /// The template's bytes.
  @inlinable
  var bytes: UnsafeBufferPointer<UInt8> {
    let layout = self.layout
    let count = layout & Self.scanned == 0 ? layout & 0x3FF : layout & ~Self.scanned
    return UnsafeBufferPointer(start: start, count: Int(count))
  }

  /// The most bytes `write(t:index:into:)` writes, with 16 to spare for a writer that
  /// copies runs 16 bytes at a time.
  @inlinable
  var spelledBound: Int { packed.pointee.spelledBound }

  /// Writes the name for time step `t` (and row `index`) into `out`, a run of the
  /// template's bytes, then a number, and so on. Inlinable, so that an encoder in another
  /// module writes into its own buffer without a call through `NameWriter`'s witness
  /// table for every piece.
  @inlinable @inline(__always)
  func write<Out: NameWriter>(t: Int, index: Int, into out: inout Out) {
    let packed = self.packed.pointee
    let layout = packed.layout
    guard layout & Self.scanned == 0 else { return writeScanning(t: t, index: index, into: &out) }
    var source = packed.start
    var holes = layout &>> 10
    while holes & 7 != 0 {
      let kind = holes & 7
      let run = Int(truncatingIfNeeded: (holes &>> 3) & 0x1FF)
      out.write(run: source, count: run)
      out.write(number: Self.number(kind, t: t, index: index))
      source += run &+ Self.length(of: kind)
      holes &>>= 12
    }
    let rest = Int(truncatingIfNeeded: layout & 0x3FF) &- (source - packed.start)
    if rest > 0 { out.write(run: source, count: rest) }
  }

  /// `write(t:index:into:)` for a template whose holes are not packed.
  @usableFromInline
  func writeScanning<Out: NameWriter>(t: Int, index: Int, into out: inout Out) {
    let bytes = self.bytes
    var run = 0
    while let (offset, kind) = Self.hole(in: bytes, from: run) {
      out.write(UnsafeBufferPointer(rebasing: bytes[run..<offset]))
      out.write(number: Self.number(kind, t: t, index: index))
      run = offset + Self.length(of: kind)
    }
    if run < bytes.count { out.write(UnsafeBufferPointer(rebasing: bytes[run...])) }
  }

  /// The bytes a hole of `kind` takes: `t` or `{t-1}` after a `_`, `i` after a `[`,
  /// `{t+1}`, `{t}`.
  @inlinable @inline(__always)
  static func length(of kind: UInt64) -> Int {
    kind == previousTime || kind == nextTime ? 5 : kind == plainTime ? 3 : 1
  }

  /// What a hole of `kind` reads at time step `t` and row `index`.
  @inlinable @inline(__always)
  static func number(_ kind: UInt64, t: Int, index: Int) -> Int {
    switch kind {
    case row: index
    case previousTime: t &- 1
    case nextTime: t &+ 1
    default: t
    }
  }

  /// The first hole in `bytes` at or after `from`: its offset (the byte after its `_`
  /// or `[`, or its `{`), and its kind.
  @usableFromInline
  static func hole(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (Int, UInt64)? {
    var i = from
    while i < bytes.count {
      let byte = bytes[i]
      if byte == UInt8(ascii: "_") {
        if isHole(bytes, at: i + 1, "t") { return (i + 1, time) }
        if isHole(bytes, at: i + 1, "{t-1}") { return (i + 1, previousTime) }
      } else if byte == UInt8(ascii: "["), isHole(bytes, at: i + 1, "i]") {
        return (i + 1, row)
      } else if byte == UInt8(ascii: "{") {
        if isHole(bytes, at: i, "{t+1}") { return (i, nextTime) }
        if isHole(bytes, at: i, "{t}") { return (i, plainTime) }
      }
      i += 1
    }
    return nil
  }

  /// Whether `bytes` hold `hole` at `start` (and, for `t`, no letter, digit or `_`
  /// right after it: the `t` of `_t`, not of `_to`).
  static func isHole(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ hole: StaticString)
    -> Bool
  {
    let length = hole.utf8CodeUnitCount
    guard start + length <= bytes.count else { return false }
    let pattern = hole.utf8Start
    for k in 0..<length where bytes[start + k] != pattern[k] { return false }
    guard length == 1, start + 1 < bytes.count else { return true }
    let next = bytes[start + 1]
    let isNameByte =
      next == UInt8(ascii: "_") || (0x30...0x39).contains(next) || (0x41...0x5A).contains(next)
      || (0x61...0x7A).contains(next)
    return !isNameByte
  }

  @inlinable
  static func == (lhs: NameTemplate, rhs: NameTemplate) -> Bool {
    lhs.packed == rhs.packed || lhs.bytes.elementsEqual(rhs.bytes)
  }
}
