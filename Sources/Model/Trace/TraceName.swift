/// A name in the lesson's notation (`e_3`, `W_h·h_2 + b_h`, `We.weight`), kept as what it
/// is made of until it is read: a traced event names its formula, operands and result
/// without building a String, and an encoder can write a name's bytes straight into its
/// buffer with `write(into:)`.
public struct TraceName: Sendable, Hashable, CustomStringConvertible {
  @usableFromInline
  enum Storage: Sendable {
    case text(String)
    case template(NameTemplate, t: Int, index: Int)
  }

  @usableFromInline let storage: Storage

  /// A name given as text (a lesson's tensor, an event read back from a log).
  public init(_ text: String) {
    storage = .text(text)
  }

  @inlinable
  init(_ template: NameTemplate, t: Int, index: Int = 0) {
    storage = .template(template, t: t, index: index)
  }

  /// The name as text.
  public var string: String {
    switch storage {
    case .text(let text):
      return text
    case .template(let template, let t, let index):
      // Spelled into a buffer on the stack, then made a String in one go: appending the
      // pieces to a String reallocates it as it outgrows the small-string form.
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NameBytes.capacity) {
        var bytes = NameBytes(buffer: $0)
        template.write(t: t, index: index, into: &bytes)
        if let text = bytes.string { return text }
        var out = ""
        template.write(t: t, index: index, into: &out)
        return out
      }
    }
  }

  public var description: String { string }

  /// The name's text, if it was given as text; nil for a name spelled from a template.
  @inlinable
  public var givenText: String? {
    if case .text(let text) = storage { return text }
    return nil
  }

  /// Spells a name made from a template into `out`, piece by piece; writes nothing for
  /// a name given as text (`givenText`).
  @inlinable
  public func spell<Out: NameWriter>(into out: inout Out) {
    if case .template(let template, let t, let index) = storage {
      template.write(t: t, index: index, into: &out)
    }
  }

  /// The most bytes `spell(into:)` writes, and 16 more: the room a writer needs that
  /// copies runs 16 bytes at a time (`NameWriter.write(run:count:)`).
  @inlinable
  public var spelledBound: Int {
    if case .template(let template, _, _) = storage { return template.spelledBound }
    return 0
  }

  public static func == (lhs: TraceName, rhs: TraceName) -> Bool {
    if case .template(let a, let t, let i) = lhs.storage,
      case .template(let b, let u, let j) = rhs.storage, a == b, t == u, i == j
    {
      return true
    }
    return lhs.string == rhs.string
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(string)
  }
}
