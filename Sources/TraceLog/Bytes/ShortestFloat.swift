import Model

/// Writes a float32 exactly as `Float.description` does, straight into bytes: the JSON
/// Lines encoders write millions of values, and making a String for each one would take
/// most of their time.
///
/// The digits come from Dragonbox (Junekey Jeon), float32 variant: the shortest decimal
/// that reads back as the same float32, the closest to it when several are as short,
/// ties to an even digit. One multiplication by a tabled power of ten scales the
/// rounding interval's upper end and a remainder test usually settles the answer, with
/// no loop over the digits and no second multiplication.
/// All 2^32 bit patterns match `Float.description`: `Profile floats check` in
/// Benchmarks checks them, in a release build.
/// The layout is Swift's: decimal form (`0.0001`, `3.0`, `16777216.0`) unless the
/// magnitude is below 10^-4 or above 2^24, then exponent form
/// with at least two exponent digits (`1e-05`, `1.6777218e+07`).
enum ShortestFloat {
  /// The bytes `write` may touch: the longest form, `-1.2345678e-38` or
  /// `-0.000123456789`, is 15, and some forms are written a word at a time.
  static let room = 24

  /// Writes `value` (finite) at `out`, which has `room` bytes, and returns how many
  /// bytes it wrote.
  ///
  /// The digits are made without a loop, all nine places at once: the digits scaled
  /// to exactly nine (`1.5` → 150000000: its trailing zeros are the ones `16.0` needs),
  /// the first apart, the other eight spread into the bytes of one word
  /// (`nineDigits`). Each layout is then a few whole-word stores at offsets computed
  /// from the digit count and the point's position.
  ///
  /// The time goes in the chain of dependent operations from the bits to the stored
  /// digits (several floats are in flight at once only as far as the processor's
  /// window reaches), so the code avoids steps that wait on one another: both of
  /// Dragonbox's answers are computed and one kept by a mask, and the digit count of a
  /// normal float comes from two comparisons of a quotient Dragonbox has early.
  @inline(__always)
  static func write(_ value: Float, to out: UnsafeMutablePointer<UInt8>) -> Int {
    let bits = value.bitPattern
    // The sign is written whether or not it is kept: a branch costs more.
    out.pointee = UInt8(ascii: "-")
    let start = out + Int(bits >> 31)
    let ieeeMantissa = bits & 0x7F_FFFF
    let ieeeExponent = (bits >> 23) & 0xFF
    // Zero, subnormals and powers of two, apart.
    if _slowPath(ieeeMantissa == 0 || ieeeExponent == 0) {
      return writeRare(bits, start: start) + (start - out)
    }
    let (hundreds, digits, exponent) = decimal(
      significand: ieeeMantissa | 1 << 23, exponent: Int32(bitPattern: ieeeExponent) &- 150)
    // A normal float's digits number 7 to 9 (Dragonbox's upper end of the interval, zi,
    // is between 8.3 × 10^7 and 1.7 × 10^9 for the full 24-bit significand), and are
    // `hundreds` followed by one digit: their count, and their scale to nine digits,
    // from `hundreds`, without waiting for that digit.
    let atLeast8 = hundreds >= 1_000_000 ? 1 : 0
    let nine9 = hundreds >= 10_000_000 ? 1 : 0
    let scale = UInt32(truncatingIfNeeded: 100 &- 90 &* atLeast8 &- 9 &* nine9)
    let pointPosition = Int(exponent) &+ 7 &+ atLeast8 &+ nine9
    return layout(digits &* scale, pointPosition, bits, start: start) + (start - out)
  }

  /// `write` for zero (after its sign), subnormals and powers of two, at `start`.
  @inline(never)
  private static func writeRare(_ bits: UInt32, start: UnsafeMutablePointer<UInt8>) -> Int {
    let ieeeMantissa = bits & 0x7F_FFFF
    let ieeeExponent = (bits >> 23) & 0xFF
    let digits: UInt32
    let exponent: Int32
    if ieeeExponent == 0 {
      if ieeeMantissa == 0 {
        store("0.0\0\0\0\0\0", at: start)
        return 3
      }
      (_, digits, exponent) = decimal(significand: ieeeMantissa, exponent: -149)
    } else {
      (digits, exponent) = powerOfTwoDecimal(Int32(bitPattern: ieeeExponent) &- 150)
    }
    let length = decimalLength(digits)
    return layout(digits &* nineDigitScales[length], Int(exponent) &+ length, bits, start: start)
  }

