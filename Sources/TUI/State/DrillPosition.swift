/// Where the drill into a product is: which output element, and which of its
/// multiply-accumulate terms.
public struct DrillPosition: Equatable, Sendable {
  /// The output element (a column of the result), from 0.
  public var output: Int
  /// The term of its dot product, from 0: the running sum includes terms 0...term.
  public var term: Int

  public init(output: Int, term: Int) {
    self.output = output
    self.term = term
  }
}
