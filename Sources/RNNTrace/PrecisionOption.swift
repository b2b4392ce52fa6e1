import ArgumentParser
import Model

/// `--precision`: how many decimals the printed walkthrough shows (PyTorch prints 4).
struct PrecisionOption: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Digits after the decimal point (0 … 9; default: 4).", valueName: "n"),
    transform: { text in
      guard let digits = Int(text), (0...9).contains(digits) else {
        throw ArgumentError("expected a whole number from 0 to 9")
      }
      return digits
    })
  var precision: Int = 4

  var format: ValueFormat { ValueFormat(precision: precision) }
}
