/// The log formats `export` writes.
enum TraceFormat: String, CaseIterable {
  /// JSON Lines: lossless, what `replay` and `verify` read.
  case jsonl
  /// Long-form CSV: one row per value.
  case csv
  /// Chrome's Trace Event Format, for Perfetto and chrome://tracing.
  case chrome

  /// The format a file name's extension asks for: `.jsonl`, `.csv` or `.json`.
  static func implied(by path: String) -> TraceFormat? {
    let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
    if name.hasSuffix(".jsonl") { return .jsonl }
    if name.hasSuffix(".csv") { return .csv }
    if name.hasSuffix(".json") { return .chrome }
    return nil
  }
}
