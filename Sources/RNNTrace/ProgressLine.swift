/// The text of the one-line progress display of long work, from counts and times
/// alone: `export  312,512 / 1,000,000 words  31%  84,102 words/s  8 s left`. Pure,
/// so that what it says can be tested without a clock or a terminal.
struct ProgressLine {
  /// What is being done: `export`, `verify`, `replay`, `print`, `train`.
  var label: String
  /// What is counted: `words`, `rounds`.
  var unit: String
  /// How many there will be, when known.
  var total: Int?

  /// The line after `done` units in `seconds`, at most `width` columns.
  func text(done: Int, seconds: Double, width: Int = 80) -> String {
    var parts = [label]
    if let total, total > 0 {
      parts.append("\(Self.grouped(done)) / \(Self.grouped(total)) \(unit)")
      parts.append("\(min(100, done * 100 / total))%")
    } else {
      parts.append("\(Self.grouped(done)) \(unit)")
    }
    let rate = seconds > 0 ? Double(done) / seconds : 0
    if rate > 0 {
      parts.append("\(Self.rate(rate)) \(unit)/s")
      if let total, total > done {
        parts.append("\(Self.duration(Double(total - done) / rate)) left")
      }
    }
    let line = parts.joined(separator: "  ")
    return line.count > width ? String(line.prefix(max(0, width))) : line
  }

  /// Whole units a second, or tenths below 10 (slow rounds of a large model).
  static func rate(_ rate: Double) -> String {
    guard rate < 9.95 else { return grouped(Int(rate.rounded())) }
    let tenths = Int((rate * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// `1234567` → `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = value < 0 ? "-" : ""
    for (k, digit) in digits.enumerated() {
      if k > 0 && (digits.count - k) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return out
  }

  /// Whole seconds, as `8 s`, `2 min 05 s` or `1 h 02 min`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "?" }
    let whole = Int(seconds.rounded(.up))
    if whole < 60 { return "\(whole) s" }
    if whole < 3600 { return "\(whole / 60) min \(twoDigits(whole % 60)) s" }
    return "\(whole / 3600) h \(twoDigits(whole / 60 % 60)) min"
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
