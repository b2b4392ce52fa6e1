import Model

/// What differs between two logs, most useful first: their parameters, their words,
/// the first step whose result differs, and the largest |Δh_t| of each time step.
///
/// Fed a time step at a time (`compare(word:_:)`), it holds one word's events of each
/// log and a bounded table, so two logs of any length compare in little memory.
public struct TraceComparison: Sendable {
  /// A parameter present in either header that is not the same in both.
  public struct ParameterChange: Sendable, Equatable {
    public let name: String
    /// nil when the parameter is missing from that log.
    public let shapeA: [Int]?
    public let shapeB: [Int]?
    /// Elements that differ, of `count` (both 0 when the shapes differ).
    public let differing: Int
    public let count: Int
    /// The element that changed most.
    public let largest: ElementChange?
  }

  /// One element in both logs.
  public struct ElementChange: Sendable, Equatable {
    /// 0-based, in the tensor's shape.
    public let index: [Int]
    public let a: Float
    public let b: Float

    /// |b - a|, in double so the change of two float32 values is exact; infinite
    /// when one side is not finite and the other differs.
    public var magnitude: Double {
      if a.isNaN && b.isNaN { return 0 }
      let d = abs(Double(b) - Double(a))
      return d.isNaN ? .infinity : d
    }
  }

  /// The first step whose event differs.
  public struct StepChange: Sendable, Equatable {
    public let step: Int
    public let t: Int
    public let word: String
    /// The operation and result name in log A (or B when A has no event there).
    public let operation: String
    public let name: String
    public let detail: Detail

    public enum Detail: Sendable, Equatable {
      /// The result's values: how many differ of how many, and the largest change.
      case values(differing: Int, count: Int, largest: ElementChange)
      /// Some other part (`op`, `result.name`, `result.shape`, `word`), as the logs write it.
      case part(String, a: String, b: String)
      /// One log ends before this step.
      case missing(inA: Bool)
    }
  }

  /// The largest |Δh_t| of one time step.
  public struct HiddenChange: Sendable, Equatable {
    public let t: Int
    public let word: String
    public let largest: ElementChange
  }

  public let headerA: TraceHeader
  public let headerB: TraceHeader
  public private(set) var parameters: [ParameterChange] = []
  public private(set) var firstStep: StepChange?
  public private(set) var table = HiddenChangeTable()
  public private(set) var eventsA = 0
  public private(set) var eventsB = 0
  /// Whether h_t can be compared element by element (the hidden sizes agree).
  public var comparesHidden: Bool { headerA.hidden == headerB.hidden }

  public init(_ a: TraceHeader, _ b: TraceHeader) {
    headerA = a
    headerB = b
    var names = a.parameters.map(\.name)
    for p in b.parameters where !names.contains(p.name) { names.append(p.name) }
    for name in names {
      let pa = a.parameters.first { $0.name == name }?.value
      let pb = b.parameters.first { $0.name == name }?.value
      if let change = Self.parameterChange(name, pa, pb) { parameters.append(change) }
    }
  }

