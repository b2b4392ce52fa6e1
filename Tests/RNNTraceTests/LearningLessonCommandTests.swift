import Foundation
import Lesson
import Model
import TUI
import Testing

@testable import RNNTrace

/// The second bundled lesson and `--loss` on lesson chapters, through the command.
@Suite struct LearningLessonCommandTests {
  @Test func lessonsListsBoth() throws {
    let result = try RNNTraceBinary.run(["lessons"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("rnn-pytorch  RNN Pytorch, one operation at a time"))
    #expect(result.stdout.contains("rnn-learning  How the RNN learns  (lessons/rnn-learning.yaml)"))
    #expect(result.stdout.contains("6. Many steps, until the sentence is learned"))
    #expect(result.stdout.contains("next-word loss, 300 SGD rounds at lr 0.5]"))
  }

  @Test func printShowsTheRoundsAndThePredictions() throws {
    let result = try RNNTraceBinary.run(["print", "--lesson", "rnn-learning", "--chapter", "6"])
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("Training: 300 rounds of plain SGD, lr 0.5"))
    #expect(out.contains("Predictions of the model as drawn (1 of 4 right)"))
    #expect(out.contains("Predictions after the last round (4 of 4 right)"))
    #expect(out.contains("The backward pass: from L back to the first word"))
    // The table's losses are the rounds' own, as a Learner computes them.
    let run = LoadedLesson(
      lesson: try #require(BundledLessons.named("rnn-learning")).lesson(), file: "x", only: 6
    ).run(6, kernel: .platformDefault, kernels: .amd)
    let rounds = try #require(run.training?.run)
    for k in [1, 2, 20, 300] {
      let row =
        TrainingOutput.pad(String(k), 6) + "  " + TrainingOutput.format(rounds.losses[k - 1])
      #expect(out.contains(row + "\n"), "round \(k)")
    }
    #expect(out.contains(" after  " + TrainingOutput.format(rounds.lossAfter)))
  }

  @Test func exportOfEveryChapterVerifies() throws {
    let scratch = try ScratchDirectory()
    for chapter in 1...6 {
      let out = scratch.path("c\(chapter).jsonl")
      let export = try RNNTraceBinary.run([
        "export", "--lesson", "rnn-learning", "--chapter", "\(chapter)", "-o", out,
      ])
      #expect(export.status == 0, "\(export.stderr)")
      let verify = try RNNTraceBinary.run(["verify", out])
      #expect(verify.status == 0, "chapter \(chapter): \(verify.stderr)")
      #expect(verify.stdout.contains("loss and its backward pass"))
    }
  }

  @Test func lossOnTheFirstLessonsChapterVerifiesAndAChangedHeadIsCaught() throws {
    let scratch = try ScratchDirectory()
    let out = scratch.path("c5.jsonl")
    let export = try RNNTraceBinary.run([
      "export", "--chapter", "5", "--loss", "next-word", "-o", out,
    ])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(try RNNTraceBinary.run(["verify", out]).status == 0)
    // The header claims the bundled chapter: a head that is not the one drawn after its
    // model is refused.
    var lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    let header = String(lines[0])
    let start = try #require(header.range(of: "\"head.bias\":{\"shape\":[5],\"values\":["))
    let end = try #require(header[start.upperBound...].firstIndex(of: ","))
    let edited = header.replacingCharacters(in: start.upperBound..<end, with: "1.5")
    lines[0] = Substring(edited)
    let changed = scratch.path("changed.jsonl")
    try lines.joined(separator: "\n").appending("\n").write(
      toFile: changed, atomically: true, encoding: .utf8)
    let verify = try RNNTraceBinary.run(["verify", changed])
    #expect(verify.status == 1, "\(verify.stderr)")
    #expect(verify.stderr.contains("head.bias[0]"))
  }

  @Test func loadedChaptersCarryTheirTraining() throws {
    let lesson = try #require(BundledLessons.named("rnn-learning")).lesson()
    let loaded = LoadedLesson(lesson: lesson, file: "lessons/rnn-learning.yaml", only: nil)
    let chapters = loaded.chapters.map {
      PlayCommand.playerChapter(
        loaded.run($0.number, kernel: .platformDefault, kernels: .amd), number: $0.number)
    }
    #expect(chapters.map { $0.training?.losses.count } == [nil, nil, nil, nil, 1, 300])
    #expect(chapters.allSatisfy { $0.trace.events.contains { $0.pass == .backward } })
    let pytorch = LoadedLesson(lesson: try BundledLessons.standard.lesson(), file: "x", only: 5)
    #expect(try pytorch.adding(loss: .lastWord, kernels: .auto).loss(of: 5)?.kind == .lastWord)
    #expect(throws: CommandError.self) {
      try LoadedLesson(lesson: lesson, file: "x", only: 4).adding(loss: .lastWord, kernels: .auto)
    }
  }
}
