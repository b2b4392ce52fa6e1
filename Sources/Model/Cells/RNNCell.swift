/// A recurrent cell: one of the lesson's formulations of h_t from e_t and h_{t-1}.
///
/// A cell type owns everything about its variant: the name `--variant` and lesson files
/// use, the formula, its parameters (names, shapes, how PyTorch draws them), how a
/// lesson's `model:` names them, the step, and the names its events give each operation
/// (string literals beside the operations, see `NameTemplate`). Every other part of the
/// program asks the cell type (through `Variant`) rather than switching over variants; a
/// new variant is a new file here and a line in `Variant.allCases` (Variants.swift).
public protocol RNNCell: Sendable {
  /// The variant's name as `--variant`, a lesson's `variant:` and a log's header spell it.
  static var name: String { get }
  /// The recurrence in one line, for headers and help.
  static var formula: String { get }
  /// The model as a learner reads it, longest first: what its weights are and what
  /// activation it has (the option names say neither). Defaults to `name`.
  static var readableNames: [String] { get }
  /// The cell's parameters in the order PyTorch's `named_parameters()` lists them (after
  /// `embedding.weight` and `h0`): the order of `parameterValues` and of `init(parameters:)`.
  static var parameterLayout: [ParameterSpec] { get }
  /// The keys of a lesson's `model:` mapping after `embedding` and `h0`, and which
  /// parameters each supplies.
  static var lessonParts: [LessonPart] { get }
  /// The largest magnitude h_t can have (1 for a cell ending in tanh), or nil if unbounded.
  static var hiddenStateBound: Float? { get }

  /// Draws the parameters from PyTorch's generator, after the embedding and h_0, as the
  /// model's `__init__` would (docs/pytorch-numbers.md).
  static func draw(inputs: Int, hidden: Int, from generator: inout TorchGenerator) -> Self

  /// The cell holding `parameters`, in `parameterLayout` order and of its shapes.
  init(parameters: [Tensor])

  /// The parameters' values, in `parameterLayout` order.
  var parameterValues: [Tensor] { get }

  /// Computes h_t, each operation traced as it is computed; `trace.t` and `trace.word`
  /// name the time step. Returns h_t with the name of the operation that made it.
  func step<L: TraceListener>(
    input e: TracedTensor, previous h: TracedTensor, trace: inout Tracer<L>
  ) -> TracedTensor
}

extension RNNCell {
  public static var readableNames: [String] { [name] }

  /// Which variant this cell is.
  public var variant: Variant { Variant(Self.self) }

  /// The cell's parameters, named.
  public var parameters: [NamedTensor] {
    zip(Self.parameterLayout, parameterValues).map { NamedTensor($0.name, $1) }
  }

  /// The size of e_t.
  public var inputs: Int { size(of: .inputs) }
  /// The size of h_t.
  public var hidden: Int { size(of: .hidden) }

  private func size(of dimension: ParameterSpec.Dimension) -> Int {
    for (spec, value) in zip(Self.parameterLayout, parameterValues) {
      if let axis = spec.shape.firstIndex(of: dimension) { return value.shape[axis] }
    }
    preconditionFailure("\(Self.name) has no parameter sized by \(dimension)")
  }

  /// `parameters` with the names `parameterLayout` gives them, for `init(parameters:)`.
  static func traced(_ parameters: [Tensor]) -> [TracedTensor] {
    precondition(
      parameters.count == parameterLayout.count, "\(name) takes \(parameterLayout.count) parameters"
    )
    return zip(parameters, parameterLayout).map { TracedTensor($0, $1.template) }
  }

  /// The cell of size (1, 1) with every parameter zero: its trace has the steps and names
  /// of any other size.
  static func zeros() -> Self {
    Self(parameters: parameterLayout.map { Tensor(zeros: $0.shape(inputs: 1, hidden: 1)) })
  }
}

/// A parameter of a cell: its name and its shape in terms of the model's sizes.
public struct ParameterSpec: Sendable {
  /// A size a parameter's shape is made of.
  public enum Dimension: Sendable, Equatable {
    /// The size of e_t.
    case inputs
    /// The size of h_t.
    case hidden
  }

