import Model

/// Predict, then reveal (`play --quiz`, the `a` key): at a step whose result can be
/// worked out from what is on screen, the result and the text that would give it away
/// stay hidden until the learner guesses (or passes).
public struct QuizState: Sendable {
  /// One guess asked for: the step (its chapter and index) and the element guessed.
  public struct Question: Equatable, Sendable {
    public let chapterIndex: Int
    public let eventIndex: Int
    /// The element of the result asked for, from 0 (element 0 of a single value).
    public let element: Int
    /// The lesson's own question, when the lesson asks one at this step.
    public let authored: PlayerQuestion?
    /// What has been typed.
    public internal(set) var typed = ""

    init(chapterIndex: Int, eventIndex: Int, element: Int, authored: PlayerQuestion? = nil) {
      self.chapterIndex = chapterIndex
      self.eventIndex = eventIndex
      self.element = element
      self.authored = authored
    }
  }

  /// How a guess went, counted in the score.
  public enum Grade: String, Sendable, CaseIterable {
    case close = "within 0.01"
    case near = "within 10%"
    case missed
    /// A lesson's choice question, answered right or wrong.
    case right
    case wrong
    case passed = "no guess"
  }

  public internal(set) var isOn = false
  /// Whether the lesson's own questions are asked with the quiz off: until the learner
  /// turns the quiz off with `a`.
  public internal(set) var asksLessonQuestions = true
  public internal(set) var asking: Question?
  /// Steps already revealed, so that going back and forth asks each once.
  var revealed: Set<[Int]> = []
  /// The grades of each chapter's guesses, by chapter index.
  public internal(set) var grades: [Int: [Grade]] = [:]
  /// The questions answered, by `[chapter, event]`: the lesson's question and its answer,
  /// or the quiz's guess and how far off it was, shown above the step's text whenever
  /// the learner is at that step.
  public internal(set) var answered: [[Int]: String] = [:]

  public init() {}

  public var isAsking: Bool { asking != nil }

  /// The keys a question takes: a number's characters, Backspace, Enter, Esc, the
  /// next-step keys (they reveal), `a`, Ctrl-C. Any other key does what it always
  /// does (a jump leaves the question unanswered).
  public static func takes(_ key: Key) -> Bool {
    switch key {
    case .enter, .escape, .right, .control("h"), .control("c"): true
    case .character(let c): "0123456789.-+eEaln".contains(c)
    default: false
    }
  }

  /// Whether event `index` of chapter `chapter` is hidden behind the question.
  public func hides(chapter: Int, event index: Int) -> Bool {
    asking.map { $0.chapterIndex == chapter && $0.eventIndex == index } ?? false
  }

  /// `3✓ 1~ 2✗` over every chapter: within 0.01 or right, within 10%, missed or wrong
  /// (passes not counted).
  public var score: String {
    let all = grades.values.flatMap { $0 }
    let count = { (g: [Grade]) in all.filter(g.contains).count }
    return "quiz \(count([.close, .right]))✓ \(count([.near]))~ \(count([.missed, .wrong]))✗"
  }

  /// Whether the status line shows the score: the quiz is on, or a lesson's question has
  /// been answered (not only passed).
  public var showsScore: Bool { isOn || grades.values.contains { $0.contains { $0 != .passed } } }

  /// Whether a step can be worked out from what is on screen: every operation but the
  /// lookup of the embedding, whose row is shown beside it.
  static func asks(_ event: TraceEvent) -> Bool { event.operation != .embedding }
}

extension PlayerState {
  /// The `a` key: the quiz on (asking at this step if it can) or off (revealing).
  mutating func toggleQuiz() {
    if quiz.isOn {
      quiz.isOn = false
      quiz.asksLessonQuestions = false
      quiz.asking = nil
      message = StatusMessage("quiz off: no questions, not even the lesson's (a turns it on)")
      return
    }
    quiz.isOn = true
    isPlaying = false
    message = StatusMessage("quiz on: guess each result before it shows (a turns it off)")
    askIfQuizzing()
  }

  /// On arriving at a step, by any key: ask the lesson's question there (unless the
  /// learner turned the quiz off), or the quiz's own if it is on; a step once revealed
  /// is not asked again.
  mutating func askIfQuizzing() {
    quiz.asking = nil
    let authored = quiz.isOn || quiz.asksLessonQuestions ? chapter.questions[eventIndex + 1] : nil
    guard quiz.isOn || authored != nil else { return }
    let key = [chapterIndex, eventIndex]
    guard !quiz.revealed.contains(key), trainingScreen == nil,
      authored != nil || QuizState.asks(event)
    else { return }
    isPlaying = false
    drill = nil
    quiz.asking = QuizState.Question(
      chapterIndex: chapterIndex, eventIndex: eventIndex,
      element: authored == nil ? eventIndex % max(1, event.result.value.count) : 0,
      authored: authored)
  }

