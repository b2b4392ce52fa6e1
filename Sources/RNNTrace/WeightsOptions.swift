import ArgumentParser
import Foundation
import Model
import TraceLog

/// `--weights` and `--vocab`: a model trained in PyTorch, saved with
/// `safetensors.torch.save_file(model.state_dict(), path)`, instead of one drawn from
/// a seed.
struct WeightsOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Your own trained model: a state dict saved by safetensors.torch.save_file, holding an nn.Embedding and the lesson's second class (We, Wh). Needs --vocab.",
      valueName: "file.safetensors"))
  var weights: String?

  @Option(
    help: ArgumentHelp(
      "The words of the --weights embedding's rows, one a line (line 1 is row 0).",
      valueName: "file"))
  var vocab: String?

  var isGiven: Bool { weights != nil || vocab != nil }

  /// Refuses options that describe another model: the file gives the sizes and the
  /// variant, and there is no seed.
  func validate(model: ModelOptions, lesson: LessonOptions) throws {
    guard isGiven else { return }
    guard weights != nil else {
      throw CommandError(
        .usage, "--vocab names the words of a --weights file; give --weights FILE too")
    }
    guard vocab != nil else {
      throw CommandError(
        .usage,
        "--weights needs --vocab FILE: the words of the embedding's rows, one a line")
    }
    let given = [
      ("--seed", model.seedOption != nil), ("--inputs", model.inputsOption != nil),
      ("--hidden", model.hiddenOption != nil), ("--variant", model.variantOption != nil),
      ("--lesson", lesson.lesson != nil), ("--chapter", lesson.chapter != nil),
    ].filter(\.1).map(\.0)
    if let first = given.first {
      throw CommandError(
        .usage,
        "--weights and \(first): the file gives the model (its sizes and variant follow from its tensors, and it has no seed); give one or the other"
      )
    }
  }

  /// What every command does with `--weights`: refuses the options that describe
  /// another model, loads the file, applies the what-if edits (`--set`) to its model,
  /// reads the words once against its vocabulary and notes converted tensors on
  /// standard error.
  func loadChecked(model: ModelOptions, lesson: LessonOptions, edits: EditOptions) throws
    -> (weights: LoadedWeights, words: WordSource, first: WordSource.Pass)
  {
    try validate(model: model, lesson: lesson)
    var loaded = try load()
    (loaded.model, loaded.applied) = try edits.apply(to: loaded.model)
    let words = try model.wordSource()
    let first = try loaded.check(words)
    loaded.warnConversions()
    return (loaded, words, first)
  }

  /// The model the file describes, its origin for a log's header, and a line per
  /// converted tensor.
  func load() throws -> LoadedWeights {
    guard let weights, let vocab else { preconditionFailure("validated") }
    let vocabulary = try Self.readVocabulary(vocab)
    let data = try Self.map(weights, option: "--weights", expected: "a .safetensors file")
    let name = URL(fileURLWithPath: weights).lastPathComponent
    return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> LoadedWeights in
      do throws(SafetensorsError) {
        let file = try SafetensorsFile(parsing: bytes)
        let loaded = try SafetensorsModel(
          file, bytes: bytes, vocabulary: vocabulary, vocabularyOrigin: "--vocab \(vocab)")
        return LoadedWeights(
          model: loaded.model, fileName: name, sha256: SHA256.hex(bytes),
          conversionNote: loaded.conversionNote)
      } catch {
        throw CommandError(.data, "--weights \(weights): \(error.description)")
      }
    }
  }

  /// The file, memory-mapped (a model may be large; only its header is parsed whole).
  static func map(_ path: String, option: String, expected: String) throws -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CommandError(.input, "\(option) \(path): no such file")
    }
    if isDirectory.boolValue {
      throw CommandError(.input, "\(option) \(path): is a directory; expected \(expected)")
    }
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw CommandError(.input, "\(option) \(path): cannot read (\(OutputFile.lastError()))")
    }
  }

  /// One word a line (a final line break optional, `\r\n` accepted): no empty line, no
  /// space inside a word, no word twice.
  static func readVocabulary(_ path: String) throws -> [String] {
    let data = try map(path, option: "--vocab", expected: "a text file, one word a line")
    guard var text = String(data: data, encoding: .utf8) else {
      throw CommandError(.data, "--vocab \(path): not UTF-8 text; expected one word a line")
    }
    // A byte-order mark, as some editors write, is not part of the first word.
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    // "\r\n" is one Character in Swift: split on both forms of a line break.
    var lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    if lines.last == "" { lines.removeLast() }
    guard !lines.isEmpty else {
      throw CommandError(.data, "--vocab \(path): the file is empty; expected one word a line")
    }
    var rows: [String: Int] = [:]
    var words: [String] = []
    words.reserveCapacity(lines.count)
    for (i, line) in lines.enumerated() {
      let word = String(line)
      let place = "--vocab \(path):\(i + 1)"
      if word.isEmpty {
        throw CommandError(.data, "\(place): an empty line; expected one word a line")
      }
      if word.contains(where: \.isWhitespace) {
        throw CommandError(
          .data,
          "\(place): \"\(word)\" holds white space; expected one word a line (a sentence splits at spaces)"
        )
      }
      if let first = rows[word] {
        throw CommandError(
          .data,
          "\(place): \"\(word)\" is also on line \(first + 1); expected each word once (it names one row)"
        )
      }
      rows[word] = i
      words.append(word)
    }
    return words
  }
}

/// A model read from a safetensors file.
struct LoadedWeights {
  /// The file's model, with the what-if edits (`--set`) applied.
  var model: RNNModel
  let fileName: String
  let sha256: String
  let conversionNote: String?
  /// The what-if edits applied to the file's model, each with the value it replaced.
  var applied: [AppliedEdit] = []

  /// What a log's header says produced it: the file's name and digest.
  var source: String { "weights \(fileName) (sha256 \(sha256))" }

  var title: String {
    "Trained model: \(model.variant.rawValue) from \(fileName), inputs \(model.inputs), hidden \(model.hidden)"
  }

  /// The title, after a line saying what-if when there are edits (as `print` writes it).
  var printedTitle: String {
    guard !applied.isEmpty else { return title }
    return "WHAT-IF: \(EditOptions.banner(applied, from: "the model in \(fileName)")).\n\(title)"
  }

  /// Says on standard error, in one line, which tensors were converted to float32.
  func warnConversions() {
    if let conversionNote { Main.warn("--weights \(fileName): \(conversionNote)") }
  }

  /// Reads `source` once, refusing a word the vocabulary does not have (naming it) or
  /// no words at all; returns what the pass saw.
  @discardableResult
  func check(_ source: WordSource) throws -> WordSource.Pass {
    var count = 0
    let pass = try source.eachWord { word in
      count += 1
      guard model.index(of: word) == nil else { return }
      throw CommandError(
        .data,
        "\(source.origin): word \(count), \"\(word)\", is not in the vocabulary (--vocab); expected one of its \(model.vocabulary.count) words"
      )
    }
    if count == 0 {
      throw CommandError(.usage, "\(source.origin): no words given; expected at least one word")
    }
    return pass
  }
}
