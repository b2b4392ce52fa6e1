import Foundation
import Testing

@testable import Model
@testable import TraceLog

/// Small models of each variant built from literal tensors, and helpers to run a
/// log through the reader, for the log tests.
enum LogTestModels {
  static let words = ["the", "dog", "the", "cat"]

  static func model(_ variant: Variant) -> RNNModel {
    let vocabulary = ["the", "dog", "cat"]
    let embedding = Tensor(
      shape: [3, 3], scalars: [0.5, -1.25, 0.75, 1e-5, -0.70564395, 2, -0.0, 0.1, -3])
    let h0 = Tensor(shape: [1, 2], scalars: [0.25, -0.5])
    let parameters: [Variant: [Tensor]] = [
      .linear: [
        Tensor(shape: [2, 2], scalars: [0.9, -0.3, 0.2, 1.1]),
        Tensor(shape: [3, 2], scalars: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6]),
      ],
      .rawTanh: [
        Tensor(shape: [3, 2], scalars: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6]),
        Tensor(shape: [2, 2], scalars: [0.9, -0.3, 0.2, 1.1]),
      ],
      .linearTanh: [
        Tensor(shape: [2, 3], scalars: [0.1, -0.2, 0.3, 0.4, 0.5, -0.6]),
        Tensor(shape: [2], scalars: [0.01, -0.02]),
        Tensor(shape: [2, 2], scalars: [0.7, -0.8, 0.9, 1.0]),
        Tensor(shape: [2], scalars: [0.03, 0.04]),
      ],
      // nn.RNN's order: weight_ih, weight_hh, bias_ih, bias_hh.
      .torchRNN: [
        Tensor(shape: [2, 3], scalars: [0.1, -0.2, 0.3, 0.4, 0.5, -0.6]),
        Tensor(shape: [2, 2], scalars: [0.7, -0.8, 0.9, 1.0]),
        Tensor(shape: [2], scalars: [0.01, -0.02]),
        Tensor(shape: [2], scalars: [0.03, 0.04]),
      ],
    ]
    let cell = variant.makeCell(parameters: parameters[variant]!)
    return RNNModel(vocabulary: vocabulary, embedding: embedding, h0: h0, cell: cell)
  }

  static func trace(_ variant: Variant, words: [String] = words) -> Trace {
    model(variant).trace(words)
  }

  static func jsonl(_ variant: Variant, words: [String] = words) -> [UInt8] {
    var encoder = JSONLinesEncoder()
    return encoder.encode(trace(variant, words: words), seed: 3, source: "test")
  }

  /// A fixture file's bytes.
  static func fixture(_ name: String, in directory: String) throws -> [UInt8] {
    let url = try #require(
      Bundle.module.url(
        forResource: name, withExtension: nil, subdirectory: "Fixtures/\(directory)"))
    return [UInt8](try Data(contentsOf: url))
  }

  static func fixtureNames(in directory: String) throws -> [String] {
    let url = try #require(
      Bundle.module.url(forResource: directory, withExtension: nil, subdirectory: "Fixtures"))
    return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }

  /// Reads and verifies a whole log, returning the first problem as text (nil when
  /// the log is good). Any error other than the reader's own is a bug. The same log
  /// indexed for replay (`LogTrace`) must say the same when verified, and give the same
  /// events; unverified, it must give an error of the reader or every event.
  static func problem(_ bytes: [UInt8], chunkSize: Int = 1 << 16, verify: Bool = true)
    -> String?
  {
    var whole: Trace?
    let problem = described {
      let loaded = try TraceLogLoader.load(
        ByteArraySource(bytes, chunkSize: chunkSize), verify: verify)
      // What every view does with an event must hold for a loaded log, verified or not.
      for event in loaded.trace.events {
        _ = event.shapeSummary
        _ = event.narration()
      }
      _ = loaded.trace.hiddenStates
      whole = loaded.trace
    }
    var indexed: Trace?
    let indexedProblem = described {
      let trace = try LogTrace(
        indexing: ByteArraySource(bytes, chunkSize: chunkSize), reading: ByteArraySource(bytes),
        verify: verify)
      for event in trace.events {
        _ = event.shapeSummary
        _ = event.narration()
      }
      for t in 0...trace.index.forwardWordCount { _ = trace.hiddenState(t) }
      indexed = trace.whole()
    }
    if verify {
      #expect(indexedProblem == problem)
      if let whole, let indexed { #expect(indexed.events == whole.events) }
    } else if let indexedProblem {
      #expect(indexedProblem.hasPrefix("line "), "\(indexedProblem)")
    }
    return problem
  }

  private static func described(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let error as TraceLogError {
      return error.description
    } catch let difference as TraceDifference {
      return difference.description
    } catch {
      Issue.record("unexpected error type \(type(of: error)): \(error)")
      return "\(error)"
    }
  }
}
