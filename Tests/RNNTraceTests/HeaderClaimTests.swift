import Foundation
import Testing

/// `verify` and `replay` check what a log's header claims about its parameters, not
/// only that its events follow from them.
@Suite struct HeaderClaimTests {
  /// Exports a log with `arguments`, then rewrites its header line with `edit`.
  func log(_ arguments: [String], in scratch: borrowing ScratchDirectory, edit: (String) -> String)
    throws -> String
  {
    let path = scratch.path("trace.jsonl")
    let exported = try RNNTraceBinary.run(["export", "-o", path] + arguments)
    #expect(exported.status == 0, "\(exported.stderr)")
    var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    let edited = edit(lines[0])
    lines[0] = edited
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func aSeedThatDidNotDrawTheParametersFails() throws {
    let scratch = try ScratchDirectory()
    let path = try log([], in: scratch) {
      $0.replacingOccurrences(of: "\"seed\":0", with: "\"seed\":1")
    }
    let verified = try RNNTraceBinary.run(["verify", path])
    #expect(verified.status == 1)
    #expect(verified.stderr.contains("the header says seed 1"), "\(verified.stderr)")
    #expect(verified.stderr.contains("not that seed's draws: embedding.weight[0]"))
    #expect(verified.stdout.isEmpty)

    let replayed = try RNNTraceBinary.run(["replay", path])
    #expect(replayed.status == 1)
    #expect(replayed.stderr.contains("the header says seed 1"))
    // Shown anyway, the claim is a warning and not the title's.
    let shown = try RNNTraceBinary.run(["replay", "--no-verify", path])
    #expect(shown.status == 0)
    #expect(shown.stderr.contains("the header says seed 1"))
    let title = try #require(shown.stdout.split(separator: "\n").first { $0.hasPrefix("Recorded") })
    #expect(!title.contains("seed"), "\(title)")
  }

  @Test func aTrueSeedVerifiesWithEitherKernel() throws {
    let scratch = try ScratchDirectory()
    for kernel in ["avx2", "generic"] {
      let path = try log(["--seed", "5", "--rng-kernel", kernel], in: scratch) { $0 }
      let verified = try RNNTraceBinary.run(["verify", path])
      #expect(verified.status == 0, "\(kernel): \(verified.stderr)")
    }
  }

  @Test func aBundledChapterMustHaveItsRecipesParameters() throws {
    let scratch = try ScratchDirectory()
    // w_h of chapter 2 is one value; any other breaks the claim, not the events' check
    // alone (the events would differ too, further on).
    let path = try log(["--chapter", "2"], in: scratch) { header in
      header.replacing(
        #/"w_h":\{"shape":\[1,1\],"values":\[[^\]]*\]/#,
        with: #""w_h":{"shape":[1,1],"values":[0.5]"#)
    }
    let verified = try RNNTraceBinary.run(["verify", path])
    #expect(verified.status == 1)
    #expect(
      verified.stderr.contains("chapter 2: A sentence, word after word"), "\(verified.stderr)")
    #expect(verified.stderr.contains("not that chapter's recipe: w_h[0] is 0.5"))
  }

  /// A header with no seed and no bundled chapter's title claims nothing: it
  /// verifies on its parameters alone.
  @Test func aHeaderWithoutAClaimVerifiesOnItsParameters() throws {
    let scratch = try ScratchDirectory()
    let path = try log(["--chapter", "2"], in: scratch) {
      $0.replacing(
        #/"source":"[^"]*"/#, with: #""source":"my lesson — chapter 1: mine""#)
    }
    let verified = try RNNTraceBinary.run(["verify", path])
    #expect(verified.status == 0, "\(verified.stderr)")
  }
}
