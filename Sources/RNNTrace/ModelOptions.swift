import ArgumentParser
import Model

#if canImport(Glibc)
  import Glibc
#endif

/// The options that describe an ad-hoc model, shared by `print`, `export` and `play`.
///
/// Sizes and the seed are parsed here rather than by the argument parser's integer
/// types so that a bad value gets a message that says what is accepted, and so that a
/// negative size (`--inputs -3`) is read as a value, not as an unknown flag.
struct ModelOptions: ParsableArguments {
  // The options are optional so that "given" can be told from "default": with none
  // given, the commands play the bundled lesson instead of an ad-hoc model.
  @Option(
    name: .customLong("variant"),
    help: ArgumentHelp(
      "The recurrence (default: linear-tanh).",
      valueName: "variant"))
  var variantOption: Variant?

  @Option(
    name: .customLong("seed"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "The torch.manual_seed, 0 … 2^64-1 (default: 0).", valueName: "n"),
    transform: { try ModelOptions.parseSeed($0) })
  var seedOption: UInt64?

  @Option(
    name: .customLong("inputs"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "The size of each embedding e_t (1 … \(ModelLimits.maxDimension); default: 4).",
      valueName: "n"),
    transform: { try ModelOptions.parseSize($0) })
  var inputsOption: Int?

