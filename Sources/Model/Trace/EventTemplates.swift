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

extension EventTemplates {
  /// Templates made from text composed once (a `static let`: a template is never freed):
  /// the formula, the result (the formula itself when nil), then one or two operands.
  init(_ formula: String, result: String? = nil, _ operands: String...) {
    precondition(operands.count == 1 || operands.count == 2, "an event has one or two operands")
    let formulaTemplate = NameTemplate(formula)
    self.init(
      formulaTemplate, NameTemplate(operands[0]),
      operands.count == 2 ? NameTemplate(operands[1]) : nil,
      result: result.map { NameTemplate($0) } ?? formulaTemplate)
  }
}
