import Foundation

/// Numbers as PyTorch prints them by default: four decimals, correctly rounded from
/// the float32's exact value (Python's `f"{x:.4f}"`), e.g. `-0.1117`, `1.4288`.
public enum NumberFormat {
  /// `-0.1117`, `1.4288`, `nan`, `inf`.
  public static func value(_ v: Float) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v < 0 ? "-inf" : "inf" }
    return String(format: "%.4f", Double(v))
  }

  /// The value with a space where a minus sign would be, so that columns line up as
  /// in PyTorch's tensors: ` 1.4288`, `-0.1117`.
  public static func signed(_ v: Float) -> String {
    let text = value(v)
    return text.hasPrefix("-") ? text : " " + text
  }

  /// `0.8123` for one element, `[0.8123, -0.1000]` for more; at most `limit` elements,
  /// the rest elided with `…`.
  public static func vector(_ values: [Float], limit: Int = 8) -> String {
    if values.count == 1 { return value(values[0]) }
    let shown = Elision.indices(count: values.count, capacity: limit, focus: nil)
    let parts = shown.map { $0.map { value(values[$0]) } ?? "…" }
    return "[" + parts.joined(separator: ", ") + "]"
  }
}
