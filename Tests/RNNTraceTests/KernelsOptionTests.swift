import Foundation
import Model
import Testing

/// `--kernels` as a user meets it: which numbers a model computes, what a log records,
/// and that verify and replay follow the log, whatever this machine.
@Suite struct KernelsOptionTests {
  /// A configuration where the two families' hidden states differ (a `linear` model of
  /// 16 or more hidden units sums its products in another order on Intel).
  static let model = [
    "--variant", "linear", "--seed", "5", "--inputs", "3", "--hidden", "16", "--sentence",
    "the dog the cat",
  ]

  static func export(_ kernels: String, _ extra: [String] = []) throws -> CommandResult {
    try RNNTraceBinary.run(["export"] + model + extra + ["--kernels", kernels])
  }

  @Test func intelLogNamesItsKernelsAndVerifiesEverywhere() throws {
    let intel = try Self.export("intel-avx512")
    #expect(intel.status == 0, "\(intel.stderr)")
    let header = try #require(intel.stdout.split(separator: "\n").first)
    #expect(header.contains("\"hidden\":16,\"kernels\":\"intel-avx512\","))
    // The log's own kernels are used, whatever this machine's are.
    let verify = try RNNTraceBinary.run(["verify", "-"], input: intel.stdoutBytes)
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("(linear, intel-avx512 kernels)"))
    // Recomputed with the other family, the same log departs.
    let forced = try RNNTraceBinary.run(
      ["verify", "--kernels", "amd", "-"], input: intel.stdoutBytes)
    #expect(forced.status == 1)
    #expect(forced.stderr.contains("step"))
  }

  @Test func amdLogsKeepTheirFormAndReadAsAMD() throws {
    let amd = try Self.export("amd")
    #expect(amd.status == 0, "\(amd.stderr)")
    #expect(!amd.stdout.contains("\"kernels\""))
    let intel = try Self.export("intel-avx512")
    #expect(amd.stdout != intel.stdout)
    let verify = try RNNTraceBinary.run(["verify", "-"], input: amd.stdoutBytes)
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(!verify.stdout.contains("kernels"))
    let forced = try RNNTraceBinary.run(
      ["verify", "--kernels", "intel-avx512", "-"], input: amd.stdoutBytes)
    #expect(forced.status == 1)
  }

  @Test func autoIsThisProcessorsFamily() throws {
    let auto = try RNNTraceBinary.run(["export"] + Self.model)
    let detected = try Self.export(KernelFamily.detected.rawValue)
    #expect(auto.status == 0)
    #expect(auto.stdout == detected.stdout)
    #expect(try Self.export("auto").stdout == auto.stdout)
  }

  @Test func printAndReplayNameFamiliesThatAreNotThisProcessors() throws {
    let other: KernelFamily = KernelFamily.detected == .amd ? .intelAVX512 : .amd
    let printed = try RNNTraceBinary.run(["print"] + Self.model + ["--kernels", other.rawValue])
    #expect(printed.status == 0, "\(printed.stderr)")
    let title = try #require(printed.stdout.split(separator: "\n").first)
    #expect(title.hasSuffix("hidden 16, \(other.rawValue) kernels"))
    let own = try RNNTraceBinary.run(["print"] + Self.model)
    #expect(!(own.stdout.split(separator: "\n").first ?? "").contains("kernels"))
    let log = try Self.export(other.rawValue)
    let replayed = try RNNTraceBinary.run(["replay", "-"], input: log.stdoutBytes)
    #expect(replayed.status == 0, "\(replayed.stderr)")
    #expect(replayed.stdout.hasPrefix("Recorded trace standard input: ad-hoc model, linear"))
    let replayTitle = try #require(replayed.stdout.split(separator: "\n").first)
    #expect(replayTitle.hasSuffix(", \(other.rawValue) kernels"))
    // Everything after the title is what print shows for the same kernels.
    #expect(
      replayed.stdout.split(separator: "\n").dropFirst()
        == printed.stdout.split(separator: "\n").dropFirst())
  }

  @Test func theLessonFollowsTheKernelsToo() throws {
    let amd = try RNNTraceBinary.run(["print", "--chapter", "4", "--kernels", "amd"])
    let intel = try RNNTraceBinary.run(["print", "--chapter", "4", "--kernels", "intel-avx512"])
    #expect(amd.status == 0 && intel.status == 0)
    #expect(intel.stdout.contains("intel-avx512 kernels") == (KernelFamily.detected == .amd))
    let log = try RNNTraceBinary.run(["export", "--chapter", "4", "--kernels", "intel-avx512"])
    #expect(log.stdout.contains("\"kernels\":\"intel-avx512\""))
    #expect(try RNNTraceBinary.run(["verify", "-"], input: log.stdoutBytes).status == 0)
  }

  @Test func badValuesAreRefused() throws {
    let bad = try RNNTraceBinary.run(["print"] + Self.model + ["--kernels", "arm"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--kernels"))
    #expect(bad.stderr.contains("intel-avx512"))
    // A header naming kernels this rnntrace does not know is not a readable log.
    let log = try Self.export("intel-avx512")
    let edited = log.stdout.replacingOccurrences(
      of: "\"kernels\":\"intel-avx512\"", with: "\"kernels\":\"arm-neon\"")
    let verify = try RNNTraceBinary.run(["verify", "-"], input: Data(edited.utf8))
    #expect(verify.status == 65)
    #expect(verify.stderr.contains("kernels \"arm-neon\" is not one of amd, intel-avx512"))
  }

  @Test(arguments: ["print", "export", "play", "verify", "replay", "record"])
  func helpListsTheOption(_ command: String) throws {
    let help = try RNNTraceBinary.run([command, "--help"])
    #expect(help.stdout.contains("--kernels"))
  }
}
