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
  @inline(__always)
  static func write(_ value: Float, to out: UnsafeMutablePointer<UInt8>) -> Int {
    let bits = value.bitPattern
    // The sign is written whether or not it is kept: a branch costs more.
    out.pointee = UInt8(ascii: "-")
    let start = out + Int(bits >> 31)
    let ieeeMantissa = bits & 0x7F_FFFF
    let ieeeExponent = (bits >> 23) & 0xFF
    if ieeeExponent == 0 && ieeeMantissa == 0 {
      store("0.0\0\0\0\0\0", at: start)
      return start + 3 - out
    }
    let (digits, exponent) = decimal(ieeeMantissa: ieeeMantissa, ieeeExponent: ieeeExponent)
    let count = decimalLength(digits)
    // value = 0.d1d2…dn × 10^pointPosition
    let pointPosition = Int(exponent) + count
    // Above 2^24 (and below 10^-4) Swift writes an exponent.
    if _slowPath(pointPosition < -3 || bits & 0x7FFF_FFFF > 0x4B80_0000) {
      return writeExponentForm(digits, count: count, pointPosition, at: start) + (start - out)
    }
    if pointPosition <= 0 {
      // 0.000ddd: the zeros written all at once, the digits over the ones not needed.
      store("0.000000", at: start)
      let end = start + 2 - pointPosition + count
      writeDigits(digits, endingAt: end)
      return end - out
    }
    if pointPosition < count {
      // ddd.ddd: the digits one place right, then the integer part moved back.
      let end = start + 1 + count
      writeDigits(digits, endingAt: end)
      for k in 0..<pointPosition { start[k] = start[k + 1] }
      start[pointPosition] = UInt8(ascii: ".")
      return end - out
    }
    // ddd000.0: at most 2^24, so at most eight digits and eight zeros.
    writeDigits(digits, endingAt: start + count)
    store("00000000", at: start + count)
    let end = start + pointPosition
    end[0] = UInt8(ascii: ".")
    end[1] = UInt8(ascii: "0")
    return end + 2 - out
  }

  /// d1[.d2…dn]e±XX
  private static func writeExponentForm(
    _ digits: UInt32, count: Int, _ pointPosition: Int, at start: UnsafeMutablePointer<UInt8>
  ) -> Int {
    // The digits one place right, then d1 pulled before the point.
    writeDigits(digits, endingAt: start + 1 + count)
    start[0] = start[1]
    var end = start + 1
    if count > 1 {
      start[1] = UInt8(ascii: ".")
      end = start + 1 + count
    }
    end[0] = UInt8(ascii: "e")
    var power = pointPosition - 1
    if power < 0 {
      end[1] = UInt8(ascii: "-")
      power = -power
    } else {
      end[1] = UInt8(ascii: "+")
    }
    writePair(power, at: end + 2)
    return end + 4 - start
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

  /// The shortest `digits × 10^exponent` that rounds back to the nonzero finite float32
  /// with these fields, the closest of them, ties to an even last digit; `digits` has
  /// no trailing zeros.
  ///
  /// Dragonbox (Junekey Jeon, "Dragonbox: a new floating-point binary-to-decimal
  /// conversion algorithm", 2020), float32 with κ = 1, after the reference
  /// github.com/jk-jeon/dragonbox and fmt's compact port (include/fmt/format-inl.h):
  /// one 32×64-bit multiplication gives the upper end of the rounding interval scaled
  /// by 10^-k; its hundreds are the answer whenever the remainder fits in the interval's
  /// width, and otherwise one digit more comes from the remainder without a second
  /// full multiplication. Parity products settle exact ends and exact ties. Schubfach
  /// (used before) made three full multiplications for every value.
  @inline(__always)
  static func decimal(ieeeMantissa: UInt32, ieeeExponent: UInt32) -> (
    digits: UInt32, exponent: Int32
  ) {
    var significand = ieeeMantissa
    let exponent: Int32
    if ieeeExponent != 0 {
      exponent = Int32(bitPattern: ieeeExponent) &- 150
      if significand == 0 { return powerOfTwoDecimal(exponent) }
      significand |= 1 << 23
    } else {
      exponent = -149
    }
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
    // and whether the truncation dropped nothing.
    let upper = cache.multipliedFullWidth(by: UInt64((twoFc | 1) &<< UInt32(beta)))
    let zi = UInt32(truncatingIfNeeded: upper.high)
    let ziIsExact = upper.low &>> 32 == 0

    var digits = zi / 100
    var r = zi &- 100 &* digits
    bigDivisor: do {
      if r < deltai {
        // zi rounded down to hundreds is inside, unless it is zi itself, an excluded end.
        if r == 0 && ziIsExact && !includesEnds {
          digits &-= 1
          r = 100
          break bigDivisor
        }
      } else if r > deltai {
        break bigDivisor
      } else {
        // Exactly the width: inside if the lower end's fraction is not above zi's.
        let lower = mulParity(twoFc &- 1, cache, beta)
        if !(lower.parity || (lower.isInteger && includesEnds)) { break bigDivisor }
      }
      return removingTrailingZeros(digits, minusK &+ 2)
    }
    // One digit more: the one nearest the value, from the remainder's distance to the
    // middle of the interval, checked by parity when it could be a tie.
    digits = digits &* 10
    var dist = r &- deltai / 2 &+ 5
    let approximateParity = (dist ^ 5) & 1 != 0
    // dist / 10 and whether 10 divides it, for dist ≤ 100 (6554 = 2^16 / 10 + 1).
    dist = dist &* 6554
    let divisible = dist & 0xFFFF < 6554
    digits &+= dist &>> 16
    if divisible {
      let middle = mulParity(twoFc, cache, beta)
      if middle.parity != approximateParity || (middle.isInteger && digits & 1 != 0) {
        digits &-= 1
      }
    }
    return (digits, minusK &+ 1)
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
    if shorter &* 10 >= xi { return removingTrailingZeros(shorter, minusK &+ 1) }
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

  /// `digits` (nonzero) without its trailing zeros, `exponent` raised to match.
  @inline(__always)
  private static func removingTrailingZeros(_ digits: UInt32, _ exponent: Int32) -> (
    digits: UInt32, exponent: Int32
  ) {
    var digits = digits
    var exponent = exponent
    while true {
      // Times 5^-1 mod 2^32, rotated right once: digits / 10 when 10 divides digits,
      // above (2^32 − 1) / 10 otherwise (Granlund and Montgomery), one multiplication
      // in place of a division and a remainder.
      let product = digits &* 0xCCCC_CCCD
      let quotient = (product &>> 1) | (product &<< 31)
      if quotient > 0x1999_9999 { break }
      digits = quotient
      exponent &+= 1
    }
    return (digits, exponent)
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
