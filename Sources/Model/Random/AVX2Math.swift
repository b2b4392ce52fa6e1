/// One lane of the AVX2 `log` and `sincos` polynomials that PyTorch's x86-64 wheels use in
/// the block normal path (Cephes-style, from `avx_mathfun.h`), with exactly the fused and
/// unfused steps of the compiled kernel: an fma where the wheel has one, a rounded
/// multiply and add where it has none (`docs/pytorch-numbers.md#avx2-kernel`).
///
/// Swift never contracts `a * b + c` on its own, so each `addingProduct` below is an fma
/// of the kernel and every other operation rounds on its own.
enum AVX2Math {
  /// 2π rounded to float32 (0x40C90FDB), the factor of the block path's angle.
  static var twoPi: Float { Float(bitPattern: 0x40C9_0FDB) }

  /// The natural logarithm of a positive normal float `u` (the block path passes
  /// `u` in [2^-24, 1]).
  @inline(__always)
  static func log(_ u: Float) -> Float {
    let b = u.bitPattern
    var e = Float(Int32(bitPattern: b >> 23) - 127) + 1
    let m = Float(bitPattern: (b & 0x807F_FFFF) | 0x3F00_0000)
    var x: Float
    if m < Float(bitPattern: 0x3F35_04F3) {  // sqrt(1/2)
      e = e - 1
      x = (m - 1) + m
    } else {
      x = m - 1
    }
    let z = x * x
    var y = Float(bitPattern: 0x3D90_21BB)
    y = Float(bitPattern: 0xBDEB_D1B8).addingProduct(y, x)
    y = Float(bitPattern: 0x3DEF_251A).addingProduct(y, x)
    y = Float(bitPattern: 0xBDFE_5D4F).addingProduct(y, x)
    y = Float(bitPattern: 0x3E11_E9BF).addingProduct(y, x)
    y = Float(bitPattern: 0xBE2A_AE50).addingProduct(y, x)
    y = Float(bitPattern: 0x3E4C_CEAC).addingProduct(y, x)
    y = Float(bitPattern: 0xBE7F_FFFC).addingProduct(y, x)
    y = Float(bitPattern: 0x3EAA_AAAA).addingProduct(y, x)
    y = y * x
    let eQ1 = e * Float(bitPattern: 0xB95E_8083)
    y = eQ1.addingProduct(y, z)
    let halfZ = z * 0.5
    y = y - halfZ
    x = x + y
    return x.addingProduct(e, Float(bitPattern: 0x3F31_8000))
  }

  /// Sine and cosine of `t` in [0, 2π) (the block path's angle is never negative, so the
  /// kernel's handling of a negative argument is left out).
  @inline(__always)
  static func sincos(_ t: Float) -> (sin: Float, cos: Float) {
    let y = t * Float(bitPattern: 0x3FA2_F983)  // 4/π
    var j = Int32(y)
    j = (j &+ 1) & ~1
    let yj = Float(j)
    let sinNegative = j & 4 != 0
    let cosNegative = (j &- 2) & 4 == 0
    let sinFromSinePolynomial = j & 2 == 0

    // Range reduction by π/4 in three fused steps (extended precision).
    var r = t.addingProduct(yj, Float(bitPattern: 0xBF49_0000))
    r = r.addingProduct(yj, Float(bitPattern: 0xB97D_A000))
    r = r.addingProduct(yj, Float(bitPattern: 0xB322_2169))
    let z = r * r

    var c = Float(bitPattern: 0xBAB6_061A).addingProduct(Float(bitPattern: 0x37CC_F5CE), z)
    c = Float(bitPattern: 0x3D2A_AAA5).addingProduct(c, z)
    c = z * c
    let halfZ = z * 0.5
    c = (-halfZ).addingProduct(z, c)
    c = c + 1

    var s = Float(bitPattern: 0x3C08_839E).addingProduct(Float(bitPattern: 0xB94C_A1F9), z)
    s = Float(bitPattern: 0xBE2A_AAA3).addingProduct(s, z)
    s = z * s
    s = r.addingProduct(r, s)

    var (sine, cosine) = sinFromSinePolynomial ? (s, c) : (c, s)
    if sinNegative { sine = -sine }
    if cosNegative { cosine = -cosine }
    return (sine, cosine)
  }
}
