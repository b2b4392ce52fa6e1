import Foundation
import Testing

@testable import Model
@testable import TraceLog

/// The reader and the verifier, fed mangled logs: each must come back with a log
/// error or a difference (or accept it), never crash, hang or throw anything else.
/// The mutations are generated from a fixed seed, so a failure reproduces. Inputs
/// that break the reader (scripts/fuzz-log-reader.sh writes libFuzzer's crashes
/// there) are kept in Fixtures/fuzz-corpus and replayed; files named `seed-*` there
/// are hand-made edge cases.
@Suite struct TraceLogFuzzTests {
  /// SplitMix64: a small, seeded generator for reproducible mutations.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let interesting: [[UInt8]] =
    [
      "{", "}", "[", "]", "\"", "\\", ",", ":", "null", "NaN", "-", "1e39", "\\u", "\\ud800", "\n",
      "\"type\":\"header\"", "0", "9999999999999999999999", "[[[[[[", "\u{FFFF}", "é",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00], [0xED, 0xA0, 0x80]]

  static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
      switch Int.random(in: 0..<7, using: &rng) {
      case 0 where !bytes.isEmpty:
        bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
      case 1 where !bytes.isEmpty:
        bytes.remove(at: position)
      case 2:
        bytes.insert(contentsOf: interesting.randomElement(using: &rng)!, at: position)
      case 3:
        bytes = Array(bytes.prefix(position))
      case 4 where !bytes.isEmpty:
        let end = min(bytes.count, position + Int.random(in: 1...200, using: &rng))
        bytes.insert(
          contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &rng))
      case 5 where !bytes.isEmpty:
        let end = min(bytes.count, position + Int.random(in: 1...50, using: &rng))
        bytes.removeSubrange(position..<end)
      default:
        if !bytes.isEmpty {
          bytes[position] = UInt8.random(in: 0...255, using: &rng)
        }
      }
    }
    return bytes
  }

  @Test func fuzzCorpusIsReadWithoutACrash() throws {
    for name in try LogTestModels.fixtureNames(in: "fuzz-corpus") {
      let bytes = try LogTestModels.fixture(name, in: "fuzz-corpus")
      _ = LogTestModels.problem(bytes)
      _ = LogTestModels.problem(bytes, chunkSize: 5, verify: false)
    }
  }

  @Test(arguments: [Variant.linear, .rawTanh, .linearTanh])
  func mangledLogsGetAnErrorNotACrash(variant: Variant) throws {
    let seeds = [
      try LogTestModels.fixture("lesson-linear.jsonl", in: "logs"),
      LogTestModels.jsonl(variant),
    ]
    var rng = SplitMix64(state: 0x5EED_0000 + UInt64(variant.rawValue.count))
    var errors = 0
    for round in 0..<1500 {
      let input = Self.mutate(seeds[round % 2], &rng)
      if let problem = LogTestModels.problem(input, chunkSize: [7, 1 << 16][round % 2]) {
        #expect(problem.hasPrefix("line "), "\(problem)")
        errors += 1
      }
    }
    // Nearly every mutation breaks something; a reader that accepted them all
    // would not be reading.
    #expect(errors > 1000)
  }
}
