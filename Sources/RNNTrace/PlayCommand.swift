import ArgumentParser
import Foundation
import Model
import TUI

/// `rnntrace play`: the player on an ad-hoc model.
struct PlayCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Step through the RNN one operation at a time, in the terminal.",
    discussion: """
      Press ? in the player for every key. Where standard input or output is not a \
      terminal, or TERM=dumb, the steps are printed as text instead.
      """
  )

  @OptionGroup var model: PlayModelOptions

  func run() throws {
    let spec = try model.spec()
    let built: RNNModel
    do {
      built = try spec.build()
    } catch {
      throw ValidationError(PlayModelOptions.message(for: error))
    }
    let trace = built.trace(spec.words)
    let content = PlayerContent(title: model.title(spec), trace: trace)
    PlayerLauncher.run(content, environment: ProcessInfo.processInfo.environment)
  }
}

/// The ad-hoc model's options (`rnn_reference.py`'s arguments and defaults).
///
/// Private to `play` until the shared `ModelOptions` lands on main.
struct PlayModelOptions: ParsableArguments {
  @Option(help: "The recurrence: linear, raw-tanh or linear-tanh.")
  var variant: String = Variant.linearTanh.rawValue

  @Option(help: "The seed of PyTorch's generator (torch.manual_seed).")
  var seed: UInt64 = 0

  @Option(help: "The size of each word's embedding e_t.")
  var inputs: Int = 4

  @Option(help: "The size of the hidden state h_t.")
  var hidden: Int = 2

  @Option(help: "The words to read, separated by spaces.")
  var sentence: String = "the dog jumped over a"

  func spec() throws -> ModelSpec {
    guard let variant = Variant(rawValue: variant) else {
      let accepted = Variant.allCases.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("--variant: '\(self.variant)' is not a variant; use one of \(accepted)")
    }
    let words = sentence.split(whereSeparator: \.isWhitespace).map(String.init)
    let spec = ModelSpec(
      variant: variant, seed: seed, inputs: inputs, hidden: hidden, words: words)
    do {
      try spec.validate()
    } catch {
      throw ValidationError(PlayModelOptions.message(for: error))
    }
    return spec
  }

  func title(_ spec: ModelSpec) -> String {
    "ad-hoc model, seed \(spec.seed), \(spec.inputs) inputs → \(spec.hidden) hidden"
  }

  static func message(for error: ModelSpecError) -> String {
    switch error {
    case .emptySentence:
      return "--sentence: the sentence has no words; give at least one"
    case .sizeOutOfRange(let option, let value):
      return "--\(option): \(value) is out of range; use 1 to \(ModelLimits.maxDimension)"
    case .tooManyParameters(let count):
      return "the model would hold \(count) parameters; the limit is \(ModelLimits.maxParameters)"
    }
  }
}
