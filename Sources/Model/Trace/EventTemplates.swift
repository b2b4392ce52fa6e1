/// The templates of an event's formula, operands and result.
@usableFromInline
struct EventTemplates: Sendable {
  @usableFromInline let formula: NameTemplate
  @usableFromInline let first: NameTemplate
  @usableFromInline let second: NameTemplate
  @usableFromInline let result: NameTemplate

  @inlinable
  init(
    _ formula: NameTemplate, _ first: NameTemplate, _ second: NameTemplate = .none,
    result: NameTemplate
  ) {
    self.formula = formula
    self.first = first
    self.second = second
    self.result = result
  }
}
