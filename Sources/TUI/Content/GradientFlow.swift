import Foundation
import Model

/// ‖dL/dh_t‖ for each t the backward pass reaches, and the step where it is known: what
/// the gradient-flow strip draws.
///
/// Found once per chapter from the first event of each group of a time step's events
/// (the backward pass gathers dL/dh_t first, then goes on through the cell), so a frame
/// reads no event for it and a chapter reads one per group.
struct GradientFlow: Sendable {
  /// The norm of dL/dh_t and the event that gathers it, by t.
  let norms: [Int: (norm: Double, event: Int)]
  /// The largest finite positive norm (1 if none).
  let largest: Double
  /// Whether the norms span more than a decade, so that bars are drawn on a log scale.
  let isLogScale: Bool

  init(trace: Trace, wordEvents: [Range<Int>]) {
    var norms: [Int: (norm: Double, event: Int)] = [:]
    for range in wordEvents {
      // The head's events of the same t come first when nothing came between them (the
      // last position's): skip them, a few events, to the gathering of dL/dh_t.
      var i = range.lowerBound
      while i < range.upperBound - 1, Self.isHeadEvent(trace.events[i]) { i += 1 }
      let event = trace.events[i]
      guard event.pass == .backward, event.operation == .hiddenState else { continue }
      let squares = event.resultValue.scalars.reduce(0.0) { $0 + Double($1) * Double($1) }
      norms[event.t] = (squares.squareRoot(), i)
    }
    self.norms = norms
    let positive = norms.values.map(\.norm).filter { $0 > 0 && $0.isFinite }
    largest = positive.max() ?? 1
    isLogScale = largest / (positive.min() ?? 1) > 10
  }

  /// The bar of `norm` in `width` cells: its share of the largest, or on the log scale
  /// four cells a decade below a full bar; at least one cell for any non-zero norm.
  func barWidth(_ norm: Double, width: Int) -> Int {
    guard norm > 0, norm.isFinite else { return 0 }
    let cells =
      isLogScale
      ? width + Int((Double(Self.cellsPerDecade) * log10(norm / largest)).rounded())
      : Int((Double(width) * norm / largest).rounded())
    return max(1, min(width, cells))
  }

  static let cellsPerDecade = 4

  /// The loss and the head, forwards or backwards: what precedes dL/dh_t in its group.
  private static func isHeadEvent(_ event: TraceEvent) -> Bool {
    event.operation == .loss || event.operation == .logits
  }

  /// The scale, said in words beside the strip's title.
  var scaleNote: String {
    isLogScale
      ? "log scale, 1 decade = \(Self.cellsPerDecade) cells" : "linear, full bar = largest"
  }

  /// The scale in a few words, for a narrow screen.
  var shortScaleNote: String {
    isLogScale ? "log, \(Self.cellsPerDecade) cells a decade" : "linear"
  }
}
