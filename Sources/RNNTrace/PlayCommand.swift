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
      → or n: the next operation; ←: the previous one; Space: play and pause; \
      d: drill into a product; ?: every key; q: quit.

      Where standard input or output is not a terminal, or TERM=dumb, or curses \
      cannot drive the terminal, the walkthrough is printed as `rnntrace print` \
      prints it.

      Examples:
        rnntrace play
        rnntrace play --variant raw-tanh --hidden 3 --sentence "to be or not to be"
      """)

  @OptionGroup var model: ModelOptions

  func run() throws {
    let built = try model.build()
    let trace = built.trace(model.words)
    let title =
      "Ad-hoc model: \(model.variant.rawValue), seed \(model.seed), "
      + "inputs \(model.inputs), hidden \(model.hidden)"
    let content = PlayerContent(title: title, trace: trace)
    PlayerLauncher.run(content, environment: ProcessInfo.processInfo.environment) {
      var text = ""
      WalkthroughText(format: ValueFormat()).write(trace, title: title, to: &text)
      print(text, terminator: "")
    }
  }
}
