import Model
import Testing

@testable import TUI

/// Every action, and so every key, on the golden linear-tanh model: 5 words of 8
/// operations each (embedding, W_e·e, + b_e, W_h·h, + b_h, sum, tanh, h_t).
struct PlayerUpdateTests {
  let start = TestSupport.state()

  @Test func nextAndPreviousMoveOneOperation() {
    let three = TestSupport.after(TestSupport.repeated(.next, 3), from: start)
    #expect(three.eventIndex == 3)
    #expect(three.event.operation == .matmulHidden)
    let back = TestSupport.after([.previous], from: three)
    #expect(back.eventIndex == 2)
    #expect(back.event.operation == .biasInput)
  }

  @Test func steppingBackShowsExactlyTheEarlierScreen() {
    for steps in [1, 3, 9, 20] {
      let earlier = TestSupport.after(TestSupport.repeated(.next, steps), from: start)
      let there = TestSupport.after(TestSupport.repeated(.next, 3), from: earlier)
      let back = TestSupport.after(TestSupport.repeated(.previous, 3), from: there)
      #expect(PlayerView.render(back) == PlayerView.render(earlier), "after \(steps) steps")
    }
  }

  @Test func theEndsStopAndSaySo() {
    let first = TestSupport.after([.previous], from: start)
    #expect(first.eventIndex == 0)
    #expect(first.message?.text == "this is the first step")
    let last = TestSupport.after([.last, .next], from: start)
    #expect(last.eventIndex == 39)
    #expect(last.message?.text.contains("end of the trace") == true)
  }

  @Test func wordKeysJumpToTheFirstOperationOfAWord() {
    let second = TestSupport.after([.nextWord], from: start)
    #expect(second.eventIndex == 8)
    #expect(second.event.t == 2 && second.event.operation == .embedding)
    // Mid-word, "previous word" goes to the start of this word first, as players do.
    let midSecond = TestSupport.after([.next, .next], from: second)
    #expect(TestSupport.after([.previousWord], from: midSecond).eventIndex == 8)
    #expect(TestSupport.after([.previousWord], from: second).eventIndex == 0)
    let lastWord = TestSupport.after(TestSupport.repeated(.nextWord, 10), from: start)
    #expect(lastWord.eventIndex == 32)
    #expect(lastWord.message?.text == "this is the last word")
  }

  @Test func firstAndLast() {
    let last = TestSupport.after([.last], from: start)
    #expect(last.eventIndex == 39 && last.isAtEnd)
    #expect(TestSupport.after([.first], from: last).eventIndex == 0)
  }

  @Test func aNumberThenGGoesToThatStep() {
    let twelve = TestSupport.after([.digit(1), .digit(2), .first], from: start)
    #expect(twelve.eventIndex == 11)
    #expect(twelve.typedNumber == nil)
    // 0 inside a number is a digit, not "normal speed".
    let ten = TestSupport.after([.digit(1), .normalSpeed, .last], from: start)
    #expect(ten.eventIndex == 9)
    let tooFar = TestSupport.after([.digit(9), .digit(9), .first], from: twelve)
    #expect(tooFar.eventIndex == 11)
    #expect(tooFar.message?.isError == true)
    #expect(tooFar.message?.text.contains("1 to 40") == true)
  }

  @Test func anyOtherKeyDropsAPendingNumber() {
    let state = TestSupport.after([.digit(3), .next], from: start)
    #expect(state.typedNumber == nil)
    #expect(state.eventIndex == 1)
  }

  @Test func spacePlaysToTheEndAndStops() {
    var state = TestSupport.after([.togglePlay], from: start)
    #expect(state.isPlaying)
    var ticks = 0
    while state.isPlaying && ticks < 100 {
      state.update(.tick)
      ticks += 1
    }
    #expect(ticks == 39)
    #expect(state.isAtEnd)
    // At the end, Space plays again from the start.
    state.update(.togglePlay)
    #expect(state.isPlaying && state.eventIndex == 0)
    state.update(.togglePlay)
    #expect(!state.isPlaying)
    state.update(.tick)
    #expect(state.eventIndex == 0)
  }

  @Test func speedKeys() {
    let faster = TestSupport.after([.faster, .faster], from: start)
    #expect(faster.speed.multiple == 4)
    #expect(faster.speed.delayMilliseconds < start.speed.delayMilliseconds)
    let slower = TestSupport.after(TestSupport.repeated(.slower, 10), from: start)
    #expect(slower.speed.isSlowest)
    #expect(TestSupport.after([.normalSpeed], from: slower).speed == .normal)
    #expect(TestSupport.after(TestSupport.repeated(.faster, 20), from: start).speed.isFastest)
  }

