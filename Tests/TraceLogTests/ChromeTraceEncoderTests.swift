import Foundation
import TestSupport
import Testing

@testable import Model
@testable import TraceLog

/// The Chrome trace is one JSON object whose `traceEvents` Perfetto can lay out: an
/// operation slice per event, a word slice over each word's operations, a counter
/// per hidden neuron, and named tracks.
@Suite struct ChromeTraceEncoderTests {
  static func events(_ trace: Trace) throws -> (root: [String: Any], events: [[String: Any]]) {
    var encoder = ChromeTraceEncoder()
    let bytes = encoder.encode(trace, seed: 3, source: "test")
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    let events = try #require(root["traceEvents"] as? [[String: Any]])
    return (root, events)
  }

  @Test(arguments: Variant.allCases)
  func everyEventCarriesTheRequiredKeys(variant: Variant) throws {
    let (_, events) = try Self.events(LogTestModels.trace(variant))
    #expect(!events.isEmpty)
    for event in events {
      #expect(event["name"] is String, "\(event)")
      #expect(event["ph"] is String, "\(event)")
      #expect(event["ts"] is NSNumber, "\(event)")
      #expect(event["pid"] is NSNumber, "\(event)")
      #expect(event["tid"] is NSNumber, "\(event)")
      if event["ph"] as? String == "X" { #expect(event["dur"] is NSNumber, "\(event)") }
    }
  }

  @Test func oneSlicePerOperationOneMillisecondEach() throws {
    let trace = LogTestModels.trace(.linearTanh)
    let (root, events) = try Self.events(trace)
    #expect(root["displayTimeUnit"] as? String == "ms")
    let operations = events.filter { $0["cat"] as? String == "operation" }
    #expect(operations.count == trace.events.count)
    for (slice, event) in zip(operations, trace.events) {
      #expect(slice["ph"] as? String == "X")
      #expect(slice["name"] as? String == event.operation.rawValue)
      #expect(slice["ts"] as? Int == (event.step - 1) * 1000)
      #expect(slice["dur"] as? Int == 1000)
      let args = try #require(slice["args"] as? [String: Any])
      #expect(args["formula"] as? String == event.formula)
      #expect(args["shape"] as? [Int] == Array(event.result.value.shape))
      let values = try #require(args["values"] as? [NSNumber]).map { Float($0.doubleValue) }
      #expect(values.map(\.bitPattern) == bits(event.result.value))
      let operands = try #require(args["operands"] as? [[String: Any]])
      #expect(operands.map { $0["name"] as? String } == event.operands.map(\.name))
    }
  }

  @Test func wordSlicesSpanTheirOperations() throws {
    let trace = LogTestModels.trace(.rawTanh)
    let (_, events) = try Self.events(trace)
    let words = events.filter { $0["cat"] as? String == "word" }
    #expect(words.count == LogTestModels.words.count)
    for (t, slice) in words.enumerated() {
      let steps = trace.events.filter { $0.t == t + 1 }
      #expect(slice["name"] as? String == "t=\(t + 1) \(LogTestModels.words[t])")
      #expect(slice["ts"] as? Int == (steps.first!.step - 1) * 1000)
      #expect(slice["dur"] as? Int == steps.count * 1000)
      #expect(
        slice["tid"] as? Int != events.first { $0["cat"] as? String == "operation" }?["tid"] as? Int
      )
    }
  }

  @Test func aCounterPerHiddenNeuronAtEachHiddenState() throws {
    let trace = LogTestModels.trace(.linear)
    let (_, events) = try Self.events(trace)
    let counters = events.filter { $0["ph"] as? String == "C" }
    let states = trace.events.filter { $0.operation == .hiddenState }
    #expect(counters.count == states.count * 2)
    for j in 0..<2 {
      let track = counters.filter { $0["name"] as? String == "h[\(j)]" }
      let values = track.map {
        Float((($0["args"] as! [String: Any])["value"] as! NSNumber).doubleValue)
      }
      #expect(values.map(\.bitPattern) == states.map { $0.result.value.scalars[j].bitPattern })
      #expect(track.map { $0["ts"] as? Int } == states.map { ($0.step - 1) * 1000 })
    }
  }

  @Test func metadataNamesTheProcessAndTracks() throws {
    let (_, events) = try Self.events(LogTestModels.trace(.linear))
    let metadata = events.filter { $0["ph"] as? String == "M" }
    let names = metadata.compactMap { event -> String? in
      guard let args = event["args"] as? [String: Any], let name = args["name"] as? String else {
        return nil
      }
      return "\(event["name"]!)=\(name)"
    }
    #expect(names.contains("process_name=rnntrace: test"))
    #expect(names.contains("thread_name=words"))
    #expect(names.contains("thread_name=operations"))
  }
}
