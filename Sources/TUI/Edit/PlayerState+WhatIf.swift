import Model

/// What-if edits in the player: `w` opens edit mode over the tensors on screen, Enter
/// applies a change and the chapter's trace is run again with it (the step on screen
/// stays), `u` undoes the latest edit, `U` reverts them all, `D` shows each value's
/// change from the original.
extension PlayerState {
  /// The chapter's what-if, if it has edits.
  public var whatIf: WhatIf? { whatIfs[chapterIndex] }

  /// The chapter as it was before the player's edits.
  public var originalChapter: PlayerChapter { content.chapters[chapterIndex] }

  /// The chapter with the player's edits (its values, not their Δ), also while the
  /// screen still shows the original, waiting for the recompute.
  var editedChapter: PlayerChapter { whatIf?.chapter ?? originalChapter }

  /// The most words of a text read through checkpoints or of a log read from its file
  /// that a what-if recomputes whole.
  static let mostWhatIfWords = 10_000

  /// A chapter with a loss is recomputed whole, its training rounds too, not a slice at a
  /// time: edit mode opens on one whose recompute takes about a tenth of a second at most
  /// in an optimised build, so that no key waits longer.
  static let mostLossRecomputeWork = 64 * WhatIf.sliceWork

  /// About how many multiply-adds recomputing `chapter`'s round and training rounds
  /// takes: for each word, the cell's products and the head's, forward and backward.
  static func lossRecomputeWork(_ chapter: PlayerChapter) -> Int {
    let model = chapter.trace.model
    let perWord =
      model.inputs * model.hidden + model.hidden * model.hidden
      + model.hidden * model.vocabulary.count
    let rounds = 1 + (chapter.training?.losses.count ?? 0)
    return 3 * perWord * chapter.trace.words.count * rounds
  }

  /// `w`: edit mode, the cursor on what the current step reads (or the first value).
  mutating func openEditor() {
    // A what-if recomputes its chapter whole: a short file is held so, a long one is not.
    let original = originalChapter.trace
    guard original.whole != nil || original.words.count <= Self.mostWhatIfWords
    else {
      message = StatusMessage(
        "what-if edits recompute the whole chapter; this text of \(original.words.count) words is too long to hold: edit a shorter one",
        isError: true)
      return
    }
    guard chapter.learner != nil || chapter.trace.events.last?.isAfterForward != true else {
      message = StatusMessage(
        "what-if edits run the loss again with the prediction head, and this trace has none",
        isError: true)
      return
    }
    if chapter.learner != nil {
      let work = Self.lossRecomputeWork(chapter)
      guard work <= Self.mostLossRecomputeWork else {
        message = StatusMessage(
          "use --set NAME[i,j]=VALUE instead: edit mode recomputes a loss chapter whole, here \(work / 1_000_000) M multiply-adds, too long to hold the keys",
          isError: true)
        return
      }
    }
    isPlaying = false
    drill = nil
    showsDelta = false
    let targets = EditTarget.onScreen(self)
    let operands = (0..<event.operandCount).map { event.operands[$0].name }
    let reads = targets.firstIndex {
      if case .parameter(let name) = $0.kind { return operands.contains(name) }
      return false
    }
    let start = reads ?? min(1, targets.count - 1)
    editor = EditorState(
      targets: targets, cursor: EditCursor(target: start, row: 0, column: 0), before: whatIf)
  }