  @Test func drillStepsThroughEveryMultiplyAdd() throws {
    let product = TestSupport.after([.next, .drill], from: start)
    #expect(product.drill == DrillPosition(output: 0, term: 0))
    let inner = try #require(product.product).inner
    var state = product
    var seen: [DrillPosition] = []
    while let drill = state.drill {
      seen.append(drill)
      state.update(.next)
    }
    #expect(seen.count == inner * 2)
    #expect(seen.last == DrillPosition(output: 1, term: inner - 1))
    // Past the last multiply-add, the drill ends and the next operation comes.
    #expect(state.eventIndex == 2)
    let back = TestSupport.after([.next, .next, .previous], from: product)
    #expect(back.drill == DrillPosition(output: 0, term: 1))
    #expect(TestSupport.after([.previous], from: product).drill == nil)
    #expect(TestSupport.after([.drill], from: product).drill == nil)
    #expect(TestSupport.after([.cancel], from: product).drill == nil)
    #expect(!TestSupport.after([.cancel], from: product).isQuitting)
  }

  @Test func drillOnlyOnProducts() {
    let state = TestSupport.after([.drill], from: start)
    #expect(state.drill == nil)
    #expect(state.message?.text.contains("product") == true)
  }

  /// The drill's running sums are the model's, in the product's own summation order
  /// (MKL's for an `nn.Linear`): its last one is the panel's result bit for bit, for
  /// every variant and for random sizes up to 64, many of them sizes where summing left
  /// to right would end on another float.
  @Test func theDrillsLastRunningSumIsTheResultBitForBit() throws {
    var random = SplitMix(seed: 11)
    var leftToRightDiffers = 0
    for trial in 0..<45 {
      let variant = Variant.allCases[trial % Variant.allCases.count]
      let inputs = random.next(in: 1...64)
      let hidden = random.next(in: 1...64)
      let spec = ModelSpec(
        variant: variant, seed: UInt64(trial), inputs: inputs, hidden: hidden,
        words: ["a", "b", "a"])
      let trace = try spec.build().trace(spec.words)
      for event in trace.events where event.operation.isProduct {
        let product = try #require(MatrixProduct(event))
        let result = event.result.value.scalars
        for j in 0..<product.outputs {
          let last = product.runningSum(DrillPosition(output: j, term: product.inner - 1))
          #expect(
            last.bitPattern == result[j].bitPattern,
            "\(variant.rawValue) (\(inputs), \(hidden)) \(event.formula)[\(j)]")
          var sum = product.product(DrillPosition(output: j, term: 0))
          for k in 1..<product.inner {
            sum = sum + product.product(DrillPosition(output: j, term: k))
          }
          if sum.bitPattern != result[j].bitPattern { leftToRightDiffers += 1 }
        }
      }
    }
    #expect(leftToRightDiffers > 0)
  }

  /// Drilled key by key through an (8, 8) `nn.Linear` product, where MKL's order and left
  /// to right end on different floats for some outputs, the drill's line ends every output
  /// on the panel's value.
  @Test func theDrillEndsEachOutputOnThePanelsValue() throws {
    let spec = ModelSpec(
      variant: .linearTanh, seed: 3, inputs: 8, hidden: 8, words: ["the", "dog"])
    let trace = try spec.build().trace(spec.words)
    var state = PlayerState(
      content: PlayerContent(title: "(8, 8)", trace: trace),
      size: ScreenSize(columns: 120, rows: 40))
    state.update(.next)
    #expect(state.event.operation == .matmulInput)
    state.update(.drill)
    let result = state.event.result.value.scalars
    var endings = 0
    var differs = 0
    while let drill = state.drill {
      let product = try #require(state.product)
      if drill.term == product.inner - 1 {
        let line = Narration.line(for: state.event, drill: drill)
        #expect(
          line.contains("= \(NumberFormat.value(result[drill.output])), all 8 terms"), "\(line)")
        var sum = product.product(DrillPosition(output: drill.output, term: 0))
        for k in 1..<8 { sum = sum + product.product(DrillPosition(output: drill.output, term: k)) }
        if sum != result[drill.output] { differs += 1 }
        endings += 1
      }
      state.update(.next)
    }
    #expect(endings == 8)
    #expect(differs > 0, "seed 3 no longer shows MKL's order; pick a seed where it does")
  }

  @Test func helpOpensAndAnyKeyClosesItWithoutActing() {
    let help = TestSupport.after([.help], from: start)
    #expect(help.isShowingHelp)
    let closed = TestSupport.after([.next], from: help)
    #expect(!closed.isShowingHelp && closed.eventIndex == 0)
    let quitKey = TestSupport.after([.quit], from: help)
    #expect(!quitKey.isShowingHelp && !quitKey.isQuitting)
    #expect(TestSupport.after([.interrupt], from: help).isQuitting)
    #expect(TestSupport.after([.tick], from: help).isShowingHelp)
  }

  @Test func quitting() {
    #expect(TestSupport.after([.quit], from: start).isQuitting)
    #expect(TestSupport.after([.interrupt], from: start).isQuitting)
    // Esc never quits; it says what does.
    let escaped = TestSupport.after([.cancel], from: start)
    #expect(!escaped.isQuitting)
    #expect(escaped.message?.text.contains("q quits") == true)
  }

  @Test func effects() {
    var state = start
    #expect(state.update(.redraw) == .repaint)
    #expect(state.update(.suspend) == .suspend)
    #expect(state.update(.next) == nil)
  }

  @Test func exportNeedsAHook() {
    var without = start
    #expect(without.update(.export) == nil)
    #expect(without.message == StatusMessage("export is not available here", isError: true))
    var with = TestSupport.state(canExport: true)
    #expect(with.update(.export) == .export(chapter: 0))
    with.update(.exported(path: "/tmp/trace.jsonl"))
    #expect(with.message?.text == "exported to /tmp/trace.jsonl")
    with.update(.exportFailed(reason: "disk full"))
    #expect(with.message == StatusMessage("export failed: disk full", isError: true))
  }

  @Test func resizeChangesOnlyTheSize() {
    let state = TestSupport.after([.next, .resize(ScreenSize(columns: 30, rows: 8))], from: start)
    #expect(state.size == ScreenSize(columns: 30, rows: 8))
    #expect(state.eventIndex == 1)
  }

  @Test func chapterKeysMoveBetweenChapters() {
    let a = GoldenModels.linearTanhSeed7
    let b = GoldenModels.linearSeed12
    let content = PlayerContent(
      title: "lesson",
      chapters: [
        PlayerChapter(title: "chapter 1: linear-tanh", trace: a.model.trace(a.words)),
        PlayerChapter(title: "chapter 2: linear", trace: b.model.trace(b.words)),
      ])
    var state = PlayerState(content: content, size: ScreenSize(columns: 120, rows: 40))
    state.update(.next)
    state.update(.nextChapter)
    #expect(state.chapterIndex == 1 && state.eventIndex == 0)
    #expect(state.trace.model.variant == .linear)
    state.update(.nextChapter)
    #expect(state.chapterIndex == 1)
    #expect(state.message?.text == "this is the last chapter")
    // The export key's effect names the chapter on screen, even where two chapters
    // would have equal traces.
    var exporting = PlayerState(
      content: PlayerContent(
        title: "lesson",
        chapters: [content.chapters[0], content.chapters[0]]),
      size: ScreenSize(columns: 120, rows: 40), canExport: true)
    exporting.update(.nextChapter)
    #expect(exporting.update(.export) == .export(chapter: 1))
    state.update(.previousChapter)
    #expect(state.chapterIndex == 0)
    let single = TestSupport.after([.nextChapter], from: start)
    #expect(single.message?.text == "there is only one chapter")
  }
}

