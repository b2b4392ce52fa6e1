/// Writes a float32 exactly as `Float.description` does, straight into bytes: the JSON
/// Lines encoders write millions of values, and making a String for each one was most of
/// their time.
///
/// The digits come from Ryu (Ulf Adams, "Ryū: fast float-to-string conversion", PLDI
/// 2018), float32 variant: the shortest decimal that reads back as the same float32,
/// the closest to it when several are as short, with only 64-bit multiplications.
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

  @inline(__always)
  private static func decimalLength(_ v: UInt32) -> Int {
    if v >= 10_000_000 { return v >= 100_000_000 ? 9 : 8 }
    if v >= 1_000_000 { return 7 }
    if v >= 100_000 { return 6 }
    if v >= 10_000 { return 5 }
    if v >= 1_000 { return 4 }
    if v >= 100 { return 3 }
    if v >= 10 { return 2 }
    return 1
  }

  /// The shortest `digits × 10^exponent` that rounds back to the nonzero finite float32
  /// with these fields (Ryu, steps 1 to 4).
  @inline(__always)
  static func decimal(ieeeMantissa: UInt32, ieeeExponent: UInt32) -> (
    digits: UInt32, exponent: Int32
  ) {
    // Two extra bits so the halfway points to the neighbours are whole numbers.
    let e2: Int32
    let m2: UInt32
    if ieeeExponent == 0 {
      e2 = 1 - 127 - 23 - 2
      m2 = ieeeMantissa
    } else {
      e2 = Int32(ieeeExponent) - 127 - 23 - 2
      m2 = (1 << 23) | ieeeMantissa
    }
    // Round-half-even reading accepts the interval's ends when the significand is even.
    let acceptBounds = m2 & 1 == 0
    let mv = 4 * m2
    let mp = 4 * m2 + 2
    // At a power of two the gap below is half the gap above.
    let mm = 4 * m2 - (ieeeMantissa != 0 || ieeeExponent <= 1 ? 2 : 1)

    var vr: UInt32
    var vp: UInt32
    var vm: UInt32
    let e10: Int32
    var vmIsTrailingZeros = false
    var vrIsTrailingZeros = false
    var lastRemovedDigit: UInt32 = 0
    if e2 >= 0 {
      let q = (e2 * 3_010_299) / 10_000_000  // floor(e2 × log10(2))
      e10 = q
      let k = pow5InverseBitCount + pow5Bits(q) - 1
      let i = -e2 + q + k
      vr = mulPow5InverseDivPow2(mv, q, i)
      vp = mulPow5InverseDivPow2(mp, q, i)
      vm = mulPow5InverseDivPow2(mm, q, i)
      if q != 0 && (vp &- 1) / 10 <= vm / 10 {
        // One more digit than the loop below will see, to round correctly.
        let l = pow5InverseBitCount + pow5Bits(q - 1) - 1
        lastRemovedDigit = mulPow5InverseDivPow2(mv, q - 1, -e2 + q - 1 + l) % 10
      }
      if q <= 9 {
        // At most one of mp, mv and mm is a multiple of 5.
        if mv % 5 == 0 {
          vrIsTrailingZeros = isMultipleOfPowerOf5(mv, q)
        } else if acceptBounds {
          vmIsTrailingZeros = isMultipleOfPowerOf5(mm, q)
        } else if isMultipleOfPowerOf5(mp, q) {
          vp -= 1
        }
      }
    } else {
      let q = (-e2 * 6_989_700) / 10_000_000  // floor(-e2 × log10(5))
      e10 = q + e2
      let i = -e2 - q
      let k = pow5Bits(i) - pow5BitCount
      var j = q - k
      vr = mulPow5DivPow2(mv, i, j)
      vp = mulPow5DivPow2(mp, i, j)
      vm = mulPow5DivPow2(mm, i, j)
      if q != 0 && (vp &- 1) / 10 <= vm / 10 {
        j = q - 1 - (pow5Bits(i + 1) - pow5BitCount)
        lastRemovedDigit = mulPow5DivPow2(mv, i + 1, j) % 10
      }
      if q <= 1 {
        // mv, mp and mm have at least q trailing zero bits when q <= 1 and they are even.
        vrIsTrailingZeros = (~mv & 1) >= UInt32(q)
        if acceptBounds {
          vmIsTrailingZeros = (~mm & 1) >= UInt32(q)
        } else {
          vp -= 1
        }
      } else if q < 31 {
        vrIsTrailingZeros = mv & ((1 << UInt32(q - 1)) - 1) == 0
      }
    }

    var removed: Int32 = 0
    let output: UInt32
    if vmIsTrailingZeros || vrIsTrailingZeros {
      // Rare: an exact decimal bound or an exact halfway value.
      while vp / 10 > vm / 10 {
        vmIsTrailingZeros = vmIsTrailingZeros && vm % 10 == 0
        vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
        lastRemovedDigit = vr % 10
        vr /= 10
        vp /= 10
        vm /= 10
        removed += 1
      }
      if vmIsTrailingZeros {
        while vm % 10 == 0 {
          vrIsTrailingZeros = vrIsTrailingZeros && lastRemovedDigit == 0
          lastRemovedDigit = vr % 10
          vr /= 10
          vp /= 10
          vm /= 10
          removed += 1
        }
      }
      if vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0 {
        // Exactly halfway: round to even.
        lastRemovedDigit = 4
      }
      let roundUp =
        (vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5
      output = vr + (roundUp ? 1 : 0)
    } else {
      // The common case: only the last digit removed decides the rounding, so the
      // digits can go two at a time (float32s here mostly lose one to three).
      var roundUp = lastRemovedDigit >= 5
      let vpDiv100 = vp / 100
      let vmDiv100 = vm / 100
      if vpDiv100 > vmDiv100 {
        let vrDiv100 = vr / 100
        roundUp = vr &- vrDiv100 &* 100 >= 50
        vr = vrDiv100
        vp = vpDiv100
        vm = vmDiv100
        removed += 2
      }
      while true {
        let vpDiv10 = vp / 10
        let vmDiv10 = vm / 10
        if vpDiv10 <= vmDiv10 { break }
        let vrDiv10 = vr / 10
        roundUp = vr &- vrDiv10 &* 10 >= 5
        vr = vrDiv10
        vp = vpDiv10
        vm = vmDiv10
        removed += 1
      }
      output = vr + (vr == vm || roundUp ? 1 : 0)
    }
    return (output, e10 + removed)
  }

  private static func isMultipleOfPowerOf5(_ value: UInt32, _ p: Int32) -> Bool {
    var value = value
    var count: Int32 = 0
    while value > 0 && value % 5 == 0 {
      value /= 5
      count += 1
    }
    return count >= p
  }

  /// ceil(log2(5^e)), 1 for e = 0; exact for 0 ≤ e < 48.
  @inline(__always)
  private static func pow5Bits(_ e: Int32) -> Int32 {
    e == 0 ? 1 : (e * 23_219_280 + 9_999_999) / 10_000_000
  }

  @inline(__always)
  private static func mulShift(_ m: UInt32, _ factor: UInt64, _ shift: Int32) -> UInt32 {
    let low = UInt64(m) &* (factor & 0xFFFF_FFFF)
    let high = UInt64(m) &* (factor >> 32)
    return UInt32(truncatingIfNeeded: ((low >> 32) &+ high) &>> UInt64(shift - 32))
  }

  @inline(__always)
  private static func mulPow5InverseDivPow2(_ m: UInt32, _ q: Int32, _ j: Int32) -> UInt32 {
    mulShift(m, pow5InverseSplit[Int(q)], j)
  }

  @inline(__always)
  private static func mulPow5DivPow2(_ m: UInt32, _ i: Int32, _ j: Int32) -> UInt32 {
    mulShift(m, pow5Split[Int(i)], j)
  }

  private static let pow5InverseBitCount: Int32 = 59
  private static let pow5BitCount: Int32 = 61

  // floor(2^(pow5Bits(i) - 1 + 59) / 5^i) + 1: 5^-i scaled to 59 bits, rounded up.
  // pow5Split below: floor(5^i × 2^(61 - pow5Bits(i))), 5^i scaled to 61 bits.
  // Both generated with exact integer arithmetic.
  private static let pow5InverseSplit: [UInt64] = [
    0x0800_0000_0000_0001, 0x0666_6666_6666_6667, 0x051E_B851_EB85_1EB9,
    0x0418_9374_BC6A_7EFA, 0x068D_B8BA_C710_CB2A, 0x053E_2D62_38DA_3C22,
    0x0431_BDE8_2D7B_634E, 0x06B5_FCA6_AF2B_D216, 0x055E_63B8_8C23_0E78,
    0x044B_82FA_09B5_A52D, 0x06DF_37F6_75EF_6EAE, 0x057F_5FF8_5E59_2558,
    0x0465_E660_4B7A_8447, 0x0709_709A_125D_A071, 0x05A1_26E1_A84A_E6C1,
    0x0480_EBE7_B9D5_8567, 0x0734_ACA5_F622_6F0B, 0x05C3_BD51_91B5_25A3,
    0x049C_9774_7490_EAE9, 0x0760_F253_EDB4_AB0E, 0x05E7_2843_2490_88D8,
    0x04B8_ED02_83A6_D3E0, 0x078E_4804_05D7_B966, 0x060B_6CD0_04AC_9452,
    0x04D5_F0A6_6A23_A9DB, 0x07BC_B43D_769F_762B, 0x0630_9031_2BB2_C4EF,
    0x04F3_A68D_BC8F_03F3, 0x07EC_3DAF_9418_0651, 0x0656_97BF_A9AC_D1DA,
    0x0512_12FF_BAF0_A7E2,
  ]
  private static let pow5Split: [UInt64] = [
    0x1000_0000_0000_0000, 0x1400_0000_0000_0000, 0x1900_0000_0000_0000,
    0x1F40_0000_0000_0000, 0x1388_0000_0000_0000, 0x186A_0000_0000_0000,
    0x1E84_8000_0000_0000, 0x1312_D000_0000_0000, 0x17D7_8400_0000_0000,
    0x1DCD_6500_0000_0000, 0x12A0_5F20_0000_0000, 0x1748_76E8_0000_0000,
    0x1D1A_94A2_0000_0000, 0x1230_9CE5_4000_0000, 0x16BC_C41E_9000_0000,
    0x1C6B_F526_3400_0000, 0x11C3_7937_E080_0000, 0x1634_5785_D8A0_0000,
    0x1BC1_6D67_4EC8_0000, 0x1158_E460_913D_0000, 0x15AF_1D78_B58C_4000,
    0x1B1A_E4D6_E2EF_5000, 0x10F0_CF06_4DD5_9200, 0x152D_02C7_E14A_F680,
    0x1A78_4379_D99D_B420, 0x108B_2A2C_2802_9094, 0x14AD_F4B7_3203_34B9,
    0x19D9_71E4_FE84_01E7, 0x1027_E72F_1F12_8130, 0x1431_E0FA_E6D7_217C,
    0x193E_5939_A08C_E9DB, 0x1F8D_EF88_08B0_2452, 0x13B8_B5B5_056E_16B3,
    0x18A6_E322_46C9_9C60, 0x1ED0_9BEA_D87C_0378, 0x1342_6172_C74D_822B,
    0x1812_F9CF_7920_E2B6, 0x1E17_B843_5769_1B64, 0x12CE_D32A_16A1_B11E,
    0x1782_87F4_9C4A_1D66, 0x1D63_29F1_C35C_A4BF, 0x125D_FA37_1A19_E6F7,
    0x16F5_78C4_E0A0_60B5, 0x1CB2_D6F6_18C8_78E3, 0x11EF_C659_CF7D_4B8D,
    0x166B_B7F0_435C_9E71, 0x1C06_A5EC_5433_C60D, 0x1184_27B3_B4A0_5BC8,
  ]
}