  /// The position of the first word that differs (from 1), or nil when the logs
  /// read the same words.
  public var firstWordDifference: Int? {
    let (a, b) = (headerA.words, headerB.words)
    if let k = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
      return k + 1
    }
    return a.count == b.count ? nil : min(a.count, b.count) + 1
  }

  /// Whether every number (parameters, words, events) is the same in both logs.
  public var identical: Bool {
    parameters.isEmpty && firstWordDifference == nil && firstStep == nil && eventsA == eventsB
  }

  /// Compares one time step: the events each log wrote for it, in order (either may
  /// be empty when that log has ended).
  public mutating func compare(_ a: [LoggedEvent], _ b: [LoggedEvent]) {
    eventsA += a.count
    eventsB += b.count
    if firstStep == nil {
      for k in 0..<max(a.count, b.count) {
        if let change = Self.stepChange(k < a.count ? a[k] : nil, k < b.count ? b[k] : nil) {
          firstStep = change
          break
        }
      }
    }
    guard comparesHidden, let ha = a.last, ha.operation == .hiddenState, let hb = b.last,
      hb.operation == .hiddenState, ha.result.value.shape == hb.result.value.shape
    else { return }
    let (_, largest) = Self.elementChanges(ha.result.value, hb.result.value)
    table.add(HiddenChange(t: ha.t, word: ha.word, largest: largest!))
  }

  static func parameterChange(_ name: String, _ a: Tensor?, _ b: Tensor?) -> ParameterChange? {
    guard let a, let b, a.shape == b.shape else {
      return ParameterChange(
        name: name, shapeA: a.map { Array($0.shape) }, shapeB: b.map { Array($0.shape) },
        differing: 0, count: 0, largest: nil)
    }
    let (differing, largest) = elementChanges(a, b)
    guard differing > 0 else { return nil }
    return ParameterChange(
      name: name, shapeA: Array(a.shape), shapeB: Array(b.shape), differing: differing,
      count: a.count, largest: largest)
  }

  /// How many elements of two tensors of one shape differ (bit for bit; NaN, a log's
  /// `null`, equals NaN), and the one that changed most (the first of equals; element
  /// 0 when none differs).
  static func elementChanges(_ a: Tensor, _ b: Tensor) -> (Int, ElementChange?) {
    var differing = 0
    var best: ElementChange?
    var bestMagnitude = -1.0
    for k in a.scalars.indices {
      let (x, y) = (a.scalars[k], b.scalars[k])
      let same = x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
      if !same { differing += 1 }
      let change = ElementChange(index: index(k, in: a.shape), a: x, b: y)
      let magnitude = same ? 0 : max(change.magnitude, Double.leastNonzeroMagnitude)
      if magnitude > bestMagnitude {
        best = change
        bestMagnitude = magnitude
      }
    }
    return (differing, best)
  }

  static func index(_ k: Int, in shape: TensorShape) -> [Int] {
    shape.count == 2 ? [k / shape[1], k % shape[1]] : [k]
  }

  static func stepChange(_ a: LoggedEvent?, _ b: LoggedEvent?) -> StepChange? {
    guard let a, let b else {
      let e = (a ?? b)!
      return StepChange(
        step: e.step, t: e.t, word: e.word, operation: e.operation.rawValue, name: e.result.name,
        detail: .missing(inA: a == nil))
    }
    func change(_ detail: StepChange.Detail) -> StepChange {
      StepChange(
        step: a.step, t: a.t, word: a.word, operation: a.operation.rawValue, name: a.result.name,
        detail: detail)
    }
    if a.operation != b.operation {
      return change(.part("op", a: a.operation.rawValue, b: b.operation.rawValue))
    }
    if a.word != b.word { return change(.part("word", a: a.word, b: b.word)) }
    if a.result.name != b.result.name {
      return change(.part("result.name", a: a.result.name, b: b.result.name))
    }
    let (va, vb) = (a.result.value, b.result.value)
    if va.shape != vb.shape {
      return change(.part("result.shape", a: "\(va.shape)", b: "\(vb.shape)"))
    }
    // A result written without values (the head's terms and running sums on the way)
    // has none to compare; the complete sums are written and compared.
    if a.omitsValues || b.omitsValues { return nil }
    let (differing, largest) = elementChanges(va, vb)
    guard differing > 0, let largest else { return nil }
    return change(.values(differing: differing, count: va.count, largest: largest))
  }
}

/// The per-time-step rows of a comparison, compact for long logs: every row of a log
/// of at most `fullRows` time steps; for a longer one the first `headRows`, the
/// `topRows` largest of the rest, and the last, so memory stays bounded.
public struct HiddenChangeTable: Sendable {
  public static let fullRows = 20
  public static let headRows = 6
  public static let topRows = 8

  private var first: [TraceComparison.HiddenChange] = []
  /// The largest rows past `first`, largest first.
  private var top: [TraceComparison.HiddenChange] = []
  private var last: TraceComparison.HiddenChange?
  /// How many time steps were compared.
  public private(set) var count = 0
  /// The largest change over every time step (the first of equals).
  public private(set) var largest: TraceComparison.HiddenChange?

  public init() {}

  mutating func add(_ row: TraceComparison.HiddenChange) {
    count += 1
    if largest.map({ row.largest.magnitude > $0.largest.magnitude }) ?? true { largest = row }
    if first.count < Self.fullRows {
      first.append(row)
      return
    }
    if let last { keep(last) }
    last = row
  }

  private mutating func keep(_ row: TraceComparison.HiddenChange) {
    let at = top.firstIndex { row.largest.magnitude > $0.largest.magnitude } ?? top.count
    guard at < Self.topRows else { return }
    top.insert(row, at: at)
    if top.count > Self.topRows { top.removeLast() }
  }

  /// The rows to show in order of t; nil stands for rows left out.
  public var rows: [TraceComparison.HiddenChange?] {
    guard count > Self.fullRows, let last else { return first }
    var candidates = top
    for row in first.dropFirst(Self.headRows) {
      let at =
        candidates.firstIndex { row.largest.magnitude > $0.largest.magnitude } ?? candidates.count
      candidates.insert(row, at: at)
    }
    let shown = (Array(first.prefix(Self.headRows)) + candidates.prefix(Self.topRows) + [last])
      .sorted { $0.t < $1.t }
    var out: [TraceComparison.HiddenChange?] = []
    for row in shown {
      if let previous = out.last, let previous, row.t > previous.t + 1 { out.append(nil) }
      out.append(row)
    }
    return out
  }
}
