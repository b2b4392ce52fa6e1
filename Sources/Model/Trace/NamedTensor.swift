/// A tensor with the name the lesson gives it.
public struct NamedTensor: Equatable, Sendable {
  /// The name, unspelled (see `TraceName`).
  public let label: TraceName
  public let value: Tensor

  public init(_ name: String, _ value: Tensor) {
    self.label = TraceName(name)
    self.value = value
  }

  public init(_ label: TraceName, _ value: Tensor) {
    self.label = label
    self.value = value
  }

  public var name: String { label.string }
}
