import Foundation
import TestSupport
import Testing

@testable import Model

/// `Tensor.matmulTransposed` (MKL's matrix-vector order) against PyTorch's own bits.
///
/// `Fixtures/torch-linear/cases.jsonl` was written by `scripts/generate_linear_fixture.py`
/// under PyTorch 2.13.0+cpu (AVX2 capability, MKL, AMD EPYC): `nn.Linear(k, n)` applied
/// to a 1×k input starting `offset` elements into its storage, for shapes that reach each
/// of the kernel's paths (groups of four rows with every head length, each leftover row,
/// every input alignment).
@Suite struct MKLGemvTests {
  struct Case: Decodable, Sendable, CustomTestStringConvertible {
    let k: Int
    let n: Int
    let offset: Int
    let x: [String]
    let weight: [String]
    let bias: [String]
    let output: [String]

    var testDescription: String { "k \(k) n \(n) offset \(offset)" }

    static func floats(_ hex: [String]) -> [Float] {
      hex.map { Float(bitPattern: UInt32($0, radix: 16) ?? 0x7FC0_0000) }
    }
  }

  static func loadCases() throws -> [Case] {
    let url = try #require(
      Bundle.module.url(
        forResource: "cases", withExtension: "jsonl", subdirectory: "Fixtures/torch-linear"))
    let text = try String(contentsOf: url, encoding: .utf8)
    return try text.split(separator: "\n").map {
      try JSONDecoder().decode(Case.self, from: Data($0.utf8))
    }
  }

  static let cases: [Case] = (try? loadCases()) ?? []

  @Test func fixtureLoads() throws {
    #expect(try Self.loadCases().count == 13)
  }

  /// `nn.Linear` is `x·Wᵀ` summed by MKL, then `+ b`, bit for bit.
  @Test(arguments: cases)
  func linearIsBitExact(_ c: Case) {
    var x = Tensor(shape: [1, c.k], scalars: Case.floats(c.x))
    x.storageOffset = c.offset
    let weight = Tensor(shape: [c.n, c.k], scalars: Case.floats(c.weight))
    let bias = Tensor(shape: [c.n], scalars: Case.floats(c.bias))
    let y = x.matmulTransposed(weight) + bias
    #expect(bits(y) == c.output.map { UInt32($0, radix: 16) ?? 0 })
  }

  /// The order depends on the input's alignment, so a misplaced offset shows: at least one
  /// case with a leftover row and an unaligned input comes out different without it.
  @Test func alignmentMatters() {
    let differing = Self.cases.filter { c in
      c.offset % 4 != 0 && c.n % 4 != 0
    }.filter { c in
      let weight = Tensor(shape: [c.n, c.k], scalars: Case.floats(c.weight))
      var x = Tensor(shape: [1, c.k], scalars: Case.floats(c.x))
      let aligned = x.matmulTransposed(weight)
      x.storageOffset = c.offset
      return aligned.scalars.map(\.bitPattern)
        != x.matmulTransposed(weight).scalars.map(\.bitPattern)
    }
    #expect(!differing.isEmpty)
  }

  /// A row of a matrix remembers where it starts, as PyTorch's view does; equality ignores it.
  @Test func rowKeepsItsStorageOffset() {
    let table = Tensor(shape: [3, 5], scalars: (0..<15).map(Float.init))
    #expect(table.row(2).storageOffset == 10)
    #expect(table.row(2) == Tensor(shape: [1, 5], scalars: [10, 11, 12, 13, 14]))
  }
}
