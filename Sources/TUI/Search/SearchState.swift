/// The player's search: the prompt being typed after `/`, what was searched before
/// (↑ and ↓ at the prompt recall it), and the last search, which `>` and `<` repeat.
public struct SearchState: Equatable, Sendable {
  /// The text at the prompt while it is open; nil when it is closed.
  public internal(set) var prompt: String?
  /// Earlier searches, oldest first.
  public internal(set) var history: [String] = []
  /// The entry of `history` on the prompt while ↑ and ↓ move through it.
  var recalled: Int?
  /// The last search run, as typed and as read.
  public internal(set) var last: (text: String, query: StepQuery)? {
    get { lastText.flatMap { text in lastQuery.map { (text, $0) } } }
    set {
      lastText = newValue?.text
      lastQuery = newValue?.query
    }
  }
  private var lastText: String?
  private var lastQuery: StepQuery?
  /// A search still going through the steps, a slice between two reads of the keyboard
  /// (`.searchSlice`); Esc or Ctrl-C stops it where the learner was.
  public internal(set) var running: SearchScan?

  public init() {}

  public var isTyping: Bool { prompt != nil }

  static let maxHistory = 50
  static let maxPromptLength = 200
}

extension PlayerState {
  /// A key typed at the search prompt: text, Backspace, ↑ ↓ through the history, Enter
  /// to search, Esc to cancel.
  mutating func typeInSearch(_ key: Key) {
    guard var text = search.prompt else { return }
    switch key {
    case .escape:
      search.prompt = nil
      search.recalled = nil
      return
    case .control("c"):
      search.prompt = nil
      isQuitting = true
      return
    case .enter:
      search.prompt = nil
      search.recalled = nil
      runSearch(text)
      return
    case .control("h"):
      if text.isEmpty {
        search.prompt = nil
        return
      }
      text.removeLast()
    case .control("u"): text = ""
    case .up:
      let history = search.history
      guard !history.isEmpty else { return }
      let k = max(0, (search.recalled ?? history.count) - 1)
      search.recalled = k
      text = history[k]
    case .down:
      guard let k = search.recalled else { return }
      if k + 1 < search.history.count {
        search.recalled = k + 1
        text = search.history[k + 1]
      } else {
        search.recalled = nil
        text = ""
      }
    case .character(let c):
      guard text.count < SearchState.maxPromptLength else { return }
      text.append(c)
    default: return
    }
    search.prompt = text
  }

  mutating func openSearch() {
    isPlaying = false
    search.prompt = ""
    search.recalled = nil
  }

  private mutating func runSearch(_ text: String) {
    let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    guard !trimmed.isEmpty else {
      // A bare Enter repeats the last search, as less does.
      if search.last != nil { repeatSearch(forward: true) }
      return
    }
    search.history.removeAll { $0 == trimmed }
    search.history.append(trimmed)
    if search.history.count > SearchState.maxHistory { search.history.removeFirst() }
    switch StepQuery.parse(trimmed) {
    case .failure(let error):
      message = StatusMessage("/\(trimmed): \(error)", isError: true)
    case .success(let query):
      search.last = (trimmed, query)
      repeatSearch(forward: true)
    }
  }

  /// `>` and `<`: the last search again, after or before the current step. A search
  /// that does not end within a slice goes on between keys (`continueSearch`).
  mutating func repeatSearch(forward: Bool) {
    guard let (text, query) = search.last else {
      message = StatusMessage("no search yet: / searches (\(StepQuery.forms))")
      return
    }
    drill = nil
    // From a training screen, past the last event: back from there, or on to nothing.
    let from = min(eventIndex, trace.events.count - (forward ? 1 : 0))
    if let indexed = query.indexedFind(in: trace, from: from, forward: forward) {
      endSearch(text, found: indexed, forward: forward)
      return
    }
    var scan = SearchScan(text: text, query: query, trace: trace, from: from, forward: forward)
    switch scan.advance(events: SearchScan.slice) {
    case .found(let k): endSearch(text, found: k, forward: forward)
    case .noMatch: endSearch(text, found: nil, forward: forward)
    case .running:
      // Autoplay would move the step the search started from.
      isPlaying = false
      search.running = scan
    }
  }

  /// The next slice of the search under way.
  mutating func continueSearch() {
    guard var scan = search.running else { return }
    let outcome = scan.advance(events: SearchScan.slice)
    search.running = outcome == .running ? scan : nil
    switch outcome {
    case .found(let k): endSearch(scan.text, found: k, forward: scan.forward)
    case .noMatch: endSearch(scan.text, found: nil, forward: scan.forward)
    case .running: break
    }
  }

  /// Stops the search under way; the learner stays at the step it started from.
  mutating func stopSearch() {
    guard let scan = search.running else { return }
    search.running = nil
    message = StatusMessage(
      "/\(scan.text): stopped at t \(SearchPromptLine.grouped(scan.t)) of "
        + "\(SearchPromptLine.grouped(scan.wordCount)); still at step \(eventIndex + 1)")
  }

  private mutating func endSearch(_ text: String, found: Int?, forward: Bool) {
    guard let found else {
      message = StatusMessage(
        "/\(text): no match \(forward ? "after" : "before") step \(eventIndex + 1)"
          + (content.chapters.count > 1 ? " in this chapter" : ""))
      return
    }
    eventIndex = found
    let event = trace.events[found]
    message = StatusMessage(
      "/\(text): step \(found + 1), t=\(event.t) \"\(event.word)\", \(event.operation.rawValue) (> next, < previous)"
    )
  }
}
