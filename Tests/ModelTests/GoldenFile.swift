import Foundation
import Model
import Testing

/// A golden file of `Fixtures/torch-rng`: cases recorded from real PyTorch.
struct GoldenFile: Decodable, Sendable {
  struct Stats: Decodable, Sendable {
    let cases: Int
    let elements: Int
  }

  let set: String
  let stats: Stats
  let cases: [GoldenCase]

  /// Reads `Fixtures/torch-rng/<name>.json` from the test bundle.
  static func load(_ name: String) throws -> GoldenFile {
    let url = try #require(
      Bundle.module.url(
        forResource: name, withExtension: "json", subdirectory: "Fixtures/torch-rng"))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(GoldenFile.self, from: Data(contentsOf: url))
  }

  static let names = ["public_randn", "public_init"]

  /// Every case of both files; empty if a file cannot be read, which
  /// `GoldenReplayTests.filesDecode` reports.
  static let allCases: [GoldenCase] = names.flatMap { (try? load($0))?.cases ?? [] }
}

/// One case: `manual_seed(seed)`, then the calls in order.
struct GoldenCase: Decodable, Sendable, CustomTestStringConvertible {
  let id: String
  let seed: UInt64
  let calls: [GoldenCall]

  var testDescription: String { "\(id) (seed \(seed))" }

  private enum CodingKeys: String, CodingKey { case id, seed, calls }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    calls = try container.decode([GoldenCall].self, forKey: .calls)
    // PyTorch takes a negative Python seed modulo 2^64.
    if let seed = try? container.decode(UInt64.self, forKey: .seed) {
      self.seed = seed
    } else {
      seed = UInt64(bitPattern: try container.decode(Int64.self, forKey: .seed))
    }
  }
}

/// One call of a case, with what PyTorch returned: a tensor (`result`) for `randn`,
/// `normal_` and `uniform_`, named parameters (`params`) for an `nn` module.
struct GoldenCall: Decodable, Sendable {
  struct StateAfter: Decodable, Sendable {
    let wordsDrawn: UInt64
    let cachedNormalPending: Bool
  }

  let op: String
  let shape: [Int]?
  let mean: Double?
  let std: Double?
  let a: Double?
  let b: Double?
  let inFeatures: Int?
  let outFeatures: Int?
  let bias: Bool?
  let inputSize: Int?
  let hiddenSize: Int?
  let numLayers: Int?
  let bidirectional: Bool?
  let numEmbeddings: Int?
  let embeddingDim: Int?
  let paddingIdx: Int?
  let result: GoldenTensor?
  let params: [GoldenTensor]?
  let stateAfter: StateAfter?

  /// The tensors PyTorch returned, in order.
  var tensors: [GoldenTensor] { result.map { [$0] } ?? params ?? [] }
}

/// A recorded tensor: its name, shape and exact bits on each kernel.
struct GoldenTensor: Decodable, Sendable {
  let name: String
  let shape: [Int]
  let values: [Double]
  let bits: [String]
  /// Present only where the generic kernels give other bits than `bits`.
  let bitsGeneric: [String]?

  /// The expected bit patterns on `kernel`.
  func expectedBits(_ kernel: TorchGenerator.Kernel) -> [UInt32] {
    let hex = kernel == .generic ? (bitsGeneric ?? bits) : bits
    return hex.map { UInt32($0, radix: 16) ?? 0xFFFF_FFFF }
  }
}
