/// Every style the player uses, in one place.
enum Theme {
  static let header = CellStyle(bold: true, tone: .chrome)
  static let chrome = CellStyle(tone: .chrome)
  static let label = CellStyle(tone: .chrome)
  static let rule = CellStyle(dim: true, tone: .chrome)
  static let gap = CellStyle(dim: true)

  static let titleDone = CellStyle(bold: true)
  static let titleCurrent = CellStyle(bold: true, reverse: true, tone: .accent)
  static let titlePending = CellStyle(dim: true)
  static let pending = CellStyle(dim: true)

  static let wordDone = CellStyle()
  static let wordCurrent = CellStyle(bold: true, reverse: true, tone: .accent)
  static let wordAhead = CellStyle(dim: true)

  static let narration = CellStyle(bold: true)
  static let narrative = CellStyle()
  /// An earlier step's note, still standing: readable, but visibly not this step's.
  static let narrativeEarlier = CellStyle(dim: true)
  static let code = CellStyle(tone: .accent)
  static let statusBar = CellStyle(reverse: true)
  static let statusKey = CellStyle(bold: true, reverse: true)
  static let statusError = CellStyle(bold: true, reverse: true, tone: .negative(level: 3))

  static let drillRow = CellStyle(underline: true)
  static let drillCell = CellStyle(bold: true, reverse: true, tone: .accent)
  /// The element under the what-if edit cursor.
  static let editCursor = CellStyle(bold: true, reverse: true, underline: true, tone: .accent)
  static let curve = CellStyle(dim: true)
  /// The tangent to tanh at a neuron's point, in the backward pass.
  static let slope = CellStyle(bold: true, tone: .accent)

  /// A number, coloured by sign and size.
  static func value(_ v: Float) -> CellStyle { CellStyle(tone: Tone.of(v)) }
}
