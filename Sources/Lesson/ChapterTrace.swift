import Model

/// A chapter that has run: its named tensors and the trace of its model, with the
/// narrative's values filled in from them.
public struct ChapterTrace: Sendable {
  public let chapter: Chapter
  /// The tensors the chapter names, in the order defined.
  public let tensors: [NamedTensor]
  public let trace: Trace

  public init(chapter: Chapter, tensors: [NamedTensor], trace: Trace) {
    self.chapter = chapter
    self.tensors = tensors
    self.trace = trace
  }

  /// The value a placeholder stands for. The parser has checked that it exists.
  public func value(_ reference: ValueReference) -> Tensor {
    switch reference {
    case .tensor(let name, let transposed):
      guard let found = tensors.first(where: { $0.name == name }) else {
        preconditionFailure("lesson tensor \(name) was validated but is missing")
      }
      return transposed ? found.value.transposed() : found.value
    case .result(let step):
      return trace.events[step - 1].result.value
    case .operand(let step, let index):
      return trace.events[step - 1].operands[index].value
    }
  }

  /// A paragraph's text with its values filled in, each on one line as `format` writes
  /// it (`1.4288`, `[[-0.7056, 0.6741, …]]`).
  public func text(of paragraph: Paragraph, format: ValueFormat = ValueFormat()) -> String {
    paragraph.text.rendered { format.prose(value($0)) }
  }

  /// The narrative's paragraphs with their values filled in, by step (0: the
  /// introduction), each step's in the order written: what `print` writes after each
  /// step and the player shows from each step on.
  public func narrativeByStep(format: ValueFormat = ValueFormat()) -> [Int: [String]] {
    var texts: [Int: [String]] = [:]
    for group in chapter.narrativeByStep {
      texts[group.step] = group.paragraphs.map { text(of: $0, format: format) }
    }
    return texts
  }

  /// The chapter's summary with its values filled in, or nil if it has none.
  public func summary(format: ValueFormat = ValueFormat()) -> String? {
    chapter.summary?.rendered { format.prose(value($0)) }
  }
}
