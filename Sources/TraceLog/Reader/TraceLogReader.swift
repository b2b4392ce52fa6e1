import Model

/// The documented limits of the log reader (`docs/trace-format.md`), which keep a
/// hostile or broken file from costing unbounded memory or time.
public enum TraceLogLimits {
  /// The longest header line, `\n` excluded: 1 GiB. It holds every parameter (at most
  /// 16,777,216 values of at most 16 bytes: 256 MiB) and every word of the sentence, so
  /// that any log `export` writes reads back.
  public static let maxHeaderBytes = 1 << 30
  /// The longest event line: 64 MiB, far more than the largest model's event (two
  /// operands' shapes and 4,096 values written twice, about 130 KB).
  public static let maxLineBytes = 64 << 20
  /// The most dimensions a shape has (the model's tensors are vectors and matrices).
  public static let maxRank = 2
}

/// Reads a JSON Lines trace log (`docs/trace-format.md`) a line at a time: the
/// header, then one event per call, each checked for what the format promises on its
/// own (valid JSON and UTF-8, known keys and operations, shapes that agree with their
/// values, steps in order). Whether the events are what the header's model computes
/// is `TraceVerifier`'s question.
///
/// Errors are `TraceLogError`s naming the line; errors of the byte source pass
/// through unchanged.
public struct TraceLogReader<Source: ByteSource> {
  private var lines: LineReader<Source>
  private let maxHeaderBytes: Int
  private let maxLineBytes: Int
  private var lastStep = 0
  private var lastT = 0
  /// The last time step of the forward pass, once the loss or the backward pass began.
  private var forwardEnd: Int?
  private var headerRead = false

  public init(
    _ source: Source, maxHeaderBytes: Int = TraceLogLimits.maxHeaderBytes,
    maxLineBytes: Int = TraceLogLimits.maxLineBytes
  ) {
    lines = LineReader(source: source)
    self.maxHeaderBytes = maxHeaderBytes
    self.maxLineBytes = maxLineBytes
  }

  /// The line last read, from 1.
  public var lineNumber: Int { lines.lineNumber }

  /// Where the line last read starts, in bytes from the start of the source.
  public var lineOffset: UInt64 { lines.lineOffset }

  /// Where the next line starts, in bytes; after the last, the length of the source.
  public var nextLineOffset: UInt64 { lines.nextLineOffset }

  /// An event line read again on its own, from a window of a log already read through
  /// once (so its place in the order was checked then): line `number`'s bytes, without
  /// the `\n`.
  static func event(line bytes: UnsafeBufferPointer<UInt8>, number: Int) throws(TraceLogError)
    -> LoggedEvent
  {
    var cursor = JSONCursor(bytes, line: number)
    cursor.skipWhitespace()
    if cursor.isAtEnd { throw cursor.error("empty line; expected an event") }
    return try EventFields.read(&cursor)
  }

  /// Reads line 1, which must be the header.
  public mutating func readHeader() throws -> TraceHeader {
    precondition(!headerRead, "readHeader called twice")
    headerRead = true
    let header = try lines.nextLine(maxBytes: maxHeaderBytes) {
      (bytes, line) throws(TraceLogError) -> TraceHeader in
      var cursor = JSONCursor(bytes, line: line)
      cursor.skipWhitespace()
      if cursor.isAtEnd { throw cursor.error("empty line; expected the header") }
      return try HeaderFields.read(&cursor)
    }
    guard let header else {
      throw TraceLogError(line: 1, "the file is empty; a trace log starts with a header line")
    }
    return header
  }

