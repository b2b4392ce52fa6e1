import Model
import Testing

@testable import RNNTrace

/// `print` of an ad-hoc model streams its walkthrough; it must be the very text that
/// `WalkthroughText.write` makes from the whole trace (which the player's plain-text
/// fallback and `replay` still use), in one piece or in many.
@Suite struct WalkthroughTextTests {
  @Test(arguments: [
    (Variant.linearTanh, 8, 16, 4_000), (.linear, 4, 1, 12), (.rawTanh, 3, 5, 1),
  ])
  func streamingGivesTheTextOfTheWholeTrace(
    variant: Variant, inputs: Int, hidden: Int, count: Int
  ) throws {
    let vocabulary = ["the", "dog", "jumped", "over", "a", "naïve", "日本"]
    let words = (0..<count).map { vocabulary[($0 * 5 + $0 / 3) % vocabulary.count] }
    let model = try ModelSpec(
      variant: variant, seed: 7, inputs: inputs, hidden: hidden, words: words
    ).build()
    let text = WalkthroughText(format: ValueFormat())
    var whole = ""
    text.write(model.trace(words), title: "a title", to: &whole)
    var pieces: [String] = []
    text.stream(model, words, title: "a title") { pieces.append($0) }
    #expect(pieces.joined() == whole)
    // A long walkthrough comes in pieces of about a megabyte, not all at the end.
    if whole.utf8.count > 3 << 20 { #expect(pieces.count > 2) }
  }
}