/// The key table: what each key does, and that the help says so.
struct KeyMapTests {
  @Test(arguments: [
    (Key.right, PlayerAction.next), (.character("l"), .next), (.character("n"), .next),
    (.character("."), .next), (.enter, .next),
    (.left, .previous), (.character("h"), .previous), (.character("p"), .previous),
    (.character(","), .previous),
    (.pageDown, .nextWord), (.character("J"), .nextWord),
    (.pageUp, .previousWord), (.character("K"), .previousWord),
    (.character("g"), .first), (.home, .first), (.character("G"), .last), (.end, .last),
    (.character(" "), .togglePlay), (.character("+"), .faster), (.character("-"), .slower),
    (.character("0"), .normalSpeed), (.character("7"), .digit(7)), (.character("d"), .drill),
    (.character("?"), .help), (.control("l"), .redraw), (.character("q"), .quit),
    (.escape, .cancel), (.control("c"), .interrupt), (.character("e"), .export),
    (.character("]"), .nextChapter), (.character("["), .previousChapter),
    (.control("z"), .suspend),
  ])
  func keyDoes(key: Key, action: PlayerAction) {
    #expect(KeyMap.action(for: key) == action)
  }

  @Test func everyBoundKeyDoesWhatItsLineSays() {
    for binding in KeyMap.bindings {
      for key in binding.keys {
        let action = KeyMap.action(for: key)
        if case .digit = binding.action {
          #expect(action.map { if case .digit = $0 { true } else { false } } == true)
        } else {
          #expect(action == binding.action, "\(key.label)")
        }
      }
    }
  }

  @Test func unboundKeysDoNothing() {
    #expect(KeyMap.action(for: .character("x")) == nil)
    #expect(KeyMap.action(for: .control("a")) == nil)
  }
}