  /// A key in edit mode.
  mutating func typeInEditor(_ key: Key) {
    guard var editor else { return }
    if isShowingHelp {
      isShowingHelp = false
      return
    }
    message = nil
    switch key {
    case .escape:
      whatIfs[chapterIndex] = editor.before
      self.editor = nil
      message = StatusMessage(
        editor.pending == nil && editor.typed.isEmpty ? "edit mode closed" : "edit cancelled")
      return
    case .control("c"):
      isQuitting = true
      return
    case .enter:
      applyEdit(editor)
      return
    case .up, .down, .left, .right:
      if editor.pending != nil || !editor.typed.isEmpty {
        whatIfs[chapterIndex] = editor.before
        message = StatusMessage("\(editor.elementName): the change was dropped (Enter applies)")
        editor.pending = nil
        editor.typed = ""
      }
      switch key {
      case .up: editor.move(rows: -1, columns: 0)
      case .down: editor.move(rows: 1, columns: 0)
      case .left: editor.move(rows: 0, columns: -1)
      default: editor.move(rows: 0, columns: 1)
      }
    case .control("h"):
      if !editor.typed.isEmpty { editor.typed.removeLast() }
    case .character("?"):
      isShowingHelp = true
      helpOffset = 0
    case .character(let c) where editor.isOnWord:
      if let step = "[]{}".firstIndex(of: c).map({
        "[]{}".distance(from: "[]{}".startIndex, to: $0)
      }) {
        preview(wordStep: step % 2 == 0 ? -1 : 1, &editor)
      } else if editor.typed.count < EditorState.maxTyped {
        editor.typed.append(c)
      }
    case .character("["): preview(&editor) { $0 - EditorState.fineStep }
    case .character("]"): preview(&editor) { $0 + EditorState.fineStep }
    case .character("{"): preview(&editor) { $0 - EditorState.coarseStep }
    case .character("}"): preview(&editor) { $0 + EditorState.coarseStep }
    case .character("n"): preview(&editor, rounded: false) { -$0 }
    case .character("*"): preview(&editor, rounded: false) { $0 * 2 }
    case .character(let c) where "0123456789.-+eE".contains(c):
      if editor.typed.count < EditorState.maxTyped { editor.typed.append(c) }
    default:
      message = StatusMessage(editor.isOnWord ? EditorState.wordKeys : EditorState.keys)
    }
    self.editor = editor
  }

  /// The value of the element under the cursor, as the screen shows it now (the
  /// previewed change included).
  func editedValue(_ editor: EditorState) -> Float? {
    guard let index = editor.index,
      let tensor = editedChapter.editableParameters.first(where: {
        $0.name == editor.target.name
      })?
      .value
    else { return nil }
    let flat = index.count == 2 ? index[0] * tensor.columns + index[1] : index[0]
    return tensor.scalars.indices.contains(flat) ? tensor.scalars[flat] : nil
  }

  /// Nudges, negates or doubles the element (what was typed, if anything) and shows
  /// the run with it at once.
  private mutating func preview(
    _ editor: inout EditorState, rounded: Bool = true, _ change: (Float) -> Float
  ) {
    guard let index = editor.index, var value = editedValue(editor) else { return }
    if !editor.typed.isEmpty {
      guard let typed = Float(editor.typed), typed.isFinite else {
        message = StatusMessage("\(editor.typed) is not a number", isError: true)
        return
      }
      value = typed
      editor.typed = ""
    }
    var changed = change(value)
    // Steps of 0.01 land on round numbers (-0.2238, not -0.22380002).
    if rounded { changed = Float((Double(changed) * 10_000).rounded() / 10_000) }
    guard changed.isFinite else {
      message = StatusMessage("\(editor.elementName) would not be a finite float32", isError: true)
      return
    }
    let edit = WhatIfEdit.parameter(
      ParameterEdit(name: editor.target.name, index: index, value: changed))
    show(edit, &editor)
  }

  /// `[` `]` on the word's slot: the previous or next word of the vocabulary, shown at once.
  private mutating func preview(wordStep: Int, _ editor: inout EditorState) {
    guard case .word(let t) = editor.target.kind else { return }
    let edited = editedChapter.trace
    let vocabulary = edited.model.vocabulary
    let current = edited.words[t - 1]
    let row = edited.model.index(of: current) ?? 0
    let next = ((row + wordStep) % vocabulary.count + vocabulary.count) % vocabulary.count
    editor.typed = ""
    show(.word(t: t, word: vocabulary[next]), &editor)
  }

  /// Runs the chapter again with the committed edits and `edit`, as a preview.
  private mutating func show(_ edit: WhatIfEdit, _ editor: inout EditorState) {
    do {
      whatIfs[chapterIndex] = try WhatIf(
        original: originalChapter, edits: (editor.before?.edits ?? []) + [edit])
      editor.pending = edit
      message = StatusMessage(
        "\(whatIfs[chapterIndex]?.descriptions.last ?? "") (Enter applies, Esc cancels)")
    } catch {
      message = StatusMessage(error.description, isError: true)
    }
  }