  /// A key while a guess is asked for: a number's characters, Backspace, Enter (reveal,
  /// with the guess if any), the next-step keys or Esc (reveal without one), `a` (quiz
  /// off), Ctrl-C.
  mutating func typeInQuiz(_ key: Key) {
    guard var question = quiz.asking else { return }
    switch key {
    case .enter: reveal(question)
    case .escape, .right, .character("l"), .character("n"):
      question.typed = ""
      reveal(question)
    case .character("a"): toggleQuiz()
    case .control("c"): isQuitting = true
    case .character(let c) where question.authored.map({ $0.choiceCount > 0 }) ?? false:
      let count = question.authored?.choiceCount ?? 0
      guard let choice = c.wholeNumberValue, (1...count).contains(choice) else {
        message = StatusMessage(
          "type the number of a choice, 1 to \(count) (Enter alone or → shows the answer)",
          isError: true)
        return
      }
      question.typed = String(choice)
      reveal(question)
    case .control("h"):
      if !question.typed.isEmpty { question.typed.removeLast() }
      quiz.asking = question
    case .character(let c) where "0123456789.-+eE".contains(c) && question.typed.count < 24:
      question.typed.append(c)
      quiz.asking = question
    default:
      message = StatusMessage(
        "type a number and Enter (Enter alone or → shows the answer; a ends the quiz)")
    }
  }

  private mutating func reveal(_ question: QuizState.Question) {
    if case .choice(let options, let correct, let evidence) = question.authored?.answer {
      revealChoice(question, options: options, correct: correct, evidence: evidence)
      return
    }
    var value = event.result.value.scalars[question.element]
    var name =
      event.result.value.count == 1
      ? event.result.name : "\(event.result.name)[\(question.element)]"
    if case .number(let expression, let answer) = question.authored?.answer {
      (name, value) = (expression, answer)
    }
    let shown = NumberFormat.value(value)
    let typed = question.typed.trimmingCharacters(in: " ")
    var text: String
    let grade: QuizState.Grade
    if typed.isEmpty {
      grade = .passed
      text = "\(name) = \(shown)"
    } else if let guess = Float(typed), guess.isFinite {
      let off = abs(Double(guess) - Double(value))
      grade = off <= 0.01 ? .close : off <= 0.1 * abs(Double(value)) ? .near : .missed
      text =
        "\(name) = \(shown), you said \(typed): off by \(NumberFormat.value(Float(off))) (\(grade.rawValue))"
    } else {
      message = StatusMessage("\(typed) is not a number; type one, or Enter alone", isError: true)
      return
    }
    record(question, grade: grade, answer: text, text: &text)
  }

  /// A choice typed (its number in `typed`) or passed: right or wrong, with the values
  /// that decided it.
  private mutating func revealChoice(
    _ question: QuizState.Question, options: [String], correct: Int, evidence: String
  ) {
    let answer =
      "the answer is \(correct + 1), \(options[correct])"
      + (evidence.isEmpty ? "" : " (\(evidence))")
    var text: String
    let grade: QuizState.Grade
    if let choice = Int(question.typed) {
      grade = choice - 1 == correct ? .right : .wrong
      text =
        grade == .right
        ? "right: \(answer)" : "wrong: you said \(choice), \(options[choice - 1]); \(answer)"
    } else {
      grade = .passed
      text = answer
    }
    record(question, grade: grade, answer: text, text: &text)
  }

  /// Ends the question: the step revealed, the grade counted, the answer kept for the
  /// step's text (a lesson's question) and said in the status line.
  private mutating func record(
    _ question: QuizState.Question, grade: QuizState.Grade, answer: String, text: inout String
  ) {
    quiz.asking = nil
    quiz.revealed.insert([question.chapterIndex, question.eventIndex])
    quiz.grades[chapterIndex, default: []].append(grade)
    let key = [question.chapterIndex, question.eventIndex]
    if let authored = question.authored {
      quiz.answered[key] = "Asked: \(authored.prompt) → \(answer)"
    } else if grade != .passed {
      // The whole of it, where a narrow status line cuts it.
      quiz.answered[key] = "Guessed: \(answer)"
    }
    // At the chapter's end its summary comes first, and stands above the text too, where
    // a narrow status line cuts it.
    if isAtEnd {
      text = chapterSummary + " │ " + text
      let above = quiz.answered[key].map { $0 + ". " } ?? ""
      quiz.answered[key] = above + "In this " + chapterSummary + "."
    }
    message = StatusMessage(text)
  }

  /// `chapter: 4 guesses, 2 within 0.01, 1 within 10%, 1 missed`.
  var chapterSummary: String {
    let grades = quiz.grades[chapterIndex] ?? []
    let guessed = grades.filter { $0 != .passed }
    var parts = ["chapter: \(guessed.count) guess\(guessed.count == 1 ? "" : "es")"]
    for grade in [QuizState.Grade.right, .wrong, .close, .near, .missed] {
      let n = guessed.filter { $0 == grade }.count
      if n > 0 { parts.append("\(n) \(grade.rawValue)") }
    }
    return parts.joined(separator: ", ")
  }
}

extension String {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
