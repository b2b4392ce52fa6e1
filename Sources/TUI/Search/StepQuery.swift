import Model

/// What `/` in the player looks for, as typed at its prompt:
///
/// - an operation, `tanh`, `add`, `matmul` (both products), `hidden_state`;
/// - a word, `word over` (or the word alone, when it is no operation's name);
/// - a time step, `t 4`;
/// - a condition on a result, `h[0] < 0` (`<`, `<=`, `>`, `>=`, `==`), where the name
///   is the result's without its time step (`h`, `z`, `e`) or the operation's;
/// - `sign h[0]`, a result whose element changed sign from the one before it;
/// - `|h| > 0.9`, a result with any element beyond 0.9 either way (saturation).
public enum StepQuery: Equatable, Sendable {
  case operation(String)
  case word(String)
  case timeStep(Int)
  case compare(name: String, index: Int, Comparison, Float)
  case sign(name: String, index: Int)
  case beyond(name: String, Float)

  public enum Comparison: String, Sendable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="

    func holds(_ x: Float, _ y: Float) -> Bool {
      switch self {
      case .less: x < y
      case .lessOrEqual: x <= y
      case .greater: x > y
      case .greaterOrEqual: x >= y
      case .equal: x == y
      }
    }
  }

  /// The forms, for the prompt's error line.
  public static let forms = "tanh, word over, t 4, h[0] < 0, sign h[0], |h| > 0.9"

  /// Reads what was typed; the error says what was wrong and the forms accepted.
  public static func parse(_ typed: String) -> Result<StepQuery, StepQueryError> {
    let text = typed.trimmingCharacters(in: " ")
    func fail(_ why: String) -> Result<StepQuery, StepQueryError> {
      .failure(StepQueryError("\(why); try \(forms)"))
    }
    guard !text.isEmpty else { return fail("nothing to search for") }
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    if words[0] == "word" {
      guard words.count == 2 else { return fail("word takes one word, as in word over") }
      return .success(.word(words[1]))
    }
    if words[0] == "t" {
      guard words.count == 2, let t = Int(words[1]), t >= 1 else {
        return fail("t takes a time step from 1, as in t 4")
      }
      return .success(.timeStep(t))
    }
    if words[0] == "sign" {
      guard words.count == 2, let (name, index) = element(words[1]) else {
        return fail("sign takes an element, as in sign h[0]")
      }
      return .success(.sign(name: name, index: index))
    }
    if text.hasPrefix("|") {
      let rest = text.dropFirst()
      guard let bar = rest.firstIndex(of: "|") else { return fail("| without its closing |") }
      let name = rest[..<bar].trimmingCharacters(in: " ")
      let tail = rest[rest.index(after: bar)...].trimmingCharacters(in: " ")
      guard !name.isEmpty, tail.hasPrefix(">"),
        let limit = Float(tail.dropFirst().trimmingCharacters(in: " ")), limit.isFinite
      else { return fail("write |NAME| > NUMBER, as in |h| > 0.9") }
      return .success(.beyond(name: name, limit))
    }
    if text.contains("[") {
      // NAME[i] OP NUMBER, the operator the longest that fits (<= before <).
      for op in Comparison.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) {
        guard let range = text.range(of: op.rawValue) else { continue }
        let left = text[..<range.lowerBound].trimmingCharacters(in: " ")
        let right = text[range.upperBound...].trimmingCharacters(in: " ")
        guard let (name, index) = element(left) else {
          return fail("\(left) is not an element such as h[0]")
        }
        guard let value = Float(right), value.isFinite else {
          return fail("\(right) is not a number")
        }
        return .success(.compare(name: name, index: index, op, value))
      }
      return fail("no comparison (< <= > >= ==) after the element")
    }
    guard words.count == 1 else { return fail("\(text) is not a search") }
    let lower = text.lowercased()
    if Operation.allCases.contains(where: {
      $0.rawValue == lower || $0.rawValue.hasPrefix(lower + "_")
    }) {
      return .success(.operation(lower))
    }
    return .success(.word(text))
  }

  /// `h[0]` → ("h", 0).
  private static func element(_ text: String) -> (String, Int)? {
    guard let open = text.firstIndex(of: "["), text.last == "]" else { return nil }
    let name = text[..<open].trimmingCharacters(in: " ")
    let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
    guard !name.isEmpty, let index = Int(inside.trimmingCharacters(in: " ")), index >= 0 else {
      return nil
    }
    return (name, index)
  }

  /// Whether event `k` of `trace` is a match.
  public func matches(_ trace: Trace, at k: Int) -> Bool { matches(PlayerTrace(trace), at: k) }

  /// Whether event `k` of `trace` is a match.
  public func matches(_ trace: PlayerTrace, at k: Int) -> Bool {
    let event = trace.events[k]
    return matches(
      event, startsWord: k == 0 || trace.events[k - 1].t != event.t,
      earlier: { Self.earlier(in: trace, before: k, named: $0) }, h0: trace.model.h0)
  }

  /// Whether `event` is a match: `startsWord` when it is the first of its time step,
  /// `earlier(name)` the latest event before it whose result `name` names.
  func matches(
    _ event: TraceEvent, startsWord: Bool, earlier: (String) -> TraceEvent?, h0: Tensor
  ) -> Bool {
    switch self {
    case .operation(let name):
      // An operation's own name (tanh) is that operation; a family's (matmul, bias)
      // is each of its members.
      let op = event.operation.rawValue
      if Operation(rawValue: name) != nil { return op == name }
      return op.hasPrefix(name + "_")
    case .word(let word):
      // The word's first step only: the next match is the next time it is read.
      return event.word == word && startsWord
    case .timeStep(let t):
      return event.t == t && startsWord
    case .compare(let name, let index, let op, let value):
      guard Self.names(event, name), index < event.result.value.count else { return false }
      return op.holds(event.result.value.scalars[index], value)
    case .sign(let name, let index):
      guard Self.names(event, name), index < event.result.value.count else { return false }
      let now = event.result.value.scalars[index]
      // The same result one time step before (h_0 for h_1).
      let before: Float?
      if let earlier = earlier(name) {
        before = index < earlier.result.value.count ? earlier.result.value.scalars[index] : nil
      } else if name == "h" {
        before = h0.scalars.indices.contains(index) ? h0.scalars[index] : nil
      } else {
        before = nil
      }
      guard let before else { return false }
      return (now < 0) != (before < 0) && now != 0 && before != 0
    case .beyond(let name, let limit):
      guard Self.names(event, name) else { return false }
      return event.result.value.scalars.contains { abs($0) > limit }
    }
  }

  /// Whether `name` names the event's result: `h` for h_3, `z` for z_3, the whole
  /// name (`tanh(z_3)`), or the operation (`tanh`).
  static func names(_ event: TraceEvent, _ name: String) -> Bool {
    let result = event.result.name
    if result == name || event.operation.rawValue == name { return true }
    guard let underscore = result.lastIndex(of: "_") else { return false }
    let suffix = result[result.index(after: underscore)...]
    return result[..<underscore] == name && !suffix.isEmpty && suffix.allSatisfy(\.isNumber)
  }

  /// The latest event before `k` whose result `name` names. A long text's is looked
  /// for no further back than the word before (each word names each result once), so
  /// that a search does not recompute the text back to its start at every step.
  private static func earlier(in trace: PlayerTrace, before k: Int, named name: String)
    -> TraceEvent?
  {
    guard let long = trace.checkpointed else {
      return trace.events[..<k].last(where: { names($0, name) })
    }
    let start = max(0, (k / long.eventsPerWord - 1) * long.eventsPerWord)
    return trace.events[start..<k].last(where: { names($0, name) })
  }

  /// The first match after event `k` (forward) or before it; nil when there is none.
  public func find(in trace: Trace, from k: Int, forward: Bool) -> Int? {
    find(in: PlayerTrace(trace), from: k, forward: forward)
  }

  /// The first match after event `k` (forward) or before it; nil when there is none.
  /// A long text's word or time step is found from its words, without computing events.
  public func find(in trace: PlayerTrace, from k: Int, forward: Bool) -> Int? {
    if let indexed = indexedFind(in: trace, from: k, forward: forward) { return indexed }
    var scan = SearchScan(text: "", query: self, trace: trace, from: k, forward: forward)
    return scan.finish()
  }

  /// A long text's or a replayed log's word or time step, found from its words (and the
  /// log's index) without computing or reading events: `.some` with the answer, nil
  /// when the steps must be looked at one by one (`SearchScan`).
  func indexedFind(in trace: PlayerTrace, from k: Int, forward: Bool) -> Int?? {
    if let long = trace.checkpointed {
      let per = long.eventsPerWord
      switch self {
      case .timeStep(let t):
        let start = (t - 1) * per
        guard t <= long.wordCount else { return .some(nil) }
        let found: Int? = forward ? (start > k ? start : nil) : (start < k ? start : nil)
        return .some(found)
      case .word(let word):
        guard let row = trace.model.index(of: word) else { return .some(nil) }
        let words = 1...long.wordCount
        let current = k / per + 1
        if forward {
          let found = (current + 1..<words.upperBound + 1).first { long.row(ofWord: $0) == row }
          return .some(found.map { ($0 - 1) * per })
        }
        let before = k % per == 0 ? current - 1 : current
        let found = stride(from: before, through: 1, by: -1).first { long.row(ofWord: $0) == row }
        return .some(found.map { ($0 - 1) * per })
      default: return nil
      }
    }
    if let log = trace.windowed {
      let count = trace.words.count
      switch self {
      case .timeStep(let t):
        guard t <= count else { return .some(nil) }
        let start = log.start(ofWord: t)
        let found: Int? = forward ? (start > k ? start : nil) : (start < k ? start : nil)
        return .some(found)
      case .word(let word):
        let current = log.word(ofEvent: k)
        if forward {
          let found = (current + 1..<count + 1).first { trace.words[$0 - 1] == word }
          return .some(found.map { log.start(ofWord: $0) })
        }
        let before = k == log.start(ofWord: current) ? current - 1 : current
        let found = stride(from: before, through: 1, by: -1).first { trace.words[$0 - 1] == word }
        return .some(found.map { log.start(ofWord: $0) })
      default: return nil
      }
    }
    return nil
  }
}

/// Why a search cannot be read: one line, with the forms accepted.
public struct StepQueryError: Error, Equatable, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    var s = Substring(self)
    while s.first == character { s.removeFirst() }
    while s.last == character { s.removeLast() }
    return String(s)
  }
}
