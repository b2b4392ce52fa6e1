/// `randn`, `normal_` and `uniform_` on contiguous float32 tensors.
extension TorchGenerator {
  /// `torch.randn(*shape)`.
  public mutating func randn(_ shape: [Int]) -> Tensor {
    precondition(shape.allSatisfy { $0 >= 0 }, "negative size in \(shape)")
    return Tensor(shape: shape, scalars: normal(count: shape.reduce(1, *)))
  }

  /// `Tensor.normal_(mean, std)` on a contiguous float32 tensor of `count` elements.
  ///
  /// PyTorch picks the algorithm from this call's count alone: below 16 elements the
  /// binary64 scalar path (which shares its cached sample across calls), from 16 on the
  /// float32 block path (which never touches that cache).
  public mutating func normal(count: Int, mean: Double = 0, std: Double = 1) -> [Float] {
    precondition(count >= 0, "negative element count \(count)")
    if count < 16 {
      var out = [Float]()
      out.reserveCapacity(count)
      for _ in 0..<count { out.append(Float(normalDouble(mean: mean, std: std))) }
      return out
    }
    let (mean, std) = (Float(mean), Float(std))
    return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      fillUniformFloats(buffer)
      NormalBlock.transform(buffer, mean: mean, std: std, kernel: kernel) { tail in
        fillUniformFloats(tail)
      }
      initialized = count
    }
  }

  /// `Tensor.uniform_(from, to)` on a float32 tensor of `count` elements.
  ///
  /// The AVX2 build evaluates `x * range + from` as one fma, the generic build rounds
  /// the product first; about 45 % of a symmetric range's elements differ in the last
  /// bit between the two. A result equal to `to` becomes `from`, keeping `[from, to)`.
  public mutating func uniform(count: Int, from: Double, to: Double) -> [Float] {
    precondition(count >= 0, "negative element count \(count)")
    let low = Float(from)
    let high = Float(to)
    let range = high - low
    let fused = kernel == .avx2
    return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      fillUniformFloats(buffer)
      for i in 0..<count {
        let x = buffer[i]
        var v: Float
        if fused {
          v = low.addingProduct(x, range)
        } else {
          let product = x * range
          v = product + low
        }
        if v == high { v = low }
        buffer[i] = v
      }
      initialized = count
    }
  }
}
