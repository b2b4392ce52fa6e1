/// The templates of an event's formula, operands and result.
@usableFromInline
struct EventTemplates: Sendable {
  @usableFromInline let formula: NameTemplate
  @usableFromInline let first: NameTemplate
  /// Nil for an event of one operand.
  @usableFromInline let second: NameTemplate?
  @usableFromInline let result: NameTemplate

  @inlinable
  init(
    _ formula: NameTemplate, _ first: NameTemplate, _ second: NameTemplate? = nil,
    result: NameTemplate
  ) {
    self.formula = formula
    self.first = first
    self.second = second
    self.result = result
  }
}
