/// Choosing which of many rows or columns to show when not all fit, with a visible
/// gap (nil) where some are left out.
public enum Elision {
  /// Indices of `count` items to show in `capacity` slots, a gap taking one slot.
  /// The first and last items stay in view, and so does `focus` with its neighbours.
  public static func indices(count: Int, capacity: Int, focus: Int?) -> [Int?] {
    guard count > capacity else { return Array(0..<count) }
    let focus = focus.map { min(max($0, 0), count - 1) }
    guard capacity > 2 else {
      let shown = focus ?? 0
      if capacity <= 0 { return [] }
      if capacity == 1 { return [shown] }
      // The gap goes on the side where items are left out.
      return shown == count - 1 ? [nil, shown] : [shown, nil]
    }
    var head = capacity / 2
    var tail = capacity - 1 - head
    var window = focus == nil ? 0 : capacity
    // Which items show, as flags in order: panels elide on every frame, and this is
    // cheaper than a set of indices sorted each time.
    var shown = [Bool](repeating: false, count: count)
    while true {
      for i in shown.indices { shown[i] = false }
      if let focus, window > 0 {
        let low = max(0, min(focus - (window - 1) / 2, count - window))
        for i in low..<min(count, low + window) { shown[i] = true }
        shown[focus] = true
      }
      for i in 0..<head { shown[i] = true }
      for i in (count - tail)..<count { shown[i] = true }
      let result = withGaps(shown)
      if result.count <= capacity { return result }
      if window > 1 {
        window -= 1
      } else if head > 1 && head >= tail {
        head -= 1
      } else if tail > 0 {
        tail -= 1
      } else {
        head = max(0, head - 1)
        if head == 0 { return [nil, focus ?? 0, nil].suffix(capacity).map { $0 } }
      }
    }
  }

  private static func withGaps(_ shown: [Bool]) -> [Int?] {
    var out: [Int?] = []
    var previous = -1
    for i in shown.indices where shown[i] {
      if i != previous + 1 { out.append(nil) }
      out.append(i)
      previous = i
    }
    if previous < shown.count - 1 { out.append(nil) }
    return out
  }
}
