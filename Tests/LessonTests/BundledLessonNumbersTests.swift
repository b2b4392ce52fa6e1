import Foundation
import Testing

@testable import Lesson
@testable import Model

/// The bundled lesson, run from its own seeds, gives every number of
/// the lesson page (`Fixtures/lesson/NUMBERS.md`), and its narrative shows them.
@Suite struct BundledLessonNumbersTests {
  static let runs: [ChapterTrace] = {
    let lesson = try! BundledLessons.standard.lesson()
    return lesson.chapters.map { $0.run() }
  }()

  static var printed: [String: [String]] { LessonNumbersTests.printed }

  static func four(_ tensor: Tensor) -> [String] {
    tensor.scalars.map { String(format: "%.4f", Double($0)) }
  }

  static func tensor(_ name: String, in run: ChapterTrace) -> Tensor? {
    run.tensors.first { $0.name == name }?.value
  }

  @Test func chapterOneDrawsTheLessonsTensors() throws {
    let run = Self.runs[0]
    for name in ["e_1", "h_0", "w_h", "w_e"] {
      let value = try #require(Self.tensor(name, in: run), "chapter 1 defines no \(name)")
      #expect(Self.four(value) == Self.printed[name], "\(name)")
    }
  }

  @Test func chapterOneTakesTheOneStep() {
    let states = Self.runs[0].trace.hiddenStates
    #expect(states.count == 2)
    #expect(Self.four(states[1]) == Self.printed["one step"])
  }

  @Test func chapterTwoDrawsEAsTheSecondDrawAfterH0() throws {
    let e = try #require(Self.tensor("E", in: Self.runs[1]))
    #expect(e.shape == [4, 5])
    #expect(Self.four(e) == Self.printed["E"])
  }

  @Test func chapterTwoRunsTheSentence() throws {
    let trace = Self.runs[1].trace
    let first = try #require(trace.events.first { $0.operation == .matmulInput })
    #expect(first.t == 1 && first.word == "the")
    #expect(Self.four(first.result.value) == Self.printed["first embedding product"])
    #expect(
      trace.hiddenStates.flatMap(Self.four) == Self.printed["hidden states of the loop"])
  }

  /// What `rnntrace print` shows of the narrative: every number of the table, to 4
  /// decimals, appears in the first two chapters' filled-in text.
  @Test func narrativeShowsEveryNumber() {
    var shown: Set<String> = []
    for run in Self.runs.prefix(2) {
      for paragraph in run.chapter.narrative {
        let text = run.text(of: paragraph)
        let tokens = text.split { !("0"..."9").contains($0) && $0 != "." && $0 != "-" }
        shown.formUnion(tokens.map { $0.hasSuffix(".") ? String($0.dropLast()) : String($0) })
      }
    }
    for (name, numbers) in Self.printed {
      for number in numbers {
        #expect(shown.contains(number), "\(name): \(number) is not in the narrative")
      }
    }
  }

  /// Chapters 3 to 5 have no numbers in the lesson (it ran them unseeded). These were
  /// computed apart from the code under test by `scripts/lesson_chapters.py`
  /// (the generator of `docs/pytorch-numbers.md` in plain Python, each class written out in float32), from the
  /// seeds the chapters state.
  @Test(arguments: [
    (
      2,
      [
        ["0.8033"], ["-0.6968"], ["0.9194"], ["-0.8063"], ["0.8198"], ["-0.6040"],
      ]
    ),
    (
      3,
      [
        ["-1.6053"], ["-0.9900"], ["-0.9190"], ["-0.8188"], ["-0.4201"], ["-0.8483"],
      ]
    ),
    (
      4,
      [
        ["-0.4868", "-0.6038"], ["-0.7861", "0.1983"], ["-0.4620", "-0.2978"],
        ["-0.9458", "0.8428"], ["-0.8952", "0.7191"], ["-0.7505", "0.0415"],
      ]
    ),
  ])
  func classChaptersFromTheirStatedSeeds(chapter: Int, states: [[String]]) {
    #expect(Self.runs[chapter].trace.hiddenStates.map(Self.four) == states)
  }

  @Test func classChaptersDrawTheirWeightsInTheConstructorsOrder() throws {
    let raw = Self.runs[2]
    #expect(
      Self.four(try #require(Self.tensor("We", in: raw))) == [
        "0.1748", "0.0890", "-0.6137", "0.0462",
      ])
    #expect(Self.four(try #require(Self.tensor("Wh", in: raw))) == ["-1.3683"])
    let linear = Self.runs[3]
    #expect(
      Self.four(try #require(Self.tensor("We.weight", in: linear))) == [
        "-0.4928", "-0.4610", "0.4929", "0.4131",
      ])
    #expect(Self.four(try #require(Self.tensor("We.bias", in: linear))) == ["0.1186"])
    #expect(Self.four(try #require(Self.tensor("Wh.weight", in: linear))) == ["0.9488"])
    #expect(Self.four(try #require(Self.tensor("Wh.bias", in: linear))) == ["-0.3622"])
  }
}
