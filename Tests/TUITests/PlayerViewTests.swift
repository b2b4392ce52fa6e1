import Model
import Testing

@testable import TUI

/// The screen as lines of text, for chosen states of the golden models (whose numbers
/// are PyTorch's, recorded as `ModelTests/Fixtures/reference/models.jsonl`).
struct PlayerViewTests {
  let start = TestSupport.state()

  func lines(_ state: PlayerState) -> [String] { PlayerView.render(state).lines }

  func screen(_ state: PlayerState) -> String { PlayerView.render(state).text }

  @Test func theFirstScreenShowsTheSentenceTheEmbeddingAndTheStep() {
    let lines = lines(start)
    #expect(lines[0].contains("step 1/40"))
    #expect(lines[0].contains("t 1/5"))
    #expect(lines[0].contains("\"the\""))
    #expect(lines[0].contains("test model"))
    #expect(lines[0].contains("nn.Linear layers, one tanh"))
    #expect(lines[1] == " [the] dog jumped over a")
    // e_1 is row 0 of the embedding table, as PyTorch drew it for seed 7.
    // The whole table, "the"'s row marked as e_1 (the table in the lesson's order).
    #expect(lines.contains { $0.contains("[0] the    │ -0.8201  0.3956  0.8989 -1.3884 ← e_1") })
    #expect(lines.contains { $0.contains("[4] a      │ -0.8667 -0.5640 -2.0565 -0.3567") })
    #expect(lines.contains { $0.contains("\"the\" → index 0 → e_1 = embedding[0] (1×4)") })
    #expect(
      lines[38] == "» e_1 = embedding[0] for \"the\" = [[-0.8201,  0.3956,  0.8989, -1.3884]]")
  }

  @Test func theCurrentPanelStandsOutAndLaterOnesArePending() {
    let grid = PlayerView.render(TestSupport.after([.next], from: start))
    let titleRow = try! #require(grid.lines.firstIndex { $0.hasPrefix("[ 2] e_1·Weᵀ:") })
    #expect(grid[0, titleRow].style.reverse)
    let embeddingRow = try! #require(grid.lines.firstIndex { $0.hasPrefix("[ 1] embedding") })
    #expect(!grid[0, embeddingRow].style.reverse)
    // Operations of this word not yet reached: no step number, no values.
    #expect(grid.lines.contains { $0.contains("[  ] tanh") && $0.contains("not run yet") })
    #expect(grid.lines.contains { $0.contains("tanh(z_1) │       ·       ·") })
    // e_1·Weᵀ by numpy from the golden parameters: [-1.1338803, -0.34070897].
    #expect(grid.lines.contains { $0.contains("= e_1·Weᵀ │ -1.1339 -0.3407") })
  }

  @Test func productPanelShowsShapesMatrixVectorAndBias() {
    let text = screen(TestSupport.after([.next, .next], from: start))
    #expect(text.contains("[ 2] e_1·Weᵀ: (1×4)·(4×2) → (1×2)"))
    #expect(text.contains("e_1 │ Weᵀ  (We.weight transposed)"))
    // Row k: e_1[k], then row k of We.weightᵀ (column k of the stored weight).
    #expect(text.contains("[0]      -0.8201 │  0.2405  0.4575"))
    #expect(text.contains("[3]      -1.3884 │  0.4314 -0.0645"))
    #expect(text.contains("[ 3] + b_e       │  0.2369 -0.4669"))
    #expect(text.contains("h_0·Whᵀ: (1×2)·(2×2) → (1×2)"))
  }

  @Test func narrationMatchesPrintForEveryStep() {
    var state = start
    for _ in 0..<40 {
      let narration = lines(state)[38]
      #expect(narration == "» " + Notation.rowVectors(state.event.narration()))
      state.update(.next)
    }
  }

  @Test func tanhPanelMarksEachNeuronOnTheCurve() throws {
    let tanh = TestSupport.after(TestSupport.repeated(.next, 6), from: start)
    #expect(tanh.event.operation == .tanh)
    let grid = PlayerView.render(tanh)
    #expect(grid.text.contains("tanh(z_1) │ -0.9388  0.6844"))
    // Neuron 0 sits low on the curve (tanh = -0.94), neuron 1 high (0.68), each marked
    // and labelled h[i], not with a bare digit that reads as a zero.
    let row0 = try #require(grid.lines.firstIndex { $0.contains("●h[0]") })
    #expect(grid.lines[row0].contains("-1 ┤"))
    let row1 = try #require(grid.lines.firstIndex { $0.contains("●h[1]") })
    #expect(row1 < row0 - 2)
    #expect(!grid.lines[row1].contains("-1 ┤"))
  }

  @Test func hiddenStatesAreTheGoldenOnesAtTheEnd() {
    let end = TestSupport.after([.last], from: start)
    let text = screen(end)
    // h_5 from rnn_reference.py: [0.0888707638, -0.85962975].
    #expect(text.contains("[40] hidden states h_0 … h_5"))
    #expect(text.contains(" 0.0889"))
    #expect(text.contains("-0.8596"))
    #expect(lines(end)[38] == "» h_5 = [[ 0.0889, -0.8596]] joins the hidden states")
  }

  @Test func drillMarksTheTermInUseAndTheRunningSum() throws {
    let drilled = TestSupport.after([.next, .drill, .next, .next], from: start)
    let grid = PlayerView.render(drilled)
    // Term 3 of output 0: e_1[2] · Weᵀ[2,0] = 0.8989 × -0.2668.
    let narration = grid.lines[38]
    #expect(narration.hasPrefix("» e_1·Weᵀ[0]: running sum "))
    #expect(narration.contains("after term 3/4: 0.8989 × -0.2668 = -0.2399"))
    let row = try #require(
      grid.lines.firstIndex { $0.hasPrefix("[2]") && $0.contains(" 0.8989 │") })
    let column = try #require(grid.lines[row].range(of: "-0.2668")).lowerBound
    let x = grid.lines[row].distance(from: grid.lines[row].startIndex, to: column)
    #expect(grid[x, row].style.reverse)
    #expect(grid.lines[grid.height - 1].contains("drill [0] term 3/4"))
  }

  @Test func at80x24EveryPanelOfTheDefaultModelFitsAtEveryStep() {
    var state = TestSupport.state(columns: 80, rows: 24)
    for _ in 0..<40 {
      let text = screen(state)
      for title in [
        "embedding", "·Weᵀ:", "+ b_e", "·Whᵀ:", "+ b_h", "sum z_", "tanh h_",
        "hidden states",
      ] {
        #expect(text.contains(title), "step \(state.eventIndex + 1): \(title) missing\n\(text)")
      }
      #expect(!text.contains("too small") && !text.contains("Enlarge"))
      state.update(.next)
    }
  }

  @Test func aTerminalTooSmallGetsAMessageAndRecovers() {
    let small = TestSupport.after([.resize(ScreenSize(columns: 30, rows: 8))], from: start)
    let text = screen(small)
    #expect(text.contains("30×8"))
    #expect(text.contains("Enlarge"))
    #expect(text.contains("q to quit"))
    let again = TestSupport.after([.resize(ScreenSize(columns: 80, rows: 24))], from: small)
    #expect(lines(again)[1] == " [the] dog jumped over a")
    // Degenerate sizes draw nothing rather than fail.
    for size in [ScreenSize(columns: 0, rows: 0), ScreenSize(columns: 1, rows: 1)] {
      #expect(PlayerView.render(TestSupport.after([.resize(size)], from: start)).size == size)
    }
  }

  @Test func everySizeFromTinyToLargeRendersWithinTheGrid() {
    var state = TestSupport.after(TestSupport.repeated(.next, 5), from: start)
    for columns in stride(from: 20, through: 140, by: 7) {
      for rows in stride(from: 6, through: 50, by: 4) {
        state.update(.resize(ScreenSize(columns: columns, rows: rows)))
        let grid = PlayerView.render(state)
        #expect(grid.lines.allSatisfy { DisplayWidth.of($0) <= columns })
      }
    }
  }

  @Test func largeModelsElideWithVisibleMarkers() {
    let large = TestSupport.largeModel()
    var state = PlayerState(
      content: TestSupport.content(large), size: ScreenSize(columns: 80, rows: 24))
    state.update(.digit(1))
    state.update(.digit(0))
    state.update(.digit(0))
    state.update(.digit(1))
    state.update(.first)  // step 1001: word 126's first operation
    #expect(state.event.t == 126)
    state.update(.next)
    let text = screen(state)
    #expect(text.contains("(1×64)·(64×64) → (1×64)"))
    #expect(text.contains("⋮"))
    #expect(text.contains("…"))
    let sentence = lines(state)[1]
    #expect(sentence.hasPrefix(" … "))
    // Words on both sides left out, and which word of how many this is.
    #expect(sentence.hasSuffix(" …  t 126/200"))
    #expect(sentence.contains("[\(large.words[125])]"))
    // The drill keeps the row and column in use in view, however far in they are.
    state.update(.drill)
    for _ in 0..<(64 * 40 + 30) { state.update(.next) }
    #expect(state.drill == DrillPosition(output: 40, term: 30))
    let drilled = PlayerView.render(state)
    #expect(drilled.lines.contains { $0.hasPrefix("[30]") })
    #expect(drilled.text.contains("e_126·Weᵀ[40]"))
  }

  @Test func controlCharactersInWordsAreShownEscaped() {
    let word = "\u{1B}[31mred\u{07}\u{9B}2J"
    let state = TestSupport.state(TestSupport.oneWordModel(word))
    let grid = PlayerView.render(state)
    #expect(grid.lines[1].contains("[^[[31mred^G<U+009B>2J]"))
    for cell in grid.cells {
      #expect(cell.text.unicodeScalars.allSatisfy { TerminalText.isSafe($0) })
    }
  }

  @Test func aWordWiderThanTheScreenIsCutNotWrapped() {
    let word = String(repeating: "long", count: 80)
    let state = TestSupport.state(TestSupport.oneWordModel(word), columns: 80, rows: 24)
    let lines = lines(state)
    #expect(lines[1].hasPrefix(" [longlong"))
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
  }

  /// Every key of the table, also on an 80×24 terminal, with nothing cut.
  @Test(arguments: [(120, 40), (80, 24)])
  func helpListsEveryKeyFromTheTable(columns: Int, rows: Int) {
    let state = TestSupport.state(columns: columns, rows: rows)
    let text = screen(TestSupport.after([.help], from: state))
    for binding in KeyMap.bindings {
      #expect(text.contains(binding.keyLabels), "\(binding.keyLabels)")
      #expect(
        text.contains(binding.summary) || text.contains(binding.pairedSummary ?? "\n")
          || KeyMap.helpLines.contains { $0.keys.hasSuffix(binding.keyLabels) },
        "\(binding.summary)")
    }
    for line in KeyMap.helpLines { #expect(text.contains(line.summary), "\(line.summary)") }
    #expect(!text.contains("enlarge"))
  }

  @Test func statusLineShowsTheMainKeysAndMessages() {
    let status = lines(start)[39]
    #expect(status.contains("paused"))
    for key in ["→ next", "← back", "Space play", "d drill", "? help", "q quit"] {
      #expect(status.contains(key))
    }
    let playing = lines(TestSupport.after([.togglePlay], from: start))[39]
    #expect(playing.contains("▶ playing 1×"))
    let message = lines(TestSupport.after([.export], from: start))[39]
    #expect(message.contains("export is not available here"))
    let counting = lines(TestSupport.after([.digit(1), .digit(2)], from: start))[39]
    #expect(counting.contains("12_"))
  }

  @Test func valuesAreColouredBySignAndSize() throws {
    let grid = PlayerView.render(start)
    let row = try #require(grid.lines.firstIndex { $0.contains("the    │ -0.8201") })
    let x = grid.lines[row].distance(
      from: grid.lines[row].startIndex, to: grid.lines[row].range(of: "-1.3884")!.lowerBound)
    #expect(grid[x, row].style.tone == .negative(level: 3))
    let y = grid.lines[row].distance(
      from: grid.lines[row].startIndex, to: grid.lines[row].range(of: "0.3956")!.lowerBound)
    #expect(grid[y, row].style.tone == .positive(level: 2))
  }

  @Test func aLessonsTitleChapterAndNarrativeShow() {
    let golden = GoldenModels.linearSeed12
    let content = PlayerContent(
      title: "RNN Pytorch",
      chapters: [
        PlayerChapter(
          title: "the hypothesis function", trace: golden.model.trace(golden.words),
          narrative: [1: ["The first word is looked up in the embedding table."]], number: 1),
        PlayerChapter(
          title: "tanh", trace: GoldenModels.rawTanhSeed1.model.trace(["the"]), number: 2),
      ])
    let state = PlayerState(content: content, size: ScreenSize(columns: 120, rows: 40))
    let lines = lines(state)
    #expect(lines[0].contains("rnntrace │ RNN Pytorch │ ch 1/2 the hypothesis function"))
    #expect(lines.contains { $0.contains("The first word is looked up in the embedding table.") })
    let next = TestSupport.after([.nextChapter], from: state)
    #expect(self.lines(next)[0].contains("ch 2/2 tanh"))
  }

  @Test func eachVariantShowsItsOwnPanels() {
    let raw = TestSupport.after(
      TestSupport.repeated(.next, 2), from: TestSupport.state(GoldenModels.rawTanhSeed1))
    let rawText = screen(raw)
    #expect(rawText.contains("e_1·We: (1×4)·(4×2) → (1×2)"))
    #expect(rawText.contains("tanh"))
    let linear = TestSupport.after(
      TestSupport.repeated(.next, 3), from: TestSupport.state(GoldenModels.linearSeed12))
    let linearText = screen(linear)
    #expect(linearText.contains("h_0·w_h: (1×1)·(1×1) → (1×1)"))
    #expect(!linearText.contains("tanh h_"))
  }
}

