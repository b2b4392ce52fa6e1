import Model

/// Numbers as `rnntrace print` writes them (four decimals, as PyTorch prints), with a
/// space where a minus sign would be so that columns of values line up.
enum NumberFormat {
  private static let format = ValueFormat()

  /// `-0.1117`, `1.4288`, `nan`.
  static func value(_ v: Float) -> String { format.string(v) }

  /// ` 1.4288`, `-0.1117`.
  static func signed(_ v: Float) -> String {
    let text = value(v)
    return text.hasPrefix("-") ? text : " " + text
  }
}