  /// Enter: the typed value (or the previewed one) becomes an edit, and edit mode closes.
  private mutating func applyEdit(_ editor: EditorState) {
    var edit = editor.pending
    let typed = editor.typed.trimmingCharacters(in: " ")
    if !typed.isEmpty {
      switch editor.target.kind {
      case .word(let t):
        guard chapter.trace.model.index(of: typed) != nil else {
          message = StatusMessage(
            "\"\(typed)\" is not in the vocabulary: [ ] go through its words", isError: true)
          return
        }
        edit = .word(t: t, word: typed)
      case .parameter(let name):
        guard let value = Float(typed), value.isFinite, let index = editor.index else {
          message = StatusMessage(
            "\(typed) is not a number; type one such as 1.5 or -0.25", isError: true)
          return
        }
        edit = .parameter(ParameterEdit(name: name, index: index, value: value))
      }
    }
    guard let edit else {
      self.editor = nil
      message = StatusMessage("nothing changed: type a value or nudge it first (w edits again)")
      return
    }
    do {
      let applied = try WhatIf(
        original: originalChapter, edits: (editor.before?.edits ?? []) + [edit])
      whatIfs[chapterIndex] = applied
      self.editor = nil
      forgetAnswers()
      let verb = applied.isComplete ? "recomputed" : "recomputing"
      let from = applied.firstTouched.map { "\(verb) from step \($0 + 1)" } ?? "no step reads it"
      message = StatusMessage(
        "\(applied.descriptions.last ?? ""): \(from) (u undoes, D shows each Δ)")
    } catch {
      message = StatusMessage(error.description, isError: true)
    }
  }

  /// `u`: the latest edit undone, the run recomputed without it.
  mutating func undoEdit() {
    guard let whatIf else {
      message = StatusMessage("no what-if edit to undo (w edits a value)")
      return
    }
    let undone = whatIf.descriptions.last ?? ""
    let rest = Array(whatIf.edits.dropLast())
    if rest.isEmpty {
      whatIfs[chapterIndex] = nil
      showsDelta = false
    } else {
      // The earlier edits applied before; they apply again.
      whatIfs[chapterIndex] = try? WhatIf(original: originalChapter, edits: rest)
      if showsDelta { whatIfs[chapterIndex] = whatIfs[chapterIndex]?.withDelta() }
    }
    forgetAnswers()
    message = StatusMessage("undone: \(undone)")
  }

  /// `U`: every edit of the chapter reverted.
  mutating func revertEdits() {
    guard let whatIf else {
      message = StatusMessage("no what-if edit to revert (w edits a value)")
      return
    }
    whatIfs[chapterIndex] = nil
    showsDelta = false
    forgetAnswers()
    let count = whatIf.edits.count
    message = StatusMessage("reverted \(count) edit\(count == 1 ? "" : "s"): the original run")
  }

  /// The chapter's answered questions are about another run now: they are asked again,
  /// and a question waiting for its answer is asked again in the new run's numbers.
  private mutating func forgetAnswers() {
    quiz.answered = quiz.answered.filter { $0.key.first != chapterIndex }
    if quiz.asking?.chapterIndex == chapterIndex { askIfQuizzing() }
  }

  /// One more slice of the chapter's recompute; the Δ chapter once it is done, if `D`
  /// asked for it.
  mutating func advanceRecompute() {
    guard var whatIf, !whatIf.isComplete else { return }
    whatIf.advance()
    if whatIf.isComplete, showsDelta { whatIf = whatIf.withDelta() }
    whatIfs[chapterIndex] = whatIf
    // The message of the edit said it was under way; now it is done.
    if whatIf.isComplete, let text = message?.text, text.contains(": recomputing from step") {
      message = StatusMessage(
        text.replacing(": recomputing from step", with: ": recomputed from step"))
    }
  }

  /// `D`: each value shown as its change from the original run, or the values again.
  mutating func toggleDelta() {
    guard let whatIf else {
      message = StatusMessage("D shows each value's change after a what-if edit (w edits one)")
      return
    }
    showsDelta.toggle()
    if showsDelta {
      drill = nil
      whatIfs[chapterIndex] = whatIf.withDelta()
      message = StatusMessage("Δ: each value's change from the original run (D shows the values)")
    } else {
      message = StatusMessage("the values of the edited run (D shows each Δ)")
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