/// The pieces the screen is built from.
struct GridTests {
  @Test func wideCharactersTakeTwoColumns() {
    var grid = CellGrid(size: ScreenSize(columns: 6, rows: 1))
    let end = grid.put("中文ab", x: 0, y: 0)
    #expect(end == 6)
    #expect(grid.line(0) == "中文ab")
    // A wide character that would straddle the edge is left out, not cut.
    var narrow = CellGrid(size: ScreenSize(columns: 3, rows: 1))
    narrow.put("a中文", x: 0, y: 0)
    #expect(narrow.line(0) == "a中")
  }

  @Test func elisionKeepsTheEndsAndTheFocus() {
    #expect(Elision.indices(count: 4, capacity: 8, focus: nil) == [0, 1, 2, 3])
    let some = Elision.indices(count: 64, capacity: 7, focus: nil)
    #expect(some.count <= 7 && some.first == 0 && some.last == 63 && some.contains(nil))
    let focused = Elision.indices(count: 64, capacity: 7, focus: 30)
    #expect(focused.count <= 7 && focused.contains(30) && focused.contains(nil))
    let atEnd = Elision.indices(count: 64, capacity: 3, focus: 63)
    #expect(atEnd.contains(63) && atEnd.count <= 3)
    #expect(Elision.indices(count: 10, capacity: 0, focus: nil).isEmpty)
  }