  @Option(
    name: .customLong("hidden"),
    parsing: .unconditional,
    help: ArgumentHelp(
      "The size of a hidden state h_t (1 … \(ModelLimits.maxDimension); default: 2).",
      valueName: "n"),
    transform: { try ModelOptions.parseSize($0) })
  var hiddenOption: Int?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The words to read, separated by spaces (default: \"\(ModelOptions.defaultSentence)\").",
      valueName: "text"))
  var sentence: String?

  @Option(
    help: ArgumentHelp(
      "Read the words from a UTF-8 text file instead (- for standard input), for texts too long for one argument.",
      valueName: "path"))
  var sentenceFile: String?

  @Option(
    help: ArgumentHelp(
      "The arithmetic of PyTorch's normal sampler: avx2 (x86-64 wheels) or generic (ARM and others).",
      valueName: "kernel"))
  var rngKernel: TorchGenerator.Kernel = .platformDefault

  @Option(name: .customLong("kernels"), help: KernelsChoice.computeHelp)
  var kernelsChoice: KernelsChoice = .auto

  /// The family of kernels the model computes with (`--kernels`).
  var kernels: KernelFamily { kernelsChoice.family }

  static let defaultSentence = "the dog jumped over a"

  var variant: Variant { variantOption ?? .linearTanh }
  var seed: UInt64 { seedOption ?? 0 }
  var inputs: Int { inputsOption ?? 4 }
  var hidden: Int { hiddenOption ?? 2 }

  /// Whether no option describing a model was given (the lesson plays then).
  var isDefault: Bool {
    variantOption == nil && seedOption == nil && inputsOption == nil && hiddenOption == nil
      && sentence == nil && sentenceFile == nil
  }

  /// The words of `--sentence`, split on white space as Python's `str.split()` does.
  var words: [String] {
    WordSplitter.words(sentence ?? ModelOptions.defaultSentence)
  }

  var spec: ModelSpec {
    ModelSpec(variant: variant, seed: seed, inputs: inputs, hidden: hidden, words: words)
  }

  func validate() throws {
    if sentence != nil && sentenceFile != nil {
      throw ValidationError(
        "--sentence and --sentence-file: give one or the other, not both")
    }
    if let sentence, sentence.unicodeScalars.contains("\u{FFFD}"),
      let bad = Self.invalidUTF8Byte(inArgumentReadAs: sentence)
    {
      throw ValidationError("--sentence: byte \(bad) is not valid UTF-8; expected UTF-8 text")
    }
    // The words of a file are counted when it is read.
    guard sentenceFile == nil else { return }
    do {
      try spec.validate()
    } catch {
      throw ValidationError(Self.describe(error))
    }
  }

  /// Where the words come from; opening `--sentence-file` here names it in errors.
  func wordSource() throws -> WordSource {
    guard let sentenceFile else { return .inline(words) }
    return .file(try SentenceFile(path: sentenceFile))
  }

  /// Builds the model for the words of `--sentence`, or says which option is wrong.
  func build() throws -> RNNModel {
    do {
      return try spec.build(kernel: rngKernel, kernels: kernels)
    } catch {
      throw CommandError(.usage, Self.describe(error))
    }
  }

  /// The words and the model that reads them, all in memory (for the walkthrough
  /// and the player, which hold the whole trace anyway).
  func load() throws -> (model: RNNModel, words: [String]) {
    let source = try wordSource()
    if case .inline(let words) = source { return (try build(), words) }
    let words = try source.all()
    var seen = Set<String>()
    let vocabulary = words.filter { seen.insert($0).inserted }
    return (try build(vocabulary: vocabulary, origin: source.origin), words)
  }

  /// Builds the model for words read elsewhere, given their vocabulary (distinct
  /// words in order of first appearance).
  func build(vocabulary: [String], origin: String) throws -> RNNModel {
    // A spec whose words are the vocabulary draws the same tensors: its own
    // vocabulary (dict.fromkeys) is that list again.
    let spec = ModelSpec(
      variant: variant, seed: seed, inputs: inputs, hidden: hidden, words: vocabulary)
    do {
      return try spec.build(kernel: rngKernel, kernels: kernels)
    } catch .emptySentence {
      throw CommandError(
        .usage,
        "\(origin): no words in it; expected at least one word separated by white space")
    } catch {
      throw CommandError(.usage, Self.describe(error))
    }
  }

  /// One line naming the option, what was given and what is accepted.
  static func describe(_ error: ModelSpecError) -> String {
    switch error {
    case .emptySentence:
      return
        "--sentence: no words given; expected at least one word, such as --sentence \"the dog\""
    case .sizeOutOfRange(let option, let value):
      return
        "--\(option): \(value) is out of range; expected a whole number from 1 to \(ModelLimits.maxDimension)"
    case .tooManyParameters(let count):
      let shown = count == .max ? "more than 2^63" : String(count)
      return
        "--inputs/--hidden: the model would hold \(shown) parameters; the cap is \(ModelLimits.maxParameters) (64 MiB of float32): choose smaller sizes or fewer distinct words"
    }
  }

  /// Swift reads the command line with U+FFFD in place of invalid UTF-8, so the
  /// raw argument that reads as `text` (alone, or after `--sentence=`) tells whether
  /// the user typed U+FFFD or bytes that are not UTF-8: the first bad byte, from 1.
  static func invalidUTF8Byte(inArgumentReadAs text: String) -> Int? {
    for index in 1..<Int(CommandLine.argc) {
      guard let raw = CommandLine.unsafeArgv[index] else { continue }
      let bytes = UnsafeBufferPointer(start: raw, count: strlen(raw)).map { UInt8(bitPattern: $0) }
      let prefix = Array("--sentence=".utf8)
      let value = bytes.starts(with: prefix) ? Array(bytes.dropFirst(prefix.count)) : bytes
      guard String(decoding: value, as: UTF8.self) == text,
        String(validating: value, as: UTF8.self) == nil
      else { continue }
      var decoder = UTF8()
      var iterator = value.makeIterator()
      var offset = 0
      while case .scalarValue(let scalar) = decoder.decode(&iterator) {
        offset += UTF8.width(scalar)
      }
      return offset + 1
    }
    return nil
  }

  static func parseSeed(_ text: String) throws -> UInt64 {
    guard let seed = UInt64(text, radix: 10) else {
      throw ArgumentError("expected a whole number from 0 to 18446744073709551615 (2^64-1)")
    }
    return seed
  }

  static func parseSize(_ text: String) throws -> Int {
    guard let size = Int(text, radix: 10), (1...ModelLimits.maxDimension).contains(size) else {
      throw ArgumentError("expected a whole number from 1 to \(ModelLimits.maxDimension)")
    }
    return size
  }
}

extension Variant: ExpressibleByArgument {}
extension TorchGenerator.Kernel: ExpressibleByArgument {}

/// Why an option's value was refused: says what is accepted. The argument parser
/// prefixes it with the option and the value given.
struct ArgumentError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

extension ModelOptions {
  /// The model these options draw for `words`, and the prediction head drawn next from
  /// the same stream (`train`, `--loss`); the head counts toward the parameter limit.
  func buildWithHead(_ words: [String]) throws -> (model: RNNModel, head: PredictionHead) {
    let spec = ModelSpec(
      variant: variant, seed: seed, inputs: inputs, hidden: hidden, words: words)
    do {
      try spec.validate()
      let headSize = spec.vocabulary.count * (hidden + 1)
      if ModelSpec.parameterCount(
        variant: spec.variant, vocabulary: spec.vocabulary.count, inputs: spec.inputs,
        hidden: spec.hidden) > ModelLimits.maxParameters - headSize
      {
        throw ModelSpecError.tooManyParameters(count: ModelLimits.maxParameters + 1)
      }
      return try spec.buildWithHead(kernel: rngKernel)
    } catch let error as ModelSpecError {
      throw CommandError(.usage, ModelOptions.describe(error))
    }
  }
}
