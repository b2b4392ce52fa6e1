import Model

/// A paragraph's text: plain runs and `{…}` placeholders for live values of the trace.
public struct NarrativeText: Equatable, Sendable {
  /// A run of text, or a value to fill in.
  public enum Segment: Equatable, Sendable {
    case text(String)
    /// A value; `placeholder` is what the author wrote between the braces.
    case value(ValueReference, placeholder: String)
  }

  public let segments: [Segment]

  public init(segments: [Segment]) {
    self.segments = segments
  }

  /// The text with every value filled in by `resolve`.
  public func rendered(_ resolve: (ValueReference) -> String) -> String {
    var out = ""
    for segment in segments {
      switch segment {
      case .text(let text): out += text
      case .value(let reference, _): out += resolve(reference)
      }
    }
    return out
  }

  /// The text as written, with `{placeholders}` (and braces doubled back).
  public var source: String {
    var out = ""
    for segment in segments {
      switch segment {
      case .text(let text):
        out += text.replacingOccurrences(of: "{", with: "{{")
          .replacingOccurrences(of: "}", with: "}}")
      case .value(_, let placeholder): out += "{\(placeholder)}"
      }
    }
    return out
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
