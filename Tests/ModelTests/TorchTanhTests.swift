import Foundation
import TestSupport
import Testing

@testable import Model

/// `TorchTanh` against torch.tanh's own bits.
///
/// `Fixtures/torch-tanh/cases.txt` was written by `scripts/generate_tanh_fixture.py` under
/// PyTorch 2.13.0+cpu (AVX2 capability, MKL's vmsTanh on an AMD EPYC): 636 inputs chosen to
/// be hard (signed zeros, subnormals, infinities, NaNs, the edge where tanh reaches 1,
/// flipped inputs from every binade that has them, the ends of the longest run of flips
/// and the inputs just outside it, unflipped inputs nearest a midpoint, ordinary values)
/// with torch's outputs. The Swift code was also compared with torch on all 2^32 inputs
/// while it was written; that comparison needs PyTorch, so it is not part of the tests.
@Suite struct TorchTanhTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let input: UInt32
    let output: UInt32
    var testDescription: String {
      "tanh(0x\(String(input, radix: 16, uppercase: true)))"
    }
  }

  static func loadCases(named name: String = "cases") throws -> [Case] {
    let url = try #require(
      Bundle.module.url(
        forResource: name, withExtension: "txt", subdirectory: "Fixtures/torch-tanh"))
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: " ")
      try #require(fields.count == 2, "line \(line)")
      let input = try #require(UInt32(fields[0], radix: 16), "line \(line)")
      let output = try #require(UInt32(fields[1], radix: 16), "line \(line)")
      return Case(input: input, output: output)
    }
  }

  static let cases: [Case] = (try? loadCases()) ?? []

  @Test func fixtureLoads() throws {
    #expect(try Self.loadCases().count == 636)
  }

  /// NaNs included: torch keeps their sign and payload and sets the quiet bit.
  @Test func everyCaseIsBitExact() {
    for c in Self.cases {
      let got = TorchTanh.tanh(Float(bitPattern: c.input)).bitPattern
      #expect(got == c.output, "\(c.testDescription) = \(String(got, radix: 16))")
    }
  }

  /// The fixture holds inputs on both sides of the rule: some flipped to the farther
  /// neighbour, which the correctly rounded value alone would miss.
  @Test func fixtureExercisesTheFlips() {
    let flipped = Self.cases.filter { c in
      let x = Float(bitPattern: c.input)
      return x.isFinite && Float(Foundation.tanh(Double(x))).bitPattern != c.output
    }
    #expect(flipped.count >= 100)
    #expect(flipped.allSatisfy { TorchTanh.flips.contains($0.input & 0x7FFF_FFFF) })
  }

  /// A row vector of any length gives each element's own result, as MKL does.
  @Test func tensorTanhIsElementwise() {
    let inputs = Self.cases.map { Float(bitPattern: $0.input) }
    for length in [1, 7, 8, 9, 64, inputs.count] {
      let row = Tensor(shape: [1, length], scalars: Array(inputs.prefix(length)))
      #expect(bits(row.tanh()) == Self.cases.prefix(length).map(\.output))
    }
  }

  /// The generated table decodes to the count its generator reported.
  @Test func flipTableIsComplete() {
    #expect(TorchTanh.flips.starts.count == 36_805)
    #expect(TorchTanh.flips.count == 82_383)
  }

  /// The encoding's small cases: one run of one, one long run, a number of two digits.
  @Test func runsDecode() {
    // 10 = gap 5, single; 3, 2 = gap 1, long, length 4; "kD" = 100 = gap 50, single.
    let runs = BitPatternRuns(encoded: "KDC\nkD")
    #expect(runs.starts == [5, 7, 61])
    #expect(runs.ends == [5, 10, 61])
    let members = (0...70).filter(runs.contains)
    #expect(members == [5, 7, 8, 9, 10, 61])
  }

  /// Membership at every edge of every run of the real table: each run's first and last
  /// pattern are in it, the patterns just outside are in it only if a neighbouring run
  /// covers them.
  @Test func membershipAtEveryRunEdge() {
    let runs = TorchTanh.flips
    for i in runs.starts.indices {
      let (start, end) = (runs.starts[i], runs.ends[i])
      #expect(runs.contains(start) && runs.contains(end))
      let beforeIsCovered = i > 0 && runs.ends[i - 1] == start - 1
      #expect(runs.contains(start - 1) == beforeIsCovered, "\(start - 1)")
      let afterIsCovered = i + 1 < runs.starts.count && runs.starts[i + 1] == end + 1
      #expect(runs.contains(end + 1) == afterIsCovered, "\(end + 1)")
    }
  }

  /// Membership where the lookup's buckets meet (every 65,536th pattern and its
  /// neighbours), against a plain search of the runs: a run may start in one bucket and
  /// end in a later one.
  @Test func membershipAtEveryBucketEdge() {
    let runs = TorchTanh.flips
    func reference(_ bits: UInt32) -> Bool {
      // The number of runs starting at or before `bits`, by halving.
      var (low, high) = (0, runs.starts.count)
      while low < high {
        let middle = (low + high) / 2
        if runs.starts[middle] <= bits { low = middle + 1 } else { high = middle }
      }
      return low > 0 && bits <= runs.ends[low - 1]
    }
    var spanning = 0
    for i in runs.starts.indices where runs.starts[i] >> 16 != runs.ends[i] >> 16 {
      spanning += 1
      let middle = runs.starts[i] / 2 + runs.ends[i] / 2
      #expect(runs.contains(middle) && runs.contains(runs.ends[i] & 0xFFFF_0000))
    }
    #expect(spanning > 0, "the table has runs across a bucket's edge")
    for bucket in stride(from: UInt32(0), through: 0x7F80, by: 1) where bucket % 7 == 0 {
      for bits in [bucket << 16, (bucket << 16) &- 1, (bucket << 16) + 1] {
        #expect(runs.contains(bits) == reference(bits), "\(bits)")
      }
    }
  }
}
