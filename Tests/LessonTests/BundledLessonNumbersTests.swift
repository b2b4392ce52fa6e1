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

  /// Chapter 3 has no numbers in the lesson (the page never runs the first class).
  /// These were computed apart from the code under test by `scripts/lesson_chapters.py`
  /// (the generator of `docs/pytorch-numbers.md` in plain Python, the class written out
  /// in float32), from the seed the chapter states.
  @Test(arguments: [
    (
      2,
      [
        ["0.8033"], ["-0.6968"], ["0.9194"], ["-0.8063"], ["0.8198"], ["-0.6040"],
      ]
    ),
    // Chapters 4 and 5 are the page's own runs of the second class (In[147] and
    // In[150]): the hidden states as the page prints them.
    (
      3,
      [
        ["-1.1709"], ["-0.0148"], ["0.0774"], ["0.1840"], ["0.2288"], ["0.3159"],
      ]
    ),
    (
      4,
      [
        ["-0.8746", "-1.1934"], ["0.7477", "0.7169"], ["0.7183", "0.0297"],
        ["-0.0921", "-0.0526"], ["0.3248", "0.5440"], ["0.6136", "0.2024"],
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
    // Chapter 4 draws w_h and w_e as chapter 1 does, before the class; the layers were
    // computed apart by `scripts/lesson_chapters.py`'s generator.
    let linear = Self.runs[3]
    #expect(Self.four(try #require(Self.tensor("w_h", in: linear))) == Self.printed["w_h"])
    #expect(Self.four(try #require(Self.tensor("w_e", in: linear))) == Self.printed["w_e"])
    #expect(
      Self.four(try #require(Self.tensor("We.weight", in: linear))) == [
        "0.4420", "0.4187", "-0.2304", "0.2886",
      ])
    #expect(Self.four(try #require(Self.tensor("We.bias", in: linear))) == ["-0.3592"])
    #expect(Self.four(try #require(Self.tensor("Wh.weight", in: linear))) == ["0.9034"])
    #expect(Self.four(try #require(Self.tensor("Wh.bias", in: linear))) == ["0.3567"])
  }

  /// Every kernel gives the page's numbers: the uniform draws of nn.Linear differ in the
  /// last bit between the fused and unfused kernels, never in four decimals here.
  @Test func pagesRunsOnTheGenericKernelToo() throws {
    let lesson = try BundledLessons.standard.lesson()
    let four = lesson.chapters[3].run(kernel: .generic).trace.hiddenStates.map(Self.four)
    #expect(four == [["-1.1709"], ["-0.0148"], ["0.0774"], ["0.1840"], ["0.2288"], ["0.3159"]])
    let five = lesson.chapters[4].run(kernel: .generic).trace.hiddenStates.flatMap(Self.four)
    #expect(
      five == [
        "-0.8746", "-1.1934", "0.7477", "0.7169", "0.7183", "0.0297", "-0.0921", "-0.0526",
        "0.3248", "0.5440", "0.6136", "0.2024",
      ])
  }
}
