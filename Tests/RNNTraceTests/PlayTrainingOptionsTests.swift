import Foundation
import Testing

/// `play --loss … --lr X --steps N` takes --lr and --steps as `train` does, and says why
/// it refuses them.
@Suite struct PlayTrainingOptionsTests {
  @Test(arguments: [
    (["--steps", "5"], "--steps: training needs a loss to follow"),
    (["--lr", "0.5"], "--lr: training needs a loss to follow"),
    (["--loss", "next-word", "--steps", "0"], "expected a whole number from 1 to 100000"),
    (["--loss", "next-word", "--steps", "100001"], "expected a whole number from 1 to 100000"),
    (["--loss", "last-word", "--lr", "-1"], "expected a positive finite number"),
    (["--loss", "last-word", "--lr", "nan"], "expected a positive finite number"),
  ])
  func badTrainingOptionsAreUsageErrors(arguments: [String], message: String) throws {
    let result = try RNNTraceBinary.run(["play"] + arguments)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  /// In a pipe, the walkthrough ends with the rounds as `train` prints them.
  @Test func inAPipeTheRoundsFollowTheWalkthrough() throws {
    let result = try RNNTraceBinary.run(["play", "--loss", "next-word", "--steps", "3"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("dL/dembedding.weight[0] = dL/de_1"))
    let train = try RNNTraceBinary.run(["train", "--steps", "3"])
    let rounds = try #require(train.stdout.range(of: " round  loss"))
    #expect(result.stdout.contains(train.stdout[rounds.lowerBound...]))
    // Without --steps the walkthrough is as before: no table.
    let plain = try RNNTraceBinary.run(["play", "--loss", "next-word"])
    #expect(!plain.stdout.contains(" round  loss"))
  }

  /// A round the player would hold whole past its budget is refused in one line that
  /// says how many words fit, before anything is computed or drawn.
  @Test func aRoundTooBigToHoldIsRefused() throws {
    // 300 distinct words, (8, 16): each word's head gradient alone is 300×16 numbers.
    let sentence = (0..<2000).map { "w\($0 % 300)" }.joined(separator: " ")
    let result = try RNNTraceBinary.run(
      ["play", "--loss", "next-word", "--inputs", "8", "--hidden", "16", "--sentence", sentence])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(result.stderr.contains("play at most 645 words, or use export --loss"))
    #expect(result.stdout.isEmpty)
    // As many words as it names play.
    let fits = (0..<645).map { "w\($0 % 300)" }.joined(separator: " ")
    let played = try RNNTraceBinary.run(
      ["play", "--loss", "next-word", "--inputs", "8", "--hidden", "16", "--sentence", fits])
    #expect(played.status == 0, "\(played.stderr)")
  }
}
