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
///
/// Speed: a float takes a chain of some forty dependent steps, and the processor keeps
/// only a float or two in flight (its window fills with the steps waiting), so the time
/// per float follows both the chain's length and its count of instructions. Hence no
/// loop, and no branch the data decides (Dragonbox's two answers are both computed and
/// a mask keeps one); per-exponent tables in place of logarithm arithmetic; a normal
/// float's digits taken from Dragonbox's upper end before the answer is settled (its
/// last digit written after them), through a table of three-digit texts; and the
/// digits stored at an offset rather than shifted into place.
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
    // Zero, subnormals and powers of two (a field is 0: one less is negative), apart.
    if _slowPath(Int32(bitPattern: (ieeeMantissa &- 1) | (ieeeExponent &- 1)) < 0) {
      return writeRare(bits, start: start) + (start - out)
    }
    let (upper, hundreds, last, exponent) = decimal(
      significand: ieeeMantissa | 1 << 23, ieeeExponent: ieeeExponent)
    // The digits are upper / 100 then `last`; upper / 100 has 6 to 8 digits (`upper`,
    // Dragonbox's upper end of the interval, is 83886095 … 1661534945 for the normal
    // floats not powers of two: its ends are monotonic in the significand), written
    // right-aligned in eight with leading zeros.
    let leadingZeros = 2 &- (upper >= 100_000_000 ? 1 : 0) &- (upper >= 1_000_000_000 ? 1 : 0)
    let pointPosition = Int(exponent) &+ 9 &- leadingZeros
    let (text, zeros) = digitText(upper, hundreds)
    // Where the digits written end, counted from the text's first byte: all nine when
    // `last` is not 0, else less the trailing zeros of the last three (from the table;
    // a mask, all ones when `last` is 0, not a Bool: that would be a branch), unless
    // those are all zeros (rare: then counted in the text, as `digitsEnd` does).
    var textEnd: Int
    if _slowPath(zeros == 3) {
      textEnd = digitsEnd(text, last)
    } else {
      let lastIsZero = Int(truncatingIfNeeded: Int32(bitPattern: last &- 1) &>> 31)
      textEnd = 9 &- (zeros &+ 1) & lastIsZero
    }
    return layout(text, textEnd, leadingZeros, last, pointPosition, bits, start: start) - out
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
      // Subnormals share the smallest normal exponent, without the implicit bit.
      let (_, hundreds, last, tensExponent) = decimal(
        significand: ieeeMantissa, ieeeExponent: 1)
      (digits, exponent) = (hundreds &* 10 &+ last, tensExponent)
    } else {
      (digits, exponent) = powerOfTwoDecimal(Int32(bitPattern: ieeeExponent) &- 150)
    }
    let length = decimalLength(digits)
    // Nine digits, the first not 0: the first eight as text, the ninth apart.
    let nine = digits &* nineDigitScales[length]
    let eight = nine / 10
    let text = digitText(eight)
    let next = nine &- eight &* 10
    return layout(
      text, digitsEnd(text, next), 0, next, Int(exponent) &+ length, bits, start: start) - start
  }

  /// 10^(9 − n) for n digits: the scale to nine digits.
  private static let nineDigitScales: [UInt32] = [
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1000, 100, 10, 1,
  ]

  /// Where the digits written end, counted from the first byte of `text`: past the
  /// last digit not 0 among the text's (ASCII) and `next` (a number) after them. Bytes
  /// 1…7 of the text and `next` as numbers (each below 16, so its byte's high half is 0)
  /// in the bytes of a word, shifted up four bits, and 1 below them all (for when only
  /// the text's first byte counts): for a digit not 0 in byte j, the highest bit set is
  /// 8j + 4 … 8j + 7, and the end j + 2 = (that + 12) / 8.
  @inline(__always)
  private static func digitsEnd(_ text: UInt64, _ next: UInt32) -> Int {
    let digitBits = (text ^ 0x3030_3030_3030_3030) &>> 4 | UInt64(next) &<< 60 | 1
    return (63 &- digitBits.leadingZeroBitCount &+ 12) &>> 3
  }

  /// Writes the float with these `bits` at `start`, after its sign: its digits d1 d2…
  /// are ASCII in the bytes of `text` after `leadingZeros` (0 … 2) zeros (the first
  /// byte lowest), then one more, `next` (a number), d1 not 0 and the last ones possibly
  /// 0, the last not 0 at `textEnd` − 1 counted from the text's first byte, and its
  /// value is 0.d1d2… × 10^pointPosition. Returns where it stopped writing.
  ///
  /// Where they can, the digits are stored at an offset rather than shifted into
  /// place, their leading zeros landing where other bytes are written or rewritten.
  @inline(__always)
  private static func layout(
    _ text: UInt64, _ textEnd: Int, _ leadingZeros: Int, _ next: UInt32,
    _ pointPosition: Int, _ bits: UInt32, start: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    let nextByte = UInt8(ascii: "0") | UInt8(truncatingIfNeeded: next)
    // Above 2^24 (and below 10^-4) Swift writes an exponent.
    if pointPosition < -3 || bits & 0x7FFF_FFFF > 0x4B80_0000 {
      // d1.d2…dn, then e±XX, over the point when there is one digit: the text less its
      // first byte with d2 at 2 (its first bytes, at most two, then rewritten), `next`
      // after it, then d1 and the point.
      let textAt = 1 &- leadingZeros
      store(text &>> 8, at: start + textAt + 1)
      start[textAt &+ 8] = nextByte
      start[0] = UInt8(truncatingIfNeeded: text &>> (8 &* UInt64(truncatingIfNeeded: leadingZeros)))
      start[1] = UInt8(ascii: ".")
      let count = textEnd &- leadingZeros
      let end = count &+ (count > 1 ? 1 : 0)
      let exponentText = UnsafeRawPointer(exponentTexts.utf8Start).loadUnaligned(
        fromByteOffset: (pointPosition &+ 44) &* 4, as: UInt32.self)
      UnsafeMutableRawPointer(start + end).storeBytes(of: exponentText, as: UInt32.self)
      return start + end + 4
    }
    if pointPosition <= 0 {
      // 0.000ddd: the zeros written all at once, the text over the ones not needed (its
      // leading zeros on them too, or on the point, written again), `next` after it.
      store("0.000000", at: start)
      let textAt = 2 &- pointPosition &- leadingZeros
      store(text, at: start + textAt)
      start[1] = UInt8(ascii: ".")
      start[textAt &+ 8] = nextByte
      return start + textAt + textEnd
    }
    // ddd.ddd and ddd000.0 (at most 2^24: the point at most eight places in): the digits
    // shifted to the first byte, the bytes that frees at the top filled with zeros and
    // `next` in the first of them (in the ninth digit when there are no leading zeros:
    // the fill's shift, 64, is 0, and the fill, a 0 in every byte, changes no digit).
    let shift = 8 &* UInt64(truncatingIfNeeded: leadingZeros)
    let ninth = leadingZeros == 0 ? next : 0
    let fill = 0x3030_3030_3030_3030 &+ UInt64(next &- ninth)
    let word = text &>> shift | fill &<< (64 &- shift)
    // The digits one byte right, then the first `pointPosition` of them back in place
    // (a mask on the word) and the point after them.
    let kept = UInt64.max &>> (64 &- 8 &* UInt64(truncatingIfNeeded: pointPosition))
    store(word, at: start + 1)
    start[9] = UInt8(ascii: "0") | UInt8(truncatingIfNeeded: ninth)
    store(word & kept | (word & ~kept) &<< 8, at: start)
    start[pointPosition] = UInt8(ascii: ".")
    // Past the last digit, or past `.0` when the point comes after all the digits (the
    // digits past the count are zeros: the integer's and the one after the point).
    let count = textEnd &- leadingZeros
    return start + (pointPosition < count ? count &+ 1 : pointPosition &+ 2)
  }

  /// The eight decimal digits of `hundreds` = n / 100 (below 10^8, leading zeros
  /// included), ASCII in the bytes of a word, the first in the lowest byte (the first in
  /// memory: the words here are little-endian, as on every platform Swift runs this
  /// program on), and the count of trailing zeros of the last three. The divisions by
  /// constants are multiplications, and all are of n, side by side, not one after the
  /// other.
  @inline(__always)
  static func digitText(_ n: UInt32, _ hundreds: UInt32) -> (text: UInt64, zeros: Int) {
    let firstTwo = n / 100_000_000
    let fiveDown = n / 100_000
    return digitText(firstTwo, fiveDown &- firstTwo &* 1000, hundreds &- fiveDown &* 1000)
  }

  /// `digitText(_:_:)`'s text for n itself (below 10^8).
  static func digitText(_ n: UInt32) -> UInt64 {
    let firstTwo = n / 1_000_000
    let thousands = n / 1000
    return digitText(firstTwo, thousands &- firstTwo &* 1000, n &- thousands &* 1000).text
  }

  /// Two, three and three digits, each from the table of three-digit texts, and the
  /// trailing zeros of the last three.
  @inline(__always)
  private static func digitText(
    _ firstTwo: UInt32, _ middle: UInt32, _ lastThree: UInt32
  ) -> (text: UInt64, zeros: Int) {
    let triples = UnsafeRawPointer(digitTriples.utf8Start)
    // The last two digits of `0xy`.
    let pair = triples.loadUnaligned(fromByteOffset: Int(firstTwo) &* 4 &+ 1, as: UInt16.self)
    // Whole entries: the middle's count of zeros dropped by the mask, the last's past
    // the word's top (and kept apart).
    let middleText = triples.loadUnaligned(fromByteOffset: Int(middle) &* 4, as: UInt32.self)
    let lastText = triples.loadUnaligned(fromByteOffset: Int(lastThree) &* 4, as: UInt32.self)
    return (
      UInt64(pair) | UInt64(middleText & 0xFF_FFFF) &<< 16 | UInt64(lastText) &<< 40,
      Int(lastText &>> 24) &- 0x30
    )
  }

  /// `000`, `001`, … `999`: three ASCII digits for each number below 1000, each then
  /// followed by the count of its trailing zeros as a digit (`3` for `000`), so that an
  /// entry is a whole four-byte word: `0003`, `0010`, … `0101`, … `9990`.
  private static let digitTriples: StaticString = """
    00030010002000300040005000600070008000900101011001200130014001500160017001800190\
    02010210022002300240025002600270028002900301031003200330034003500360037003800390\
    04010410042004300440045004600470048004900501051005200530054005500560057005800590\
    06010610062006300640065006600670068006900701071007200730074007500760077007800790\
    08010810082008300840085008600870088008900901091009200930094009500960097009800990\
    10021010102010301040105010601070108010901101111011201130114011501160117011801190\
    12011210122012301240125012601270128012901301131013201330134013501360137013801390\
    14011410142014301440145014601470148014901501151015201530154015501560157015801590\
    16011610162016301640165016601670168016901701171017201730174017501760177017801790\
    18011810182018301840185018601870188018901901191019201930194019501960197019801990\
    20022010202020302040205020602070208020902101211021202130214021502160217021802190\
    22012210222022302240225022602270228022902301231023202330234023502360237023802390\
    24012410242024302440245024602470248024902501251025202530254025502560257025802590\
    26012610262026302640265026602670268026902701271027202730274027502760277027802790\
    28012810282028302840285028602870288028902901291029202930294029502960297029802990\
    30023010302030303040305030603070308030903101311031203130314031503160317031803190\
    32013210322032303240325032603270328032903301331033203330334033503360337033803390\
    34013410342034303440345034603470348034903501351035203530354035503560357035803590\
    36013610362036303640365036603670368036903701371037203730374037503760377037803790\
    38013810382038303840385038603870388038903901391039203930394039503960397039803990\
    40024010402040304040405040604070408040904101411041204130414041504160417041804190\
    42014210422042304240425042604270428042904301431043204330434043504360437043804390\
    44014410442044304440445044604470448044904501451045204530454045504560457045804590\
    46014610462046304640465046604670468046904701471047204730474047504760477047804790\
    48014810482048304840485048604870488048904901491049204930494049504960497049804990\
    50025010502050305040505050605070508050905101511051205130514051505160517051805190\
    52015210522052305240525052605270528052905301531053205330534053505360537053805390\
    54015410542054305440545054605470548054905501551055205530554055505560557055805590\
    56015610562056305640565056605670568056905701571057205730574057505760577057805790\
    58015810582058305840585058605870588058905901591059205930594059505960597059805990\
    60026010602060306040605060606070608060906101611061206130614061506160617061806190\
    62016210622062306240625062606270628062906301631063206330634063506360637063806390\
    64016410642064306440645064606470648064906501651065206530654065506560657065806590\
    66016610662066306640665066606670668066906701671067206730674067506760677067806790\
    68016810682068306840685068606870688068906901691069206930694069506960697069806990\
    70027010702070307040705070607070708070907101711071207130714071507160717071807190\
    72017210722072307240725072607270728072907301731073207330734073507360737073807390\
    74017410742074307440745074607470748074907501751075207530754075507560757075807590\
    76017610762076307640765076607670768076907701771077207730774077507760777077807790\
    78017810782078307840785078607870788078907901791079207930794079507960797079807990\
    80028010802080308040805080608070808080908101811081208130814081508160817081808190\
    82018210822082308240825082608270828082908301831083208330834083508360837083808390\
    84018410842084308440845084608470848084908501851085208530854085508560857085808590\
    86018610862086308640865086608670868086908701871087208730874087508760877087808790\
    88018810882088308840885088608870888088908901891089208930894089508960897089808990\
    90029010902090309040905090609070908090909101911091209130914091509160917091809190\
    92019210922092309240925092609270928092909301931093209330934093509360937093809390\
    94019410942094309440945094609470948094909501951095209530954095509560957095809590\
    96019610962096309640965096609670968096909701971097209730974097509760977097809790\
    98019810982098309840985098609870988098909901991099209930994099509960997099809990
    """

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
  /// significand and biased binary exponent (not 0, and not a power of two), the
  /// closest of them, ties to an even last digit, as `hundreds` = upper / 100 and the
  /// `last` digit: digits = hundreds × 10 + last, at most nine digits, possibly ending
  /// in zeros (the writer drops them). `upper` and `hundreds` are known well before
  /// `last`.
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
  static func decimal(significand: UInt32, ieeeExponent: UInt32) -> (
    upper: UInt32, hundreds: UInt32, last: UInt32, exponent: Int32
  ) {
    let cache = cacheByExponent[Int(ieeeExponent)]
    let info = infoByExponent[Int(ieeeExponent)]
    let beta = UInt64(info & 0xFF)
    let deltai = info &>> 8 & 0xFF
    let halfWidthBelow5 = info &>> 24
    let twoFc = significand &<< 1
    // zi: the interval's upper end, (2c + 1) × 2^(exponent−1) × 10^-minusK, truncated,
    // and the fraction the truncation dropped (its top 32 bits).
    let upper = cache.multipliedFullWidth(by: UInt64((twoFc | 1) &<< UInt32(beta)))
    var zi = UInt32(truncatingIfNeeded: upper.high)
    let ziFraction = UInt32(truncatingIfNeeded: upper.low &>> 32)

    var hundreds = zi / 100
    var r = zi &- 100 &* hundreds
    // zi rounded down to hundreds is inside when the remainder is below the width: then
    // `inside` is all ones, else 0 (the sign of r − deltai, both below 2^31, spread by
    // an arithmetic shift; a Bool here would become a branch again).
    var inside = UInt32(bitPattern: Int32(bitPattern: r &- deltai) &>> 31)
    // Rare cases (about one value in fifty), in one test.
    if _slowPath(r == deltai || r == 0) {
      // Round-half-even reading accepts the interval's ends when the significand is even.
      let includesEnds = significand & 1 == 0
      if r == deltai {
        // Exactly the width: inside if the lower end's fraction is not above zi's.
        let lower = mulParity(twoFc &- 1, cache, beta)
        inside = lower.parity || (lower.isInteger && includesEnds) ? ~0 : 0
      } else if ziFraction == 0 && !includesEnds {
        // zi is itself the rounded-down value, and an excluded end: one digit more,
        // below zi (its hundreds one less, and the remainder 100).
        zi &-= 100
        hundreds &-= 1
        r = 100
        inside = 0
      }
    }
    // One digit more: the one nearest the value, from the remainder's distance to the
    // middle of the interval, checked by parity when it could be a tie. Computed
    // whether needed or not (and meaningless when `inside`).
    var dist = r &- halfWidthBelow5  // r − deltai / 2 + 5
    let approximateParity = (dist ^ 5) & 1 != 0
    // dist / 10 and whether 10 divides it, for dist ≤ 100 (6554 = 2^16 / 10 + 1); the
    // mask keeps the (rare) tie check to the values not `inside`, in the same test.
    dist = dist &* 6554
    var last = dist &>> 16
    if _slowPath(dist & 0xFFFF | inside < 6554) {
      let middle = mulParity(twoFc, cache, beta)
      if middle.parity != approximateParity || (middle.isInteger && last & 1 != 0) {
        last &-= 1
      }
    }
    // The hundreds and a 0 (a trailing zero the writer drops), or the one digit more:
    // the same exponent either way, and a mask in place of a branch.
    return (
      zi, hundreds, last & ~inside, Int32(truncatingIfNeeded: info &>> 16 & 0xFF) &- 128
    )
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

  /// Per biased exponent 1 … 254 (0 and 255 unused), Dragonbox's power of ten for it:
  /// pow10Significands[31 − minusK] with minusK = ((exponent − 150) × 315653 >> 20) − 1,
  /// that is floor(log10(2^(exponent − 150))) − κ. A table in place of that arithmetic
  /// shortens each float's chain of steps; `ShortestFloatTests` derives it again.
  static let cacheByExponent: [UInt64] = [
    0x0000_0000_0000_0000, 0xE035_2F62_A19E_306F, 0xE035_2F62_A19E_306F,
    0xE035_2F62_A19E_306F, 0xB35D_BF82_1AE4_F38C, 0xB35D_BF82_1AE4_F38C,
    0xB35D_BF82_1AE4_F38C, 0xB35D_BF82_1AE4_F38C, 0x8F7E_32CE_7BEA_5C70,
    0x8F7E_32CE_7BEA_5C70, 0x8F7E_32CE_7BEA_5C70, 0xE596_B7B0_C643_C71A,
    0xE596_B7B0_C643_C71A, 0xE596_B7B0_C643_C71A, 0xB7AB_C627_0503_05AE,
    0xB7AB_C627_0503_05AE, 0xB7AB_C627_0503_05AE, 0xB7AB_C627_0503_05AE,
    0x92EF_D1B8_D0CF_37BF, 0x92EF_D1B8_D0CF_37BF, 0x92EF_D1B8_D0CF_37BF,
    0xEB19_4F8E_1AE5_25FE, 0xEB19_4F8E_1AE5_25FE, 0xEB19_4F8E_1AE5_25FE,
    0xBC14_3FA4_E250_EB32, 0xBC14_3FA4_E250_EB32, 0xBC14_3FA4_E250_EB32,
    0xBC14_3FA4_E250_EB32, 0x9676_9950_B50D_88F5, 0x9676_9950_B50D_88F5,
    0x9676_9950_B50D_88F5, 0xF0BD_C21A_BB48_DB21, 0xF0BD_C21A_BB48_DB21,
    0xF0BD_C21A_BB48_DB21, 0xC097_CE7B_C907_15B4, 0xC097_CE7B_C907_15B4,
    0xC097_CE7B_C907_15B4, 0xC097_CE7B_C907_15B4, 0x9A13_0B96_3A6C_115D,
    0x9A13_0B96_3A6C_115D, 0x9A13_0B96_3A6C_115D, 0xF684_DF56_C3E0_1BC7,
    0xF684_DF56_C3E0_1BC7, 0xF684_DF56_C3E0_1BC7, 0xC537_1912_364C_E306,
    0xC537_1912_364C_E306, 0xC537_1912_364C_E306, 0xC537_1912_364C_E306,
    0x9DC5_ADA8_2B70_B59E, 0x9DC5_ADA8_2B70_B59E, 0x9DC5_ADA8_2B70_B59E,
    0xFC6F_7C40_4581_2297, 0xFC6F_7C40_4581_2297, 0xFC6F_7C40_4581_2297,
    0xC9F2_C9CD_0467_4EDF, 0xC9F2_C9CD_0467_4EDF, 0xC9F2_C9CD_0467_4EDF,
    0xA18F_07D7_36B9_0BE6, 0xA18F_07D7_36B9_0BE6, 0xA18F_07D7_36B9_0BE6,
    0xA18F_07D7_36B9_0BE6, 0x813F_3978_F894_0985, 0x813F_3978_F894_0985,
    0x813F_3978_F894_0985, 0xCECB_8F27_F420_0F3A, 0xCECB_8F27_F420_0F3A,
    0xCECB_8F27_F420_0F3A, 0xA56F_A5B9_9019_A5C8, 0xA56F_A5B9_9019_A5C8,
    0xA56F_A5B9_9019_A5C8, 0xA56F_A5B9_9019_A5C8, 0x8459_5161_4014_84A0,
    0x8459_5161_4014_84A0, 0x8459_5161_4014_84A0, 0xD3C2_1BCE_CCED_A100,
    0xD3C2_1BCE_CCED_A100, 0xD3C2_1BCE_CCED_A100, 0xA968_163F_0A57_B400,
    0xA968_163F_0A57_B400, 0xA968_163F_0A57_B400, 0xA968_163F_0A57_B400,
    0x8786_7832_6EAC_9000, 0x8786_7832_6EAC_9000, 0x8786_7832_6EAC_9000,
    0xD8D7_26B7_177A_8000, 0xD8D7_26B7_177A_8000, 0xD8D7_26B7_177A_8000,
    0xAD78_EBC5_AC62_0000, 0xAD78_EBC5_AC62_0000, 0xAD78_EBC5_AC62_0000,
    0xAD78_EBC5_AC62_0000, 0x8AC7_2304_89E8_0000, 0x8AC7_2304_89E8_0000,
    0x8AC7_2304_89E8_0000, 0xDE0B_6B3A_7640_0000, 0xDE0B_6B3A_7640_0000,
    0xDE0B_6B3A_7640_0000, 0xB1A2_BC2E_C500_0000, 0xB1A2_BC2E_C500_0000,
    0xB1A2_BC2E_C500_0000, 0xB1A2_BC2E_C500_0000, 0x8E1B_C9BF_0400_0000,
    0x8E1B_C9BF_0400_0000, 0x8E1B_C9BF_0400_0000, 0xE35F_A931_A000_0000,
    0xE35F_A931_A000_0000, 0xE35F_A931_A000_0000, 0xB5E6_20F4_8000_0000,
    0xB5E6_20F4_8000_0000, 0xB5E6_20F4_8000_0000, 0xB5E6_20F4_8000_0000,
    0x9184_E72A_0000_0000, 0x9184_E72A_0000_0000, 0x9184_E72A_0000_0000,
    0xE8D4_A510_0000_0000, 0xE8D4_A510_0000_0000, 0xE8D4_A510_0000_0000,
    0xBA43_B740_0000_0000, 0xBA43_B740_0000_0000, 0xBA43_B740_0000_0000,
    0xBA43_B740_0000_0000, 0x9502_F900_0000_0000, 0x9502_F900_0000_0000,
    0x9502_F900_0000_0000, 0xEE6B_2800_0000_0000, 0xEE6B_2800_0000_0000,
    0xEE6B_2800_0000_0000, 0xBEBC_2000_0000_0000, 0xBEBC_2000_0000_0000,
    0xBEBC_2000_0000_0000, 0xBEBC_2000_0000_0000, 0x9896_8000_0000_0000,
    0x9896_8000_0000_0000, 0x9896_8000_0000_0000, 0xF424_0000_0000_0000,
    0xF424_0000_0000_0000, 0xF424_0000_0000_0000, 0xC350_0000_0000_0000,
    0xC350_0000_0000_0000, 0xC350_0000_0000_0000, 0xC350_0000_0000_0000,
    0x9C40_0000_0000_0000, 0x9C40_0000_0000_0000, 0x9C40_0000_0000_0000,
    0xFA00_0000_0000_0000, 0xFA00_0000_0000_0000, 0xFA00_0000_0000_0000,
    0xC800_0000_0000_0000, 0xC800_0000_0000_0000, 0xC800_0000_0000_0000,
    0xA000_0000_0000_0000, 0xA000_0000_0000_0000, 0xA000_0000_0000_0000,
    0xA000_0000_0000_0000, 0x8000_0000_0000_0000, 0x8000_0000_0000_0000,
    0x8000_0000_0000_0000, 0xCCCC_CCCC_CCCC_CCCD, 0xCCCC_CCCC_CCCC_CCCD,
    0xCCCC_CCCC_CCCC_CCCD, 0xA3D7_0A3D_70A3_D70B, 0xA3D7_0A3D_70A3_D70B,
    0xA3D7_0A3D_70A3_D70B, 0xA3D7_0A3D_70A3_D70B, 0x8312_6E97_8D4F_DF3C,
    0x8312_6E97_8D4F_DF3C, 0x8312_6E97_8D4F_DF3C, 0xD1B7_1758_E219_652C,
    0xD1B7_1758_E219_652C, 0xD1B7_1758_E219_652C, 0xA7C5_AC47_1B47_8424,
    0xA7C5_AC47_1B47_8424, 0xA7C5_AC47_1B47_8424, 0xA7C5_AC47_1B47_8424,
    0x8637_BD05_AF6C_69B6, 0x8637_BD05_AF6C_69B6, 0x8637_BD05_AF6C_69B6,
    0xD6BF_94D5_E57A_42BD, 0xD6BF_94D5_E57A_42BD, 0xD6BF_94D5_E57A_42BD,
    0xABCC_7711_8461_CEFD, 0xABCC_7711_8461_CEFD, 0xABCC_7711_8461_CEFD,
    0xABCC_7711_8461_CEFD, 0x8970_5F41_36B4_A598, 0x8970_5F41_36B4_A598,
    0x8970_5F41_36B4_A598, 0xDBE6_FECE_BDED_D5BF, 0xDBE6_FECE_BDED_D5BF,
    0xDBE6_FECE_BDED_D5BF, 0xAFEB_FF0B_CB24_AAFF, 0xAFEB_FF0B_CB24_AAFF,
    0xAFEB_FF0B_CB24_AAFF, 0xAFEB_FF0B_CB24_AAFF, 0x8CBC_CC09_6F50_88CC,
    0x8CBC_CC09_6F50_88CC, 0x8CBC_CC09_6F50_88CC, 0xE12E_1342_4BB4_0E14,
    0xE12E_1342_4BB4_0E14, 0xE12E_1342_4BB4_0E14, 0xB424_DC35_095C_D810,
    0xB424_DC35_095C_D810, 0xB424_DC35_095C_D810, 0xB424_DC35_095C_D810,
    0x901D_7CF7_3AB0_ACDA, 0x901D_7CF7_3AB0_ACDA, 0x901D_7CF7_3AB0_ACDA,
    0xE695_94BE_C44D_E15C, 0xE695_94BE_C44D_E15C, 0xE695_94BE_C44D_E15C,
    0xB877_AA32_36A4_B44A, 0xB877_AA32_36A4_B44A, 0xB877_AA32_36A4_B44A,
    0xB877_AA32_36A4_B44A, 0x9392_EE8E_921D_5D08, 0x9392_EE8E_921D_5D08,
    0x9392_EE8E_921D_5D08, 0xEC1E_4A7D_B695_61A6, 0xEC1E_4A7D_B695_61A6,
    0xEC1E_4A7D_B695_61A6, 0xBCE5_0864_9211_1AEB, 0xBCE5_0864_9211_1AEB,
    0xBCE5_0864_9211_1AEB, 0xBCE5_0864_9211_1AEB, 0x971D_A050_74DA_7BEF,
    0x971D_A050_74DA_7BEF, 0x971D_A050_74DA_7BEF, 0xF1C9_0080_BAF7_2CB2,
    0xF1C9_0080_BAF7_2CB2, 0xF1C9_0080_BAF7_2CB2, 0xC16D_9A00_9592_8A28,
    0xC16D_9A00_9592_8A28, 0xC16D_9A00_9592_8A28, 0xC16D_9A00_9592_8A28,
    0x9ABE_14CD_4475_3B53, 0x9ABE_14CD_4475_3B53, 0x9ABE_14CD_4475_3B53,
    0xF796_87AE_D3EE_C552, 0xF796_87AE_D3EE_C552, 0xF796_87AE_D3EE_C552,
    0xC612_0625_7658_9DDB, 0xC612_0625_7658_9DDB, 0xC612_0625_7658_9DDB,
    0xC612_0625_7658_9DDB, 0x9E74_D1B7_91E0_7E49, 0x9E74_D1B7_91E0_7E49,
    0x9E74_D1B7_91E0_7E49, 0xFD87_B5F2_8300_CA0E, 0xFD87_B5F2_8300_CA0E,
    0xFD87_B5F2_8300_CA0E, 0xCAD2_F7F5_359A_3B3F, 0xCAD2_F7F5_359A_3B3F,
    0xCAD2_F7F5_359A_3B3F, 0xA242_5FF7_5E14_FC32, 0xA242_5FF7_5E14_FC32,
    0x0000_0000_0000_0000,
  ]

  /// Per biased exponent, as `cacheByExponent`: beta = exponent − 150 +
  /// floor(log2(10^-minusK)) (3 … 6) in bits 0–7, deltai = cache >> (63 − beta) (the
  /// interval's width, 10 … 99) in bits 8–15, minusK + 1 + 128 (the exponent of
  /// Dragonbox's digits, biased) in bits 16–23, and deltai / 2 − 5 in bits 24–31.
  static let infoByExponent: [UInt32] = [
    0x0000_0000, 0x0253_0E03, 0x0953_1C04, 0x1753_3805, 0x0054_0B03, 0x0654_1604,
    0x1154_2C05, 0x2754_5906, 0x0355_1104, 0x0C55_2305, 0x1E55_4706, 0x0256_0E03,
    0x0956_1C04, 0x1756_3905, 0x0057_0B03, 0x0657_1604, 0x1157_2D05, 0x2857_5B06,
    0x0458_1204, 0x0D58_2405, 0x1F58_4906, 0x0259_0E03, 0x0959_1D04, 0x1859_3A05,
    0x005A_0B03, 0x065A_1704, 0x125A_2F05, 0x2A5A_5E06, 0x045B_1204, 0x0D5B_2505,
    0x205B_4B06, 0x025C_0F03, 0x0A5C_1E04, 0x195C_3C05, 0x015D_0C03, 0x075D_1804,
    0x135D_3005, 0x2B5D_6006, 0x045E_1304, 0x0E5E_2605, 0x215E_4D06, 0x025F_0F03,
    0x0A5F_1E04, 0x195F_3D05, 0x0160_0C03, 0x0760_1804, 0x1360_3105, 0x2C60_6206,
    0x0461_1304, 0x0E61_2705, 0x2261_4E06, 0x0262_0F03, 0x0A62_1F04, 0x1A62_3F05,
    0x0163_0C03, 0x0763_1904, 0x1463_3205, 0x0064_0A03, 0x0564_1404, 0x0F64_2805,
    0x2364_5006, 0x0365_1004, 0x0B65_2005, 0x1B65_4006, 0x0166_0C03, 0x0766_1904,
    0x1466_3305, 0x0067_0A03, 0x0567_1404, 0x0F67_2905, 0x2467_5206, 0x0368_1004,
    0x0B68_2105, 0x1C68_4206, 0x0169_0D03, 0x0869_1A04, 0x1569_3405, 0x006A_0A03,
    0x056A_1504, 0x106A_2A05, 0x256A_5406, 0x036B_1004, 0x0B6B_2105, 0x1C6B_4306,
    0x016C_0D03, 0x086C_1B04, 0x166C_3605, 0x006D_0A03, 0x056D_1504, 0x106D_2B05,
    0x266D_5606, 0x036E_1104, 0x0C6E_2205, 0x1D6E_4506, 0x016F_0D03, 0x086F_1B04,
    0x166F_3705, 0x0070_0B03, 0x0670_1604, 0x1170_2C05, 0x2770_5806, 0x0371_1104,
    0x0C71_2305, 0x1E71_4706, 0x0272_0E03, 0x0972_1C04, 0x1772_3805, 0x0073_0B03,
    0x0673_1604, 0x1173_2D05, 0x2873_5A06, 0x0474_1204, 0x0D74_2405, 0x1F74_4806,
    0x0275_0E03, 0x0975_1D04, 0x1875_3A05, 0x0076_0B03, 0x0676_1704, 0x1276_2E05,
    0x2976_5D06, 0x0477_1204, 0x0D77_2505, 0x2077_4A06, 0x0278_0E03, 0x0978_1D04,
    0x1878_3B05, 0x0079_0B03, 0x0679_1704, 0x1279_2F05, 0x2A79_5F06, 0x047A_1304,
    0x0E7A_2605, 0x217A_4C06, 0x027B_0F03, 0x0A7B_1E04, 0x197B_3D05, 0x017C_0C03,
    0x077C_1804, 0x137C_3005, 0x2B7C_6106, 0x047D_1304, 0x0E7D_2705, 0x227D_4E06,
    0x027E_0F03, 0x0A7E_1F04, 0x1A7E_3E05, 0x017F_0C03, 0x077F_1904, 0x147F_3205,
    0x0080_0A03, 0x0580_1404, 0x0F80_2805, 0x2380_5006, 0x0381_1004, 0x0B81_2005,
    0x1B81_4006, 0x0182_0C03, 0x0782_1904, 0x1482_3305, 0x0083_0A03, 0x0583_1404,
    0x0F83_2805, 0x2383_5106, 0x0384_1004, 0x0B84_2005, 0x1B84_4106, 0x0185_0D03,
    0x0885_1A04, 0x1585_3405, 0x0086_0A03, 0x0586_1404, 0x0F86_2905, 0x2486_5306,
    0x0387_1004, 0x0B87_2105, 0x1C87_4306, 0x0188_0D03, 0x0888_1A04, 0x1588_3505,
    0x0089_0A03, 0x0589_1504, 0x1089_2A05, 0x2589_5506, 0x038A_1104, 0x0C8A_2205,
    0x1D8A_4406, 0x018B_0D03, 0x088B_1B04, 0x168B_3605, 0x008C_0A03, 0x058C_1504,
    0x108C_2B05, 0x268C_5706, 0x038D_1104, 0x0C8D_2305, 0x1E8D_4606, 0x028E_0E03,
    0x098E_1C04, 0x178E_3805, 0x008F_0B03, 0x068F_1604, 0x118F_2D05, 0x288F_5A06,
    0x0490_1204, 0x0D90_2405, 0x1F90_4806, 0x0291_0E03, 0x0991_1C04, 0x1791_3905,
    0x0092_0B03, 0x0692_1704, 0x1292_2E05, 0x2992_5C06, 0x0493_1204, 0x0D93_2405,
    0x1F93_4906, 0x0294_0E03, 0x0994_1D04, 0x1894_3B05, 0x0095_0B03, 0x0695_1704,
    0x1295_2F05, 0x2A95_5E06, 0x0496_1204, 0x0D96_2505, 0x2096_4B06, 0x0297_0F03,
    0x0A97_1E04, 0x1997_3C05, 0x0198_0C03, 0x0798_1804, 0x1398_3005, 0x2B98_6006,
    0x0499_1304, 0x0E99_2605, 0x2199_4D06, 0x029A_0F03, 0x0A9A_1E04, 0x199A_3D05,
    0x019B_0C03, 0x079B_1804, 0x139B_3105, 0x2C9B_6306, 0x049C_1304, 0x0E9C_2705,
    0x229C_4F06, 0x029D_0F03, 0x0A9D_1F04, 0x1A9D_3F05, 0x019E_0C03, 0x079E_1904,
    0x149E_3205, 0x009F_0A03, 0x059F_1404, 0x0000_0000,
  ]

  /// ceil(10^e × 2^-r) for e = -31 … 46 (entry 31 + e), with r chosen so the value is
  /// in [2^63, 2^64): 10^e rounded up to 64 significant bits. Generated with Python
  /// integers: g = -((-n) // d) for the exact fraction n / d = 10^e × 2^-r, checked
  /// (g − 1) × d < n ≤ g × d; equal to Dragonbox's float32 table.
  static let pow10Significands: [UInt64] = [
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
