import Model

/// Where the backward pass writes what the "unrolled through time" context shows: the
/// event gathering dL/dh_t and the one making dL/dz_t, by t, and each parameter's
/// running sums in order. Found once per chapter, so that a frame reads only the events
/// it shows.
struct BackwardTimeline: Sendable {
  /// The backward `hidden_state` event of each t: dL/dh_t is its result.
  let hiddenGradient: [Int: Int]
  /// The backward tanh event of each t: dL/dz_t is its result, h_t its second operand.
  let tanhGradient: [Int: Int]
  /// One parameter's gradient (or an embedding row's), summed over time.
  struct Sum: Sendable {
    /// The running sum's name, `dL/dWh.weight`.
    let name: String
    /// The events adding a term to it, in order (from the last word back).
    let events: [Int]
    /// The rows and columns of the sum.
    let rows: Int
    let columns: Int
  }
  /// Every running sum, in the order the backward pass first reaches it.
  let sums: [Sum]

  var isEmpty: Bool { hiddenGradient.isEmpty && sums.isEmpty }

  static let empty = BackwardTimeline(hiddenGradient: [:], tanhGradient: [:], sums: [])

  init(hiddenGradient: [Int: Int], tanhGradient: [Int: Int], sums: [Sum]) {
    self.hiddenGradient = hiddenGradient
    self.tanhGradient = tanhGradient
    self.sums = sums
  }

  init(trace: Trace) {
    var hidden: [Int: Int] = [:]
    var tanh: [Int: Int] = [:]
    var order: [String] = []
    var found: [String: (events: [Int], rows: Int, columns: Int)] = [:]
    // The backward pass follows the forward one: skip to its first event.
    let events = trace.events
    var i = events.firstIndex { $0.pass == .backward } ?? events.endIndex
    while i < events.endIndex {
      defer { i += 1 }
      let event = events[i]
      guard event.pass == .backward else { continue }
      if event.operation == .hiddenState {
        hidden[event.t] = i
      } else if event.operation == .tanh || event.operation == .tanhInput,
        event.operandCount == 2
      {
        tanh[event.t] = i
      } else if LossStage.isAccumulation(event) {
        let name = event.result.name
        if found[name] == nil {
          order.append(name)
          let value = event.resultValue
          found[name] = ([], value.rows, value.columns)
        }
        found[name]!.events.append(i)
      }
    }
    hiddenGradient = hidden
    tanhGradient = tanh
    sums = order.map { name in
      let entry = found[name]!
      return Sum(name: name, events: entry.events, rows: entry.rows, columns: entry.columns)
    }
  }

  /// The last event of `sum` at or before `index`, where one is.
  func latest(_ sum: Sum, atOrBefore index: Int) -> Int? {
    var low = 0
    var high = sum.events.count
    while low < high {
      let mid = (low + high) / 2
      if sum.events[mid] <= index { low = mid + 1 } else { high = mid }
    }
    return low > 0 ? low - 1 : nil
  }
}