  /// How the parameter is named in the events, the log's header and the exports
  /// (`rnn.weight_ih_l0`: a name without holes).
  @usableFromInline let template: NameTemplate
  /// The sizes, outermost first: `[.hidden, .inputs]` is an `nn.Linear` weight `[out, in]`.
  public let shape: [Dimension]

  @usableFromInline
  init(_ template: NameTemplate, _ shape: [Dimension]) {
    self.template = template
    self.shape = shape
  }

  /// `We.weight`, `w_h`.
  public var name: String { TraceName(template, t: 0).string }

  /// The shape for a model of these sizes.
  public func shape(inputs: Int, hidden: Int) -> [Int] {
    shape.map { $0 == .inputs ? inputs : hidden }
  }
}

/// One key of a lesson's `model:` mapping: a weight that multiplies e_t or h_{t-1}.
public struct LessonPart: Sendable {
  /// How the part is written and used.
  public enum Kind: Sendable, Equatable {
    /// A tensor used as `x·W`: `[in, hidden]`, supplying the parameter named as the key.
    case weight
    /// An `nn.Linear(in, hidden)` used as `x·Wᵀ + b`: a draw's name or `{weight:, bias:}`,
    /// supplying the parameters `KEY.weight` and `KEY.bias`.
    case linear
  }

  /// The key in `model:` (`w_h`, `We`).
  public let key: String
  public let kind: Kind
  /// What the weight multiplies: e_t (`.inputs`) or h_{t-1} (`.hidden`).
  public let input: ParameterSpec.Dimension
  /// What to write there, for messages: "the hidden weight, hidden × hidden".
  public let description: String

  /// The parameters' names when they are not the key's (`KEY.weight`, `KEY.bias`): an
  /// `nn.RNN`'s layer is written as an `nn.Linear` and supplies `rnn.weight_ih_l0` ….
  let names: [String]?

  public init(
    _ key: String, _ kind: Kind, input: ParameterSpec.Dimension, _ description: String,
    names: [String]? = nil
  ) {
    self.key = key
    self.kind = kind
    self.input = input
    self.description = description
    self.names = names
  }

  /// The names of the parameters the part supplies.
  public var parameterNames: [String] {
    names ?? (kind == .weight ? [key] : [key + ".weight", key + ".bias"])
  }
}

/// One of the recurrences the program runs, known by its cell type.
public struct Variant: RawRepresentable, CaseIterable, Hashable, Sendable, Codable {
  /// The cell type that implements the variant.
  public let cell: any RNNCell.Type

  public init(_ cell: any RNNCell.Type) { self.cell = cell }

  /// The variant listed in `allCases` under this name.
  public init?(rawValue: String) {
    guard let found = Variant.allCases.first(where: { $0.rawValue == rawValue }) else {
      return nil
    }
    self = found
  }

  /// The name: `linear`, `raw-tanh`, `linear-tanh`.
  public var rawValue: String { cell.name }

  /// The recurrence in one line, for headers and help.
  public var formula: String { cell.formula }

  public static func == (lhs: Variant, rhs: Variant) -> Bool {
    ObjectIdentifier(lhs.cell) == ObjectIdentifier(rhs.cell)
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

extension Variant {
  /// The cell's parameters for a model of these sizes: names and shapes, in layout order.
  public func parameterShapes(inputs: Int, hidden: Int) -> [(name: String, shape: [Int])] {
    cell.parameterLayout.map { ($0.name, $0.shape(inputs: inputs, hidden: hidden)) }
  }

  /// Draws a cell's parameters from PyTorch's generator.
  public func draw(inputs: Int, hidden: Int, from generator: inout TorchGenerator)
    -> any RNNCell
  {
    cell.draw(inputs: inputs, hidden: hidden, from: &generator)
  }

  /// The cell holding `parameters`, in layout order and of the layout's shapes.
  public func makeCell(parameters: [Tensor]) -> any RNNCell {
    cell.init(parameters: parameters)
  }

  /// The keys of a lesson's `model:` mapping after `embedding` and `h0`.
  public var lessonParts: [LessonPart] { cell.lessonParts }

  /// The largest magnitude h_t can have, or nil if unbounded.
  public var hiddenStateBound: Float? { cell.hiddenStateBound }

  /// The cell of size (1, 1) with every parameter zero.
  public func zeroCell() -> any RNNCell { cell.zeros() }
}
