/// The order in which a product `x·W` summed each output's terms: what a view needs to
/// show the running sums the model really had.
public enum ProductOrder: UInt8, Sendable, Hashable {
  /// `x·W` with `W` stored `[k, n]`: each output summed from the first term on, left to
  /// right (`Tensor.matmul`).
  case leftToRight
  /// `x·Wᵀ` with `W` stored `[n, k]`, as `nn.Linear` computes it: MKL's matrix-vector
  /// kernel's order for one row (`Tensor.matmulTransposed`, `MKLGemv`).
  case mklGemv
  /// `x·W` as MKL's AVX-512 kernel sums it on Intel (`IntelAVX512Gemm`).
  case intelAVX512Gemm
  /// `x·Wᵀ` as MKL's AVX-512 matrix-vector kernel sums it on Intel (`IntelAVX512Gemv`).
  case intelAVX512Gemv
  /// `x·Wᵀ` as one row of MKL's matrix-matrix kernel on AMD (`MKLGemm`): nn.RNN's input
  /// product, which PyTorch takes for every word at once.
  case mklGemm

  /// Whether the weight is stored transposed, `[n, k]`.
  public var isTransposed: Bool { self != .leftToRight && self != .intelAVX512Gemm }
}

extension Tensor {
  /// The running sums of output `output` of the product of the row vector `x` with
  /// `weight`, in `order`: element `i` is the sum after term `i` (`x[i]` times the
  /// weight's element for `i`), as the model held it then, its partial sums (a kernel's
  /// lanes) combined in the kernel's own final order. The last element is the product's
  /// result, bit for bit.
  public static func runningSums(
    _ order: ProductOrder, _ x: Tensor, _ weight: Tensor, output: Int
  ) -> [Float] {
    let k = x.columns
    precondition(x.rows == 1, "a running sum is of one row")
    switch order {
    case .leftToRight:
      let n = weight.columns
      precondition(weight.rows == k && output < n, "cannot multiply")
      var sums: [Float] = []
      sums.reserveCapacity(k)
      var sum: Float = 0
      for i in 0..<k {
        let product = x.scalars[i] * weight.scalars[i * n + output]
        sum = i == 0 ? product : sum + product
        sums.append(sum)
      }
      return sums
    case .intelAVX512Gemm, .intelAVX512Gemv:
      return intelRunningSums(order, x, weight, output: output)
    case .mklGemm:
      precondition(weight.columns == k && output < weight.rows, "cannot multiply")
      return x.scalars.withUnsafeBufferPointer { a in
        weight.scalars.withUnsafeBufferPointer { w in
          MKLGemm.runningSums(
            count: k, a.baseAddress!, stride: 1, w.baseAddress! + output * k, stride: 1)
        }
      }
    case .mklGemv:
      precondition(weight.columns == k && output < weight.rows, "cannot multiply")
      let gemv = MKLGemv(count: k, outputs: weight.rows, inputOffset: x.storageOffset)
      return x.scalars.withUnsafeBufferPointer { a in
        weight.scalars.withUnsafeBufferPointer { w in
          gemv.runningSums(output: output, w.baseAddress! + output * k, a.baseAddress!)
        }
      }
    }
  }
}

extension Tensor {
  /// The Intel kernels' running sums, approximated: element `i` is what the kernel gives
  /// for the first `i + 1` terms alone (the rest taken as +0), so the last is the result
  /// bit for bit; the lanes' partial sums in between are not followed term by term.
  static func intelRunningSums(
    _ order: ProductOrder, _ x: Tensor, _ weight: Tensor, output: Int
  ) -> [Float] {
    let k = x.columns
    let family = KernelFamily.intelAVX512
    return (0..<k).map { i in
      var prefix = x
      prefix.scalars = x.scalars.enumerated().map { $0.offset <= i ? $0.element : 0 }
      let product =
        order == .intelAVX512Gemv
        ? prefix.matmulTransposed(weight, family: family) : prefix.matmul(weight, family: family)
      return product.scalars[output]
    }
  }
}

extension MKLGemv {
  /// The running sums of `dot(output:_:_:)`, one after each term: the kernel's lanes
  /// after that term, reduced as the kernel reduces them at the end.
  func runningSums(output: Int, _ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>)
    -> [Float]
  {
    let k = count
    var sums: [Float] = []
    sums.reserveCapacity(k)
    var sum: Float = 0
    func sequential(_ range: Range<Int>) {
      for i in range {
        let product = w[i] * x[i]
        sum = sums.isEmpty ? product : sum + product
        sums.append(sum)
      }
    }
    let grouped = outputs / 4 * 4
    if output < grouped {
      let head = k <= 4 ? k : k - (k - 1) / 4 * 4
      sequential(0..<head)
      if head == k { return sums }
      var lanes: [Float] = [sum, 0, 0, 0]
      for i in head..<k {
        let lane = (i - head) % 4
        let product = w[i] * x[i]
        lanes[lane] = lanes[lane] + product
        sums.append((lanes[0] + lanes[2]) + (lanes[1] + lanes[3]))
      }
      return sums
    }
    let eightLanes = output - grouped != 1
    let head = min(k, 4 - (inputOffset & 3))
    sequential(0..<head)
    var i = head
    if k - head >= 8 {
      var low: [Float] = [sum, 0, 0, 0]
      var high: [Float] = [0, 0, 0, 0]
      func reduced() -> Float {
        let f = eightLanes ? (0..<4).map { low[$0] + high[$0] } : low
        return (f[0] + f[2]) + (f[1] + f[3])
      }
      while i + 8 <= k {
        for lane in 0..<4 {
          let product = w[i + lane] * x[i + lane]
          low[lane] = low[lane] + product
          sums.append(reduced())
        }
        for lane in 0..<4 {
          let product = w[i + 4 + lane] * x[i + 4 + lane]
          if eightLanes {
            high[lane] = high[lane] + product
          } else {
            low[lane] = low[lane] + product
          }
          sums.append(reduced())
        }
        i += 8
      }
      sum = reduced()
    }
    sequential(i..<k)
    return sums
  }
}
