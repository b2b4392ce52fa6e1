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
}
