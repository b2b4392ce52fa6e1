/// A cell that can run backwards: its step computed again with what the backward pass
/// needs kept, and the backward of each of its operations in the order autograd runs
/// them. Each variant conforms in its own file (`LinearTanhCell+Backward.swift`, …).
public protocol DifferentiableCell: RNNCell {
  /// h_t from e_t and h_{t-1}, bit for bit as `step`, with the intermediate values the
  /// backward pass reads (for instance tanh's output).
  func forward(input e: Tensor, previous h: Tensor) -> CellTape

  /// From dL/dh_t, the step's contributions: dL/de_t and dL/dh_{t-1} returned, dL/dθ
  /// added to `sums` (one a parameter, in `parameters` order), each operation traced as
  /// it is computed (`trace.t` names the time step).
  func backward<L: TraceListener>(
    _ tape: CellTape, input e: Tensor, previous h: Tensor, gradient: Tensor,
    sums: inout [GradientSum], trace: inout Tracer<L>
  ) -> CellGradients

  /// The same cell holding other values, in `parameters` order (after an SGD update).
  func replacing(parameters values: [Tensor]) -> Self

  /// Before the backward pass over `words` words: marks the gradients PyTorch takes for
  /// every word at once (`GradientSum.keepsRows`), so that `backward` keeps each step's
  /// row for `finishBackward`. The lesson's cells take none.
  func prepareBackward(_ sums: inout [GradientSum], words: Int)

  /// After the backward pass through time: the gradients `prepareBackward` marked, from
  /// the rows kept and the input of every step (e_1 … e_T), each traced.
  func finishBackward<L: TraceListener>(
    _ sums: inout [GradientSum], inputs: [Tensor], trace: inout Tracer<L>)
}

extension DifferentiableCell {
  public func prepareBackward(_ sums: inout [GradientSum], words: Int) {}

  public func finishBackward<L: TraceListener>(
    _ sums: inout [GradientSum], inputs: [Tensor], trace: inout Tracer<L>
  ) {}
}

/// What a step's forward pass keeps for its backward pass.
public struct CellTape: Sendable {
  /// h_t.
  public let output: Tensor
  /// The intermediate values, named by the cell that saved them.
  public let saved: [Tensor]

  public init(output: Tensor, saved: [Tensor] = []) {
    self.output = output
    self.saved = saved
  }
}

/// One step's gradients.
public struct CellGradients: Sendable {
  /// dL/de_t, `[1, inputs]`.
  public let input: Tensor
  /// dL/dh_{t-1} through this step, `[1, hidden]`.
  public let previous: Tensor

  public init(input: Tensor, previous: Tensor) {
    self.input = input
    self.previous = previous
  }
}

/// The gradient arithmetic of the backward operations, as PyTorch's CPU computes them.
enum Backward {
  /// `tanh_backward(grad, y)`: grad · (1 - y·y), where the wheel's compiler fuses
  /// 1 - y·y into one multiply-add (one rounding), then multiplies.
  static func tanh(_ gradient: Tensor, output y: Tensor) -> Tensor {
    let values = zip(gradient.scalars, y.scalars).map { g, y in
      let slope = Float(1).addingProduct(-y, y)
      return g * slope
    }
    return Tensor(shape: gradient.shape, scalars: values)
  }

  /// The gradient of a weight in `x·W` (`mm`'s second operand), `[k, n]`: xᵀ·g, each
  /// element one product.
  static func outer(_ x: Tensor, _ g: Tensor) -> Tensor {
    var values = [Float](repeating: 0, count: x.count * g.count)
    for i in 0..<x.count {
      for j in 0..<g.count { values[i * g.count + j] = x.scalars[i] * g.scalars[j] }
    }
    return Tensor(shape: [x.count, g.count], scalars: values)
  }

  /// The gradient of an `nn.Linear` weight `[out, in]` in `x·Wᵀ`: gᵀ·x.
  static func outerTransposed(_ x: Tensor, _ g: Tensor) -> Tensor {
    outer(g, x)
  }

  /// dL/dx of `x·W` (W `[k, n]` contiguous): g·Wᵀ, which MKL sums as it sums `x·Wᵀ`
  /// through `nn.Linear`, from a freshly allocated gradient.
  static func throughProduct(_ g: Tensor, _ w: Tensor) -> Tensor {
    var fresh = g
    fresh.storageOffset = 0
    return fresh.matmulTransposed(w)
  }

  /// dL/dx of `x·Wᵀ` (an `nn.Linear` weight `[out, in]`): g·W, summed left to right like
  /// `torch.mm`. When x has one column, autograd takes it as column-major and computes
  /// (Wᵀ·gᵀ)ᵀ instead: one dot product, which MKL sums in its matrix-vector order.
  static func throughLinear(_ g: Tensor, _ w: Tensor) -> Tensor {
    guard w.columns == 1 else { return g.matmul(w) }
    var fresh = g
    fresh.storageOffset = 0
    return fresh.matmulTransposed(w.transposed())
  }

  /// The bias's gradient: the gradient itself, as a vector.
  static func bias(_ g: Tensor) -> Tensor {
    Tensor(shape: [g.count], scalars: g.scalars)
  }
}

extension Variant {
  /// Whether `Learner` can train the variant: its cell runs backwards.
  public var hasBackwardPass: Bool { cell is any DifferentiableCell.Type }

  /// The variants `Learner` trains, in `allCases` order.
  public static var trainable: [Variant] { allCases.filter(\.hasBackwardPass) }
}
