/// Names given as text, shared by the copies of an event.
@usableFromInline
final class GivenNames: Sendable {
  let formula: TraceName
  let operands: [TraceName]
  let result: TraceName

  init(formula: TraceName, operands: [TraceName], result: TraceName) {
    self.formula = formula
    self.operands = operands
    self.result = result
  }
}
