import Foundation
import Model
import Testing

@testable import Lesson

/// The lessons that once took minutes: reading a lesson is linear in its size, and a
/// count limit is refused as soon as it is passed. Asserted on behaviour (the error
/// and its line); the time is measured by hand (README).
struct LessonWorstCaseTests {
  /// A one-chapter lesson with `extra` lines in the chapter and `paragraph` as its
  /// only narrative paragraph. The chapter's keys start on line 4.
  static func lesson(sentence: String = "dog", extra: String = "", paragraph: String) -> String {
    """
    title: Worst case
    chapters:
      - title: One
        variant: linear
        inputs: 4
        hidden: 1
        sentence: \(sentence)
        random:
          - seed: 15
            draws:
              - e_1 = torch.randn(4, 1)
              - h_0 = torch.randn(1, 1)
              - w_h = torch.randn(1, 1)
              - w_e = torch.randn(4, 1)
        model:
          embedding: e_1.T
          h0: h_0
          w_h: w_h
          w_e: w_e
    \(extra)    narrative:
          - >-
            \(paragraph)

    """
  }

  static func refusal(_ text: String) -> String? {
    do {
      _ = try LessonParser.parse(text, file: "worst.yaml")
      return nil
    } catch {
      return error.description
    }
  }

  @Test func manyPlaceholdersThenAnUnknownOne() {
    let paragraph = String(repeating: "{e_1} ", count: 100_000) + "{nope}"
    let error = Self.refusal(Self.lesson(paragraph: paragraph))
    // Line 22, after 100,000 placeholders of 6 characters and the paragraph's indent.
    #expect(
      error?.hasPrefix("worst.yaml:22:600009: `{nope}` names no value") == true,
      "\(error ?? "accepted")")
  }

  @Test func manyPlaceholdersAreAccepted() throws {
    let paragraph = String(repeating: "{e_1} {h_1} ", count: 20_000)
    let lesson = try LessonParser.parse(Self.lesson(paragraph: paragraph), file: "worst.yaml")
    #expect(lesson.chapters[0].narrative[0].text.segments.count == 80_000)
  }

  @Test func aLongVocabularyIsRefusedAtItsFirstWordTooMany() {
    let words = (0..<200_000).map { "      - w\($0)\n" }.joined()
    let error = Self.refusal(Self.lesson(extra: "    vocabulary:\n" + words, paragraph: "x"))
    // The vocabulary's first word is on line 21: the 1,001st on line 1,021.
    #expect(
      error == "worst.yaml:1021:9: the vocabulary has more than 1000 words; expected at most 1000")
  }

  @Test func aLongSentenceIsRefusedAtItsFirstWordTooMany() {
    let sentence = String(repeating: "w ", count: 1_000_000)
    let error = Self.refusal(Self.lesson(sentence: sentence, paragraph: "x"))
    // Word 1,001 starts 2,000 characters after the sentence's first, at column 15.
    #expect(
      error == "worst.yaml:7:2015: the sentence has more than 1000 words; expected at most 1000")
  }
}

/// A YAML tag is part of what the author wrote: `!!str` makes text of what looks like
/// a number, and a tag that makes something else of text is refused.
struct LessonTagTests {
  static func refusal(replacing target: String, with replacement: String) throws -> String? {
    let text = BundledLessons.standard.text
    let edited = text.replacingOccurrences(of: target, with: replacement)
    try #require(edited != text)
    do {
      _ = try LessonParser.parse(edited, file: "tagged.yaml")
      return nil
    } catch {
      return error.description
    }
  }

  @Test func aNumberTaggedAsTextIsNotANumber() throws {
    let error = try Self.refusal(replacing: "    inputs: 4\n", with: "    inputs: !!str 4\n")
    #expect(
      error?.hasSuffix("`inputs` is text `4`; expected a whole number from 1 to 4096") == true,
      "\(error ?? "accepted")")
  }

  @Test func textTaggedAsBinaryIsRefused() throws {
    let error = try Self.refusal(
      replacing: "title: RNN Pytorch, one operation at a time",
      with: "title: !!binary aGVsbG8=")
    #expect(
      error
        == "tagged.yaml:5:8: `title` has the YAML tag `!!binary`; expected plain text without a tag"
    )
  }

  @Test func textTaggedAsTextIsText() throws {
    let text = BundledLessons.standard.text.replacingOccurrences(
      of: "title: RNN Pytorch, one operation at a time", with: "title: !!str 1984")
    #expect(try LessonParser.parse(text, file: "tagged.yaml").title == "1984")
  }
}