  /// Writes the float with these `bits` and digits `nine` (d1 d2…d9, d1 not 0, the
  /// trailing ones possibly 0) at `start`, after its sign: the value is
  /// 0.d1d2…d9 × 10^pointPosition. Returns how many bytes it wrote.
  @inline(__always)
  private static func layout(
    _ nine: UInt32, _ pointPosition: Int, _ bits: UInt32, start: UnsafeMutablePointer<UInt8>
  ) -> Int {
    let (first, digitBytes) = nineDigits(nine)
    let firstByte = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: first)
    // The digits written, up to the last one not 0: the zero bytes at the word's top
    // are the trailing zeros (the word is 0 when only d1 is kept).
    let count = 9 &- digitBytes.leadingZeroBitCount &>> 3
    let others = digitBytes | 0x3030_3030_3030_3030
    // Above 2^24 (and below 10^-4) Swift writes an exponent.
    if pointPosition < -3 || bits & 0x7FFF_FFFF > 0x4B80_0000 {
      // d1.d2…dn, then e±XX, over the point when there is one digit.
      start[0] = firstByte
      start[1] = UInt8(ascii: ".")
      store(others, at: start + 2)
      let end = count &+ (count > 1 ? 1 : 0)
      let text = UnsafeRawPointer(exponentTexts.utf8Start).loadUnaligned(
        fromByteOffset: (pointPosition &+ 44) &* 4, as: UInt32.self)
      UnsafeMutableRawPointer(start + end).storeBytes(of: text, as: UInt32.self)
      return end &+ 4
    }
    if pointPosition <= 0 {
      // 0.000ddd: the zeros written all at once, the digits over the ones not needed.
      store("0.000000", at: start)
      let digitsStart = 2 &- pointPosition
      start[digitsStart] = firstByte
      store(others, at: start + digitsStart + 1)
      return digitsStart &+ count
    }
    // ddd.ddd and ddd000.0 (at most 2^24: the point at most eight places in). The point
    // goes after the first `before` of the other digits: those stay, the rest move one
    // byte up, with masks on the word. The ninth digit, pushed out of the word, is in
    // place from a first store one byte further.
    let before = UInt64(truncatingIfNeeded: pointPosition &- 1) &* 8
    let kept = (1 &<< before) &- 1
    let point = UInt64(UInt8(ascii: ".")) &<< before
    start[0] = firstByte
    store(others, at: start + 2)
    store((others & kept) | point | (others & ~kept) &<< 8, at: start + 1)
    // Past the last digit, or past `.0` when the point comes after all the digits (the
    // digits past the count are zeros: the integer's and the one after the point).
    return pointPosition < count ? count &+ 1 : pointPosition &+ 2
  }

  /// 10^(9 − n) for n digits: the scale to nine digits.
  private static let nineDigitScales: [UInt32] = [
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1,
  ]

  /// The first decimal digit of `n` (below 10^9, nine digits with leading zeros), and
  /// the other eight in the bytes of a word, the first of them in the lowest byte (the
  /// first in memory), computed in all places at once (SWAR): the eight split into two
  /// halves of four digits in the word's two 32-bit lanes, each lane into two pairs in
  /// its 16-bit halves, each pair into two digits in its bytes.
  ///
  /// A quotient in every lane is one multiplication of the word and a shift: x / 100
  /// is x × 10486 / 2^20 for x < 10^4 and x / 10 is x × 103 / 2^10 for x < 100 (exact
  /// there, checked for every x), the products staying inside their lane (below 2^27
  /// and 2^14); the mask drops what the shift brings down from the lane above. With
  /// quotient q of x by d in a lane of w bits, the lane's new halves q and x − d q are
  /// x << (w/2) + q × (1 − d × 2^(w/2)): a multiplication again, whose wrapping
  /// products cancel between lanes. The first split takes n / 10^8 and n / 10^4 side
  /// by side, not one after the other.
  @inline(__always)
  static func nineDigits(_ n: UInt32) -> (first: UInt32, others: UInt64) {
    let first = n / 100_000_000
    let fives = UInt64(n / 10_000)
    // d2…d5 = fives − first × 10^4 and d6…d9 = n − fives × 10^4.
    let fours = UInt64(n) &<< 32 &+ fives &* (1 &- 10_000 &<< 32) &- UInt64(first) &* 10_000
    let hundreds = ((fours &* 10486) &>> 20) & 0x0000_007F_0000_007F
    let pairs = fours &<< 16 &+ hundreds &* (1 &- 100 &<< 16)
    let tens = ((pairs &* 103) &>> 10) & 0x000F_000F_000F_000F
    return (first, (pairs &<< 8 &+ tens &* (1 &- 10 &<< 8)).littleEndian)
  }

  /// `e-45` … `e+38`, four bytes each, for the point positions −44 … 39 (the exponent
  /// one less): entry pointPosition + 44.
  private static let exponentTexts: StaticString = """
    e-45e-44e-43e-42e-41e-40e-39e-38e-37e-36e-35e-34e-33e-32e-31e-30e-29e-28e-27e-26\
    e-25e-24e-23e-22e-21e-20e-19e-18e-17e-16e-15e-14e-13e-12e-11e-10e-09e-08e-07e-06\
    e-05e-04e-03e-02e-01e+00e+01e+02e+03e+04e+05e+06e+07e+08e+09e+10e+11e+12e+13e+14\
    e+15e+16e+17e+18e+19e+20e+21e+22e+23e+24e+25e+26e+27e+28e+29e+30e+31e+32e+33e+34\
    e+35e+36e+37e+38
    """

  /// Eight bytes at `out`, in one store.
  @inline(__always)
  private static func store(_ word: UInt64, at out: UnsafeMutablePointer<UInt8>) {
    UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
  }

  /// Eight bytes of `text` (eight ASCII characters) at `out`, in one store.
  @inline(__always)
  private static func store(_ text: StaticString, at out: UnsafeMutablePointer<UInt8>) {
    let word = UnsafeRawPointer(text.utf8Start).loadUnaligned(as: UInt64.self)
    UnsafeMutableRawPointer(out).storeBytes(of: word, as: UInt64.self)
  }

  /// The decimal digits of `digits`, the last one just before `end`, two at a time
  /// (integers too: `ByteWriter.decimal` writes through here).
  @inline(__always)
  static func writeDigits<Digits: FixedWidthInteger & UnsignedInteger>(
    _ digits: Digits, endingAt end: UnsafeMutablePointer<UInt8>
  ) {
    var rest = digits
    var position = end
    while rest >= 100 {
      let next = rest / 100
      position -= 2
      writePair(Int(truncatingIfNeeded: rest &- next &* 100), at: position)
      rest = next
    }
    if rest >= 10 {
      writePair(Int(truncatingIfNeeded: rest), at: position - 2)
    } else {
      (position - 1).pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest)
    }
  }

  /// The two digits of `pair` (0 … 99) at `out`.
  @inline(__always)
  static func writePair(_ pair: Int, at out: UnsafeMutablePointer<UInt8>) {
    let digits = UnsafeRawPointer(digitPairs.utf8Start).loadUnaligned(
      fromByteOffset: pair &* 2, as: UInt16.self)
    UnsafeMutableRawPointer(out).storeBytes(of: digits, as: UInt16.self)
  }

  private static let digitPairs: StaticString = """
    0001020304050607080910111213141516171819202122232425\
    2627282930313233343536373839404142434445464748495051\
    5253545556575859606162636465666768697071727374757677\
    78798081828384858687888990919293949596979899
    """

  /// The number of decimal digits of `v` (nonzero): adding the entry for v's bit length
  /// carries into bit 32 exactly when v reaches the next power of ten (Kendall Willets'
  /// trick), so there is no chain of comparisons.
  @inline(__always)
  static func decimalLength(_ v: UInt32) -> Int {
    let log2 = 31 &- Int(truncatingIfNeeded: (v | 1).leadingZeroBitCount)
    return Int(truncatingIfNeeded: (UInt64(v) &+ digitCountSteps[log2]) &>> 32)
  }

  /// Entry j, for the values from 2^j to 2^(j+1) − 1, whose digit count is d or d + 1:
  /// (d + 1) × 2^32 − 10^d, or d × 2^32 when 10^d is beyond 32 bits. Generated with
  /// Python integers, checked at 2^j, 2^(j+1) − 1 and 10^d ± 1 for every j.
  private static let digitCountSteps: [UInt64] = [
    0x0000_0001_FFFF_FFF6, 0x0000_0001_FFFF_FFF6, 0x0000_0001_FFFF_FFF6,
    0x0000_0001_FFFF_FFF6, 0x0000_0002_FFFF_FF9C, 0x0000_0002_FFFF_FF9C,
    0x0000_0002_FFFF_FF9C, 0x0000_0003_FFFF_FC18, 0x0000_0003_FFFF_FC18,
    0x0000_0003_FFFF_FC18, 0x0000_0004_FFFF_D8F0, 0x0000_0004_FFFF_D8F0,
    0x0000_0004_FFFF_D8F0, 0x0000_0004_FFFF_D8F0, 0x0000_0005_FFFE_7960,
    0x0000_0005_FFFE_7960, 0x0000_0005_FFFE_7960, 0x0000_0006_FFF0_BDC0,
    0x0000_0006_FFF0_BDC0, 0x0000_0006_FFF0_BDC0, 0x0000_0007_FF67_6980,
    0x0000_0007_FF67_6980, 0x0000_0007_FF67_6980, 0x0000_0007_FF67_6980,
    0x0000_0008_FA0A_1F00, 0x0000_0008_FA0A_1F00, 0x0000_0008_FA0A_1F00,
    0x0000_0009_C465_3600, 0x0000_0009_C465_3600, 0x0000_0009_C465_3600,
    0x0000_000A_0000_0000, 0x0000_000A_0000_0000,
  ]

  /// The shortest `digits × 10^exponent` that rounds back to the float32 with this
  /// significand and binary exponent (not a power of two), the closest of them, ties to
  /// an even last digit; `digits` may end in zeros (the writer drops them) and has at
  /// most nine digits. `hundreds` is digits / 10, known earlier.
  ///
  /// Dragonbox (Junekey Jeon, "Dragonbox: a new floating-point binary-to-decimal
  /// conversion algorithm", 2020), float32 with κ = 1, after the reference
  /// github.com/jk-jeon/dragonbox and fmt's compact port (include/fmt/format-inl.h):
  /// one 32×64-bit multiplication gives the upper end of the rounding interval scaled
  /// by 10^-k; its hundreds are the answer whenever the remainder fits in the interval's
  /// width, and otherwise one digit more comes from the remainder without a second
  /// full multiplication. Parity products settle exact ends and exact ties. Schubfach
  /// (used before) made three full multiplications for every value.
  ///
  /// Which of the two answers it is depends on the value's low bits, as good as random:
  /// a branch between them would be mispredicted about as often as not, so both are
  /// computed (the second is a few operations) and a mask keeps one.
  @inline(__always)
  static func decimal(significand: UInt32, exponent: Int32) -> (
    hundreds: UInt32, digits: UInt32, exponent: Int32
  ) {
    // Round-half-even reading accepts the interval's ends when the significand is even.
    let includesEnds = significand & 1 == 0
    // minusK = floor(log10(2^exponent)) − κ; beta = exponent + floor(log2(10^-minusK)),
    // 3 … 6: fixed-point logarithms valid far beyond float32's exponents.
    let minusK = ((exponent &* 315_653) >> 20) &- 1
    let cache = pow10Significands[Int(truncatingIfNeeded: 31 &- minusK)]
    let beta = UInt64(truncatingIfNeeded: exponent &+ (((0 &- minusK) &* 1_741_647) >> 19))
    // deltai: the interval's width in units of 10^(minusK); 10 ≤ deltai < 100.
    let deltai = UInt32(truncatingIfNeeded: cache &>> (63 &- beta))
    let twoFc = significand &<< 1
    // zi: the interval's upper end, (2c + 1) × 2^(exponent−1) × 10^-minusK, truncated,
    // and the fraction the truncation dropped (its top 32 bits).
    let upper = cache.multipliedFullWidth(by: UInt64((twoFc | 1) &<< UInt32(beta)))
    let zi = UInt32(truncatingIfNeeded: upper.high)
    let ziFraction = UInt32(truncatingIfNeeded: upper.low &>> 32)

    var hundreds = zi / 100
    let r = zi &- 100 &* hundreds
    // zi rounded down to hundreds is inside when the remainder r is below the width:
    // then `inside` is all ones, else 0 (the sign of the difference of the quotients,
    // spread by an arithmetic shift; zi is at least deltai). A Bool here would become a
    // branch again.
    var inside = UInt32(bitPattern: Int32(bitPattern: (zi &- deltai) / 100 &- hundreds) &>> 31)
    if _slowPath(r == deltai) {
      // Exactly the width: inside if the lower end's fraction is not above zi's.
      let lower = mulParity(twoFc &- 1, cache, beta)
      inside = lower.parity || (lower.isInteger && includesEnds) ? ~0 : 0
    }
    // Unless zi is itself the rounded-down value and an excluded end (the three
    // conditions in one test: as `&&`, the significand's parity would be a branch).
    if _slowPath(r | ziFraction | (significand & 1 ^ 1) == 0) {
      hundreds &-= 1
      inside = 0
    }
    // One digit more: the one nearest the value, r's distance to the middle of the
    // interval in tens, dist = r − deltai / 2 + 5 and digits = hundreds × 10 + dist / 10,
    // that is (zi − deltai / 2 + 5) / 10 straight from zi (also when hundreds was
    // lowered: then r was 0, and is 100). Checked by parity when it could be a tie.
    let w = zi &- deltai / 2 &+ 5
    var oneMore = w / 10
    // The (rare) tie check, only when not `inside`: both in one test.
    if _slowPath((w &- oneMore &* 10) | inside == 0) {
      let middle = mulParity(twoFc, cache, beta)
      let approximateParity = (w ^ 5) & 1 != 0
      if middle.parity != approximateParity || (middle.isInteger && oneMore & 1 != 0) {
        oneMore &-= 1
      }
    }
    // The hundreds as tens (a trailing zero the writer drops), or the one digit more:
    // the same exponent either way, and a mask in place of a branch.
    let tens = hundreds &* 10
    return (hundreds, tens &+ (oneMore &- tens) & ~inside, minusK &+ 1)
  }

  /// For twoF / 2 × 2^exponent scaled by the cache: the parity of its integer part
  /// (bit 64 − beta of the product's low 64 bits) and whether it is an integer (the
  /// 32 bits below that are zero).
  @inline(__always)
  private static func mulParity(_ twoF: UInt32, _ cache: UInt64, _ beta: UInt64) -> (
    parity: Bool, isInteger: Bool
  ) {
    let product = UInt64(twoF) &* cache
    return (
      (product &>> (64 &- beta)) & 1 != 0,
      UInt32(truncatingIfNeeded: product &>> (32 &- beta)) == 0
    )
  }

  /// `decimal` for a power of two (not subnormal): the gap below is half the gap above,
  /// so the interval is lopsided and Dragonbox treats it apart, as Schubfach would.
  private static func powerOfTwoDecimal(_ exponent: Int32) -> (digits: UInt32, exponent: Int32) {
    // floor(log10(3/4 × 2^exponent)).
    let minusK = (exponent &* 631_305 &- 261_663) >> 21
    let beta = UInt64(truncatingIfNeeded: exponent &+ (((0 &- minusK) &* 1_741_647) >> 19))
    let cache = pow10Significands[Int(truncatingIfNeeded: 31 &- minusK)]
    // The interval's ends, 2^exponent × (1 − 1/4) and × (1 + 1/2), scaled.
    var xi = UInt32(truncatingIfNeeded: (cache &- (cache &>> 25)) &>> (40 &- beta))
    let zi = UInt32(truncatingIfNeeded: (cache &+ (cache &>> 24)) &>> (40 &- beta))
    // The lower end is an integer (and inside) only for exponents 2 and 3.
    if exponent < 2 || exponent > 3 { xi &+= 1 }
    let shorter = zi / 10
    if shorter &* 10 >= xi { return (shorter, minusK &+ 1) }
    // Else the value rounded to the nearest integer, half up, …
    var digits = (UInt32(truncatingIfNeeded: cache &>> (39 &- beta)) &+ 1) / 2
    if exponent == -35 {
      // … except where it can be exactly halfway (Dragonbox's tie thresholds): to even.
      digits &-= digits & 1
    } else if digits < xi {
      digits &+= 1
    }
    return (digits, minusK)
  }

  /// ceil(10^e × 2^-r) for e = -31 … 46 (entry 31 + e), with r chosen so the value is
  /// in [2^63, 2^64): 10^e rounded up to 64 significant bits. Generated with Python
  /// integers: g = -((-n) // d) for the exact fraction n / d = 10^e × 2^-r, checked
  /// (g − 1) × d < n ≤ g × d; equal to Dragonbox's float32 table.
  private static let pow10Significands: [UInt64] = [
    0x81CE_B32C_4B43_FCF5, 0xA242_5FF7_5E14_FC32, 0xCAD2_F7F5_359A_3B3F,
    0xFD87_B5F2_8300_CA0E, 0x9E74_D1B7_91E0_7E49, 0xC612_0625_7658_9DDB,
    0xF796_87AE_D3EE_C552, 0x9ABE_14CD_4475_3B53, 0xC16D_9A00_9592_8A28,
    0xF1C9_0080_BAF7_2CB2, 0x971D_A050_74DA_7BEF, 0xBCE5_0864_9211_1AEB,
    0xEC1E_4A7D_B695_61A6, 0x9392_EE8E_921D_5D08, 0xB877_AA32_36A4_B44A,
    0xE695_94BE_C44D_E15C, 0x901D_7CF7_3AB0_ACDA, 0xB424_DC35_095C_D810,
    0xE12E_1342_4BB4_0E14, 0x8CBC_CC09_6F50_88CC, 0xAFEB_FF0B_CB24_AAFF,
    0xDBE6_FECE_BDED_D5BF, 0x8970_5F41_36B4_A598, 0xABCC_7711_8461_CEFD,
    0xD6BF_94D5_E57A_42BD, 0x8637_BD05_AF6C_69B6, 0xA7C5_AC47_1B47_8424,
    0xD1B7_1758_E219_652C, 0x8312_6E97_8D4F_DF3C, 0xA3D7_0A3D_70A3_D70B,
    0xCCCC_CCCC_CCCC_CCCD, 0x8000_0000_0000_0000, 0xA000_0000_0000_0000,
    0xC800_0000_0000_0000, 0xFA00_0000_0000_0000, 0x9C40_0000_0000_0000,
    0xC350_0000_0000_0000, 0xF424_0000_0000_0000, 0x9896_8000_0000_0000,
    0xBEBC_2000_0000_0000, 0xEE6B_2800_0000_0000, 0x9502_F900_0000_0000,
    0xBA43_B740_0000_0000, 0xE8D4_A510_0000_0000, 0x9184_E72A_0000_0000,
    0xB5E6_20F4_8000_0000, 0xE35F_A931_A000_0000, 0x8E1B_C9BF_0400_0000,
    0xB1A2_BC2E_C500_0000, 0xDE0B_6B3A_7640_0000, 0x8AC7_2304_89E8_0000,
    0xAD78_EBC5_AC62_0000, 0xD8D7_26B7_177A_8000, 0x8786_7832_6EAC_9000,
    0xA968_163F_0A57_B400, 0xD3C2_1BCE_CCED_A100, 0x8459_5161_4014_84A0,
    0xA56F_A5B9_9019_A5C8, 0xCECB_8F27_F420_0F3A, 0x813F_3978_F894_0985,
    0xA18F_07D7_36B9_0BE6, 0xC9F2_C9CD_0467_4EDF, 0xFC6F_7C40_4581_2297,
    0x9DC5_ADA8_2B70_B59E, 0xC537_1912_364C_E306, 0xF684_DF56_C3E0_1BC7,
    0x9A13_0B96_3A6C_115D, 0xC097_CE7B_C907_15B4, 0xF0BD_C21A_BB48_DB21,
    0x9676_9950_B50D_88F5, 0xBC14_3FA4_E250_EB32, 0xEB19_4F8E_1AE5_25FE,
    0x92EF_D1B8_D0CF_37BF, 0xB7AB_C627_0503_05AE, 0xE596_B7B0_C643_C71A,
    0x8F7E_32CE_7BEA_5C70, 0xB35D_BF82_1AE4_F38C, 0xE035_2F62_A19E_306F,
  ]
}