  @Test func escapingLeavesPrintableTextAlone() {
    #expect(TerminalText.escaped("the dog →·ᵀ 中") == "the dog →·ᵀ 中")
    #expect(TerminalText.escaped("a\tb\nc\u{1B}") == "a\\tb\\nc^[")
    #expect(TerminalText.escaped("\u{202E}evil") == "<U+202E>evil")
  }

  @Test func palettes() {
    let noColor = TerminalPalette(colors: 256, hasColors: true, environment: ["NO_COLOR": "1"])
    #expect(noColor.depth == .monochrome)
    #expect(noColor.foreground(.negative(level: 3)) == nil)
    #expect(noColor.addsBold(.negative(level: 3)))
    let empty = TerminalPalette(colors: 256, hasColors: true, environment: ["NO_COLOR": ""])
    #expect(empty.depth == .twoFiftySix)
    for depth in [TerminalPalette.Depth.eight, .sixteen, .twoFiftySix] {
      let palette = TerminalPalette(depth: depth)
      let negative = palette.foreground(.negative(level: 2))
      let positive = palette.foreground(.positive(level: 2))
      #expect(negative != nil && positive != nil && negative != positive)
      // Black (0) and white (7, 15) would vanish on one background or the other.
      for colour in [negative, positive] { #expect(![0, 7, 15, 16, 231].contains(colour!)) }
    }
  }

  @Test func launchModes() {
    let term = ["TERM": "xterm-256color"]
    #expect(
      PlayerLauncher.mode(stdinIsTerminal: true, stdoutIsTerminal: true, environment: term)
        == .screen)
    #expect(
      PlayerLauncher.mode(stdinIsTerminal: true, stdoutIsTerminal: false, environment: term)
        != .screen)
    #expect(
      PlayerLauncher.mode(stdinIsTerminal: false, stdoutIsTerminal: true, environment: term)
        != .screen)
    #expect(
      PlayerLauncher.mode(
        stdinIsTerminal: true, stdoutIsTerminal: true, environment: ["TERM": "dumb"]) != .screen)
    #expect(
      PlayerLauncher.mode(stdinIsTerminal: true, stdoutIsTerminal: true, environment: [:])
        != .screen)
  }
}