  /// Reads the next event; nil at the end of the file.
  public mutating func nextEvent() throws -> LoggedEvent? {
    precondition(headerRead, "read the header first")
    let (lastStep, lastT, forwardEnd) = (self.lastStep, self.lastT, self.forwardEnd)
    let event = try lines.nextLine(maxBytes: maxLineBytes) {
      (bytes, line) throws(TraceLogError) -> LoggedEvent in
      var cursor = JSONCursor(bytes, line: line)
      cursor.skipWhitespace()
      if cursor.isAtEnd { throw cursor.error("empty line; expected an event") }
      let event = try EventFields.read(&cursor)
      guard event.step == lastStep + 1 else {
        throw cursor.error(
          "step \(event.step) is out of order: expected step \(lastStep + 1) after step \(lastStep)"
        )
      }
      if let end = forwardEnd ?? (event.isAfterForward ? lastT : nil) {
        // The loss goes over the words again, and the backward pass back through them.
        guard event.isAfterForward else {
          throw cursor.error(
            "step \(event.step): a \(event.operation.rawValue) event of the forward pass after the loss or the backward pass began"
          )
        }
        guard (1...max(end, 1)).contains(event.t) else {
          throw cursor.error(
            "t \(event.t) is out of range: the forward pass read words 1 … \(end)")
        }
      } else {
        guard event.t == lastT || event.t == lastT + 1, event.t >= 1 else {
          throw cursor.error(
            "t \(event.t) is out of order: after t \(lastT) comes t \(lastT) or \(lastT + 1)")
        }
      }
      return event
    }
    if let event {
      self.lastStep = event.step
      if self.forwardEnd == nil && event.isAfterForward { self.forwardEnd = self.lastT }
      self.lastT = event.t
    }
    return event
  }
}

/// The header's keys as they are read, in any order, then checked.
private struct HeaderFields {
  var type: String?
  var format: String?
  var version: Int?
  var source: String?
  var variant: String?
  var seed: UInt64??
  var inputs: Int?
  var hidden: Int?
  var words: [String]?
  var vocabulary: [String]?
  var parameters: [NamedTensor]?
  var loss: String?
  var edits: [AppliedEdit] = []
  var kernels: String?
  var unknown: [String] = []

  static func read(_ cursor: inout JSONCursor) throws(TraceLogError) -> TraceHeader {
    guard cursor.peek(UInt8(ascii: "{")) else {
      throw cursor.syntaxError("'{' (a trace log's first line is a JSON object, its header)")
    }
    var fields = HeaderFields()
    var seen = Set<String>()
    try cursor.object { (cursor, key) throws(TraceLogError) in
      guard seen.insert(key).inserted else {
        throw cursor.error("the key \"\(key)\" appears twice")
      }
      switch key {
      case "type": fields.type = try cursor.string(named: key)
      case "format": fields.format = try cursor.string(named: key)
      case "version": fields.version = try cursor.integer("version", in: 0...Int.max)
      case "source": fields.source = try cursor.string(named: key)
      case "variant": fields.variant = try cursor.string(named: key)
      case "seed": fields.seed = try cursor.seed()
      case "inputs": fields.inputs = try cursor.integer("inputs", in: 1...ModelLimits.maxDimension)
      case "hidden": fields.hidden = try cursor.integer("hidden", in: 1...ModelLimits.maxDimension)
      case "words": fields.words = try cursor.strings(named: key)
      case "vocabulary": fields.vocabulary = try cursor.strings(named: key)
      case "parameters": fields.parameters = try cursor.parameters()
      case "loss": fields.loss = try cursor.string(named: key)
      case "edits": fields.edits = try cursor.edits()
      case "kernels": fields.kernels = try cursor.string(named: key)
      default:
        fields.unknown.append(key)
        try cursor.skipValue()
      }
    }
    try cursor.expectEnd()
    return try fields.header(cursor)
  }

