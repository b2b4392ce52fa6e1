import Model

/// The kinds of panel a teacher can hide until they have explained them (`v`): a
/// hidden panel keeps its place on the screen, so that showing it moves nothing.
public enum PanelKind: Int, CaseIterable, Sendable, Hashable {
  case embedding
  case inputPath
  case hiddenPath
  case sum
  case tanh
  case hiddenStates
  /// The prediction, the loss and the backward pass's panels (`--loss`).
  case loss

  /// The kind of the panel that shows an event of `operation`.
  public init(_ operation: Operation) {
    switch operation {
    case .embedding: self = .embedding
    case .matmulInput, .tanhInput, .biasInput: self = .inputPath
    case .matmulHidden, .biasHidden: self = .hiddenPath
    case .add: self = .sum
    case .tanh: self = .tanh
    case .hiddenState: self = .hiddenStates
    case .logits, .loss: self = .loss
    }
  }

  /// Its name in a hidden panel's title.
  public var name: String {
    switch self {
    case .embedding: "embedding"
    case .inputPath: "input path"
    case .hiddenPath: "hidden path"
    case .sum: "sum"
    case .tanh: "tanh"
    case .hiddenStates: "hidden states"
    case .loss: "loss"
    }
  }

  /// What the panel menu calls it.
  public var title: String {
    switch self {
    case .embedding: "embedding (word → e_t)"
    case .inputPath: "input path (e_t times its weight)"
    case .hiddenPath: "hidden path (h_{t-1} times its weight)"
    case .sum: "sum z_t"
    case .tanh: "tanh"
    case .hiddenStates: "hidden states h_0 … h_T"
    case .loss: "the loss and the backward pass (--loss)"
    }
  }
}

extension PlayerState {
  /// The kinds of panel the chapter has, in the order the screen shows them.
  public var panelKinds: [PanelKind] {
    let kinds = Set(chapter.operations.map { PanelKind($0) })
    return PanelKind.allCases.filter(kinds.contains)
  }

  /// Whether the panel showing event `index` of the chapter is hidden.
  func isHidden(event index: Int) -> Bool {
    guard index < trace.events.count else { return false }
    return hiddenPanels.contains(PanelKind(trace.events[index].operation))
  }

  mutating func openPanelMenu() {
    isPlaying = false
    panelMenu = 0
  }

  /// The keys of the open panel menu: ↑ ↓ choose, Space or Enter shows or hides, a digit
  /// shows or hides that panel, 0 shows them all, Esc or v closes.
  mutating func updatePanelMenu(_ action: PlayerAction) {
    guard let selected = panelMenu else { return }
    let kinds = panelKinds
    let last = kinds.count - 1
    func toggle(_ kind: PanelKind) {
      if hiddenPanels.contains(kind) {
        hiddenPanels.remove(kind)
      } else {
        hiddenPanels.insert(kind)
      }
    }
    switch action {
    case .nextWord, .textDown: panelMenu = min(last, selected + 1)
    case .previousWord, .previous, .textUp: panelMenu = max(0, selected - 1)
    case .next, .togglePlay: if kinds.indices.contains(selected) { toggle(kinds[selected]) }
    case .digit(let n):
      if n - 1 <= last {
        panelMenu = n - 1
        toggle(kinds[n - 1])
      } else {
        message = StatusMessage("there is no panel \(n): 1 to \(last + 1)", isError: true)
      }
    case .normalSpeed: hiddenPanels = []
    case .cancel, .quit, .panelMenu, .help: panelMenu = nil
    default:
      message = StatusMessage("↑ ↓ choose, Space shows or hides, 0 shows all, Esc closes")
    }
  }
}
