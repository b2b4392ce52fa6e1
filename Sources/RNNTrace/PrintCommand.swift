import ArgumentParser
import Model

/// `rnntrace print`: the walkthrough as plain text.
struct PrintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "print",
    abstract: "Print the walkthrough as plain text, operation by operation.",
    discussion: """
      Word by word, every operation with its formula, its shapes and its values,
      printed as PyTorch prints tensors. Readable in a pipe, a file or less.

      Examples:
        rnntrace print
        rnntrace print --variant raw-tanh --hidden 1 --seed 3 | less
        rnntrace print --precision 8 --sentence "to be or not to be"
      """)

  @OptionGroup var model: ModelOptions

  @Option(help: ArgumentHelp("Digits after the decimal point (0 … 9).", valueName: "n"))
  var precision: Int = 4

  func validate() throws {
    guard (0...9).contains(precision) else {
      throw ValidationError(
        "--precision: \(precision) is out of range; expected a whole number from 0 to 9")
    }
  }

  func run() throws {
    let (built, words) = try model.load()
    let trace = built.trace(words)
    var text = ""
    WalkthroughText(format: ValueFormat(precision: precision)).write(
      trace,
      title:
        "Ad-hoc model: \(model.variant.rawValue), seed \(model.seed), inputs \(model.inputs), hidden \(model.hidden)",
      to: &text)
    print(text, terminator: "")
  }
}
