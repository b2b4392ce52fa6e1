import Model

/// `train`'s output: a table with a loss curve, or JSON Lines.
struct TrainingOutput {
  let result: TrainingRun
  var learningRate: Double { result.learningRate }
  let title: String
  /// Where the loss, lr and rounds came from when a lesson's chapter set them.
  var origin: String? = nil

  // MARK: JSON Lines

  /// One `{"type":"step",…}` line per round, then one `{"type":"result",…}` line; a
  /// value that is not finite is written `null`.
  func jsonLines() -> String {
    var out = ""
    for (k, loss) in result.losses.enumerated() {
      out += "{\"type\":\"step\",\"step\":\(k + 1),\"loss\":\(Self.number(loss))}\n"
    }
    out += "{\"type\":\"result\",\"gradients\":"
    out += Self.tensors(result.first.gradients)
    out += ",\"hidden_gradients\":["
    out += result.first.hiddenGradients.map { Self.array($0.scalars) }.joined(separator: ",")
    out += "],\"parameters_after\":"
    out += Self.tensors(result.learner.parameters)
    out += ",\"loss_after\":\(Self.number(result.lossAfter))}\n"
    return out
  }

  static func number(_ value: Float) -> String {
    value.isFinite ? value.description : "null"
  }

  static func array(_ values: [Float]) -> String {
    "[" + values.map(number).joined(separator: ",") + "]"
  }

  static func tensors(_ named: [NamedTensor]) -> String {
    let members = named.map { tensor in
      let shape = tensor.value.shape.map(String.init).joined(separator: ",")
      return
        "\"\(tensor.name)\":{\"shape\":[\(shape)],\"values\":\(array(tensor.value.scalars))}"
    }
    return "{" + members.joined(separator: ",") + "}"
  }

  // MARK: the table

  /// The header, the loss of every round, the loss after the last update and the curve.
  func table() -> String {
    let learner = result.learner
    let positions = result.first.positions
    let counted =
      learner.loss == .nextWord
      ? "the mean cross-entropy of \(positions.count) predictions"
      : "the cross-entropy of word \(positions.upperBound + 1) from h_\(positions.upperBound) only"
    var out = "Training \(title)\n"
    out += "Loss \(learner.loss.rawValue): \(counted); plain SGD, lr \(learningRate)\n"
    if let origin { out += origin + "\n" }
    out += "\n"
    out += " round  loss\n"
    var reported = false
    for (k, loss) in result.losses.enumerated() {
      out += Self.pad(String(k + 1), 6) + "  " + Self.format(loss)
      if !loss.isFinite && !reported {
        reported = true
        out += "   <- the loss is \(loss.isNaN ? "NaN" : "infinite") from here: lr too large?"
      }
      out += "\n"
    }
    out += " after  " + Self.format(result.lossAfter) + "\n"
    out += curve()
    return out
  }

  /// A one-line curve of the losses, at most 60 columns (each the mean of its rounds),
  /// scaled from the lowest column to the highest; `!` where a round's loss is not finite.
  func curve() -> String {
    let losses = result.losses
    guard losses.count > 1 else { return "" }
    let width = min(60, losses.count)
    let columns: [Float?] = (0..<width).map { column in
      let start = column * losses.count / width
      let end = max(start + 1, (column + 1) * losses.count / width)
      let slice = losses[start..<end]
      guard slice.allSatisfy(\.isFinite) else { return nil }
      return slice.reduce(Float(0), +) / Float(slice.count)
    }
    let finite = columns.compactMap { $0 }.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return "" }
    let levels = Array("▁▂▃▄▅▆▇█")
    var line = ""
    for mean in columns {
      guard let mean, mean.isFinite else {
        line.append("!")
        continue
      }
      let level = high > low ? Int(((mean - low) / (high - low)) * Float(levels.count - 1)) : 0
      line.append(levels[max(0, min(levels.count - 1, level))])
    }
    let note = losses.count > width ? "  (each column the mean of its rounds)\n" : ""
    return
      "\nLoss curve, rounds 1 to \(losses.count) (▁ \(Self.format(low)) … █ \(Self.format(high))):\n  \(line)\n\(note)"
  }

  static func format(_ value: Float) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
    return ValueFormat(precision: 6).string(value)
  }

  static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
