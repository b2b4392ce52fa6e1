/// A question a lesson asks at a step (its `questions:`), with the answer already worked
/// out from the chapter's trace: asked whether the quiz is on or not, since it is part
/// of the lesson, and graded like the quiz's own guesses.
public struct PlayerQuestion: Equatable, Sendable {
  public enum Answer: Equatable, Sendable {
    /// A number to guess: the expression as the lesson writes it, and its value.
    case number(name: String, value: Float)
    /// One of `options`, typed as its number (1 for the first); `correct` from 0;
    /// `evidence`, the values that decided it (`z_2 = -0.4856`).
    case choice(options: [String], correct: Int, evidence: String)
  }

  /// The question, its values filled in.
  public let prompt: String
  public let answer: Answer

  public init(prompt: String, answer: Answer) {
    self.prompt = prompt
    self.answer = answer
  }

  /// The number of choices, 0 for a number.
  var choiceCount: Int {
    if case .choice(let options, _, _) = answer { return options.count }
    return 0
  }

  /// What the text pane shows while it is asked: the question, then the choices.
  var askingParagraphs: [String] {
    guard case .choice(let options, _, _) = answer else {
      return ["Question: " + prompt, "Type a number, then Enter."]
    }
    return ["Question: " + prompt]
      + options.enumerated().map { "\($0.offset + 1)) \($0.element)" }
  }
}