  func header(_ cursor: JSONCursor) throws(TraceLogError) -> TraceHeader {
    guard let type else {
      throw cursor.error(
        "no \"type\": expected the header, {\"type\":\"header\",\"format\":\"rnntrace\",…}")
    }
    guard type == "header" else {
      throw cursor.error(
        "expected the header, found \"type\":\(quoted(type)); a trace log's first line is its header"
      )
    }
    guard let format else { throw missing("format") }
    guard format == "rnntrace" else {
      throw cursor.error(
        "not an rnntrace log: \"format\" is \(quoted(format)), expected \"rnntrace\"")
    }
    guard let version else { throw missing("version") }
    guard version <= TraceHeader.formatVersion else {
      throw cursor.error(
        "format version \(version) is newer than this rnntrace reads (version \(TraceHeader.formatVersion)); read it with a newer rnntrace"
      )
    }
    guard version >= 1 else {
      throw cursor.error("format version \(version) does not exist; versions start at 1")
    }
    if let key = unknown.first {
      throw cursor.error("the header has an unknown key \(quoted(key))")
    }
    guard let source else { throw missing("source") }
    guard let variantName = variant else { throw missing("variant") }
    guard let variant = Variant(rawValue: variantName) else {
      throw cursor.error(
        "variant \(quoted(variantName)) is not one of \(Variant.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    guard let seed else { throw missing("seed") }
    guard let inputs else { throw missing("inputs") }
    guard let hidden else { throw missing("hidden") }
    guard let words else { throw missing("words") }
    guard let vocabulary else { throw missing("vocabulary") }
    guard let parameters else { throw missing("parameters") }
    guard !words.isEmpty else {
      throw cursor.error("\"words\" is empty; a trace reads at least one")
    }
    for (k, edit) in edits.enumerated() {
      guard let parameter = parameters.first(where: { $0.name == edit.name }) else {
        throw cursor.error("edits[\(k)] names \(quoted(edit.name)), which is not a parameter")
      }
      let shape = Array(parameter.value.shape)
      guard edit.index.count == shape.count, zip(edit.index, shape).allSatisfy({ $0 < $1 }) else {
        throw cursor.error(
          "edits[\(k)].index \(edit.index) is outside \(quoted(edit.name))'s shape \(shape)")
      }
    }
    var family = KernelFamily.amd
    if let kernels {
      guard let named = KernelFamily(rawValue: kernels) else {
        throw cursor.error(
          "kernels \(quoted(kernels)) is not one of \(KernelFamily.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      family = named
    }
    var lossKind: LossKind?
    if let loss {
      guard let kind = LossKind(rawValue: loss) else {
        throw cursor.error(
          "\"loss\" \(quoted(loss)) is not one of \(LossKind.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      guard words.count >= 2 else {
        throw cursor.error(
          "\"loss\" needs at least two words, one to read and one to predict; \"words\" has 1")
      }
      lossKind = kind
    }
    return TraceHeader(
      variant: variant, seed: seed, inputs: inputs, hidden: hidden, words: words,
      vocabulary: vocabulary, parameters: parameters, source: source, edits: edits,
      kernels: family, loss: lossKind)

    func missing(_ key: String) -> TraceLogError {
      cursor.error("the header has no \"\(key)\"")
    }
  }
}

/// An event's keys as they are read, in any order, then checked.
private struct EventFields {
  var type: String?
  var step: Int?
  var t: Int?
  var word: String?
  var op: String?
  var pass: String?
  var formula: String?
  var index: Int?
  var operands: [LoggedEvent.Operand]?
  var result: NamedTensor?
  var resultOmitsValues = false
  var value: [Float]?

  static func read(_ cursor: inout JSONCursor) throws(TraceLogError) -> LoggedEvent {
    guard cursor.peek(UInt8(ascii: "{")) else {
      throw cursor.syntaxError("'{' (each line of a trace log is a JSON object)")
    }
    var fields = EventFields()
    // A list, not a set: an event has at most ten keys (any other is refused), and
    // hashing each one cost more than comparing it with the few before.
    var seen: [String] = []
    try cursor.object { (cursor, key) throws(TraceLogError) in
      guard !seen.contains(key) else {
        throw cursor.error("the key \"\(key)\" appears twice")
      }
      seen.append(key)
      switch key {
      case "type":
        fields.type = try cursor.string(named: key)
        if fields.type == "header" {
          throw cursor.error("a second header; a log has one header, on line 1")
        }
      case "step": fields.step = try cursor.integer("step", in: 1...Int.max)
      case "t": fields.t = try cursor.integer("t", in: 1...Int.max)
      case "word": fields.word = try cursor.string(named: key)
      case "op": fields.op = try cursor.string(named: key)
      case "pass": fields.pass = try cursor.string(named: key)
      case "formula": fields.formula = try cursor.string(named: key)
      case "index": fields.index = try cursor.integer("index", in: 0...Int.max)
      case "operands": fields.operands = try cursor.operands()
      case "result":
        fields.resultOmitsValues = true
        fields.result = try cursor.tensor(
          named: "result", withName: true, omitted: &fields.resultOmitsValues)
      case "value":
        var values: [Float] = []
        try cursor.array { (cursor) throws(TraceLogError) in
          values.append(try cursor.float("value[\(values.count)]", allowNull: true))
        }
        fields.value = values
      default:
        throw cursor.error("an event has no key \(quoted(key)) (a key of the header?)")
      }
    }
    try cursor.expectEnd()
    return try fields.event(cursor)
  }

  func event(_ cursor: JSONCursor) throws(TraceLogError) -> LoggedEvent {
    guard let type else { throw missing("type") }
    guard type == "event" else {
      throw cursor.error("\"type\" is \(quoted(type)), expected \"event\"")
    }
    guard let step else { throw missing("step") }
    guard let t else { throw missing("t") }
    guard let word else { throw missing("word") }
    guard let op else { throw missing("op") }
    guard let operation = Operation(rawValue: op) else {
      throw cursor.error(
        "\"op\" \(quoted(op)) is not one of \(Operation.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    var direction = Pass.forward
    if let pass {
      // Only the backward pass is marked: a forward event has no "pass".
      guard pass == Pass.backward.rawValue else {
        throw cursor.error(
          "\"pass\" \(quoted(pass)) is not \"backward\" (a forward event has no \"pass\")")
      }
      direction = .backward
    }
    guard let formula else { throw missing("formula") }
    guard let operands else { throw missing("operands") }
    guard let result else { throw missing("result") }
    if resultOmitsValues && (direction != .backward || operation != .logits) {
      throw cursor.error(
        "step \(step): the result has no \"values\" (only the head's gradient terms and running sums, backward logits events, may omit them)"
      )
    }
    let indexed = operation == .embedding || operation == .loss && operands.count == 1
    if operation == .embedding && index == nil { throw missing("index") }
    if !indexed && index != nil {
      throw cursor.error("step \(step): \"index\" belongs to embedding and loss events only")
    }
    if operation == .hiddenState && direction == .forward {
      guard let value else { throw missing("value") }
      guard value.count == result.value.count else {
        throw cursor.error(
          "step \(step): \"value\" holds \(value.count) values but the result's shape \(result.value.shape) holds \(result.value.count)"
        )
      }
    } else if value != nil {
      throw cursor.error("step \(step): \"value\" belongs to hidden_state events only")
    }
    return LoggedEvent(
      line: cursor.line, step: step, t: t, word: word, operation: operation, formula: formula,
      index: index, operands: operands, result: result, value: value, pass: direction,
      omitsValues: resultOmitsValues)

    func missing(_ key: String) -> TraceLogError {
      cursor.error("the event has no \"\(key)\"")
    }
  }
}

extension JSONCursor {
  fileprivate mutating func string(named key: @autoclosure () -> String) throws(TraceLogError)
    -> String
  {
    skipWhitespace()
    guard peek(UInt8(ascii: "\"")) else {
      throw error("\"\(key())\": expected a string, found \(kindAhead)")
    }
    return try string()
  }

  fileprivate mutating func strings(named key: String) throws(TraceLogError) -> [String] {
    guard peek(UInt8(ascii: "[")) else {
      throw error("\"\(key)\": expected an array of strings, found \(kindAhead)")
    }
    var out: [String] = []
    try array { (cursor) throws(TraceLogError) in
      out.append(try cursor.string(named: "\(key)[\(out.count)]"))
    }
    return out
  }

  fileprivate mutating func seed() throws(TraceLogError) -> UInt64? {
    if try null() { return nil }
    guard kindAhead == "a number" else {
      throw error("\"seed\": expected a whole number or null, found \(kindAhead)")
    }
    let (text, isInteger) = try numberToken()
    guard isInteger, let seed = UInt64(text) else {
      throw error("\"seed\": \(text) is not a whole number from 0 to 18446744073709551615")
    }
    return seed
  }

  /// `[1,4]`: one or two sizes, each at least 1, whose product stays within the
  /// model's parameter cap.
  fileprivate mutating func shape(_ what: @autoclosure () -> String, from least: Int = 1)
    throws(TraceLogError) -> [Int]
  {
    guard peek(UInt8(ascii: "[")) else {
      throw error("\(what()).shape: expected an array of sizes, found \(kindAhead)")
    }
    var shape: [Int] = []
    try array { (cursor) throws(TraceLogError) in
      guard shape.count < TraceLogLimits.maxRank else {
        throw cursor.error("\(what()).shape has more than \(TraceLogLimits.maxRank) sizes")
      }
      shape.append(
        try cursor.integer(
          "\(what()).shape[\(shape.count)]", in: least...ModelLimits.maxParameters))
    }
    guard !shape.isEmpty else { throw error("\(what()).shape is empty") }
    // At most two sizes of at most 2^24 each: the product cannot overflow.
    if shape.reduce(1, *) > ModelLimits.maxParameters {
      throw error("\(what()).shape \(shape) holds more than \(ModelLimits.maxParameters) values")
    }
    return shape
  }

  /// `{"shape":[…],"values":[…]}`, with `"name"` first when `withName`.
  fileprivate mutating func tensor(named what: String, withName: Bool) throws(TraceLogError)
    -> NamedTensor
  {
    var omitted = false
    return try tensor(named: what, withName: withName, omitted: &omitted)
  }

  /// The same, or when `omitted` is passed in true, `{"name":…,"shape":[…]}` without
  /// values too (a term the log writes once its operands are written): zeros of its
  /// shape, `omitted` left true; `omitted` is false when the values are there.
  fileprivate mutating func tensor(
    named what: String, withName: Bool, omitted: inout Bool
  ) throws(TraceLogError) -> NamedTensor {
    let mayOmit = omitted
    omitted = false
    guard peek(UInt8(ascii: "{")) else {
      throw error("\(what): expected an object, found \(kindAhead)")
    }
    var name: String?
    var shape: [Int]?
    var values: [Float]?
    try object { (cursor, key) throws(TraceLogError) in
      switch key {
      case "name" where withName && name == nil: name = try cursor.string(named: "\(what).name")
      case "shape" where shape == nil: shape = try cursor.shape(what)
      case "values" where values == nil:
        guard cursor.peek(UInt8(ascii: "[")) else {
          throw cursor.error(
            "\(what).values: expected an array of numbers, found \(cursor.kindAhead)")
        }
        var out: [Float] = []
        try cursor.array { (cursor) throws(TraceLogError) in
          guard out.count < ModelLimits.maxParameters else {
            throw cursor.error("\(what).values holds more than \(ModelLimits.maxParameters) values")
          }
          out.append(try cursor.float("\(what).values[\(out.count)]", allowNull: withName))
        }
        values = out
      default:
        throw cursor.error("\(what) has an unexpected or repeated key \(quoted(key))")
      }
    }
    if withName && name == nil { throw error("\(what) has no \"name\"") }
    guard let shape else { throw error("\(what) has no \"shape\"") }
    let count = shape.reduce(1, *)
    if values == nil && mayOmit {
      omitted = true
      return NamedTensor(name ?? what, Tensor(zeros: shape))
    }
    guard let values else { throw error("\(what) has no \"values\"") }
    guard values.count == count else {
      throw error(
        "\(what): the shape \(shape) holds \(count) values, but \"values\" has \(values.count)")
    }
    return NamedTensor(name ?? what, Tensor(shape: shape, scalars: values))
  }

  fileprivate mutating func parameters() throws(TraceLogError) -> [NamedTensor] {
    guard peek(UInt8(ascii: "{")) else {
      throw error("\"parameters\": expected an object, found \(kindAhead)")
    }
    var out: [NamedTensor] = []
    var total = 0
    try object { (cursor, key) throws(TraceLogError) in
      guard !out.contains(where: { $0.name == key }) else {
        throw cursor.error("the parameter \(quoted(key)) appears twice")
      }
      let tensor = try cursor.tensor(named: "parameters.\(key)", withName: false)
      total += tensor.value.count
      guard total <= ModelLimits.maxParameters else {
        throw cursor.error("the parameters hold more than \(ModelLimits.maxParameters) values")
      }
      out.append(NamedTensor(key, tensor.value))
    }
    return out
  }

  /// `[{"name":"w_h","index":[0,0],"from":-0.2138,"to":1.5}, …]`
  fileprivate mutating func edits() throws(TraceLogError) -> [AppliedEdit] {
    guard peek(UInt8(ascii: "[")) else {
      throw error("\"edits\": expected an array, found \(kindAhead)")
    }
    var out: [AppliedEdit] = []
    try array { (cursor) throws(TraceLogError) in
      let what = "edits[\(out.count)]"
      guard out.count < ModelLimits.maxParameters else {
        throw cursor.error("\"edits\" holds more than \(ModelLimits.maxParameters) edits")
      }
      guard cursor.peek(UInt8(ascii: "{")) else {
        throw cursor.error("\(what): expected an object, found \(cursor.kindAhead)")
      }
      var name: String?
      var index: [Int]?
      var from: Float?
      var to: Float?
      try cursor.object { (cursor, key) throws(TraceLogError) in
        switch key {
        case "name" where name == nil: name = try cursor.string(named: "\(what).name")
        case "index" where index == nil: index = try cursor.shape("\(what).index", from: 0)
        case "from" where from == nil: from = try cursor.float("\(what).from", allowNull: false)
        case "to" where to == nil: to = try cursor.float("\(what).to", allowNull: false)
        default: throw cursor.error("\(what) has an unexpected or repeated key \(quoted(key))")
        }
      }
      guard let name else { throw cursor.error("\(what) has no \"name\"") }
      guard let index else { throw cursor.error("\(what) has no \"index\"") }
      guard let from else { throw cursor.error("\(what) has no \"from\"") }
      guard let to else { throw cursor.error("\(what) has no \"to\"") }
      out.append(AppliedEdit(name: name, index: index, from: from, to: to))
    }
    return out
  }

  fileprivate mutating func operands() throws(TraceLogError) -> [LoggedEvent.Operand] {
    guard peek(UInt8(ascii: "[")) else {
      throw error("\"operands\": expected an array, found \(kindAhead)")
    }
    var out: [LoggedEvent.Operand] = []
    try array { (cursor) throws(TraceLogError) in
      let index = out.count
      var what: String { "operands[\(index)]" }
      guard cursor.peek(UInt8(ascii: "{")) else {
        throw cursor.error("\(what): expected an object, found \(cursor.kindAhead)")
      }
      var name: String?
      var shape: [Int]?
      try cursor.object { (cursor, key) throws(TraceLogError) in
        switch key {
        case "name" where name == nil: name = try cursor.string(named: "\(what).name")
        case "shape" where shape == nil: shape = try cursor.shape(what)
        default: throw cursor.error("\(what) has an unexpected or repeated key \(quoted(key))")
        }
      }
      guard let name else { throw cursor.error("\(what) has no \"name\"") }
      guard let shape else { throw cursor.error("\(what) has no \"shape\"") }
      out.append(LoggedEvent.Operand(name: name, shape: shape))
    }
    return out
  }
}
