import ArgumentParser
import Model

@main
struct RNNTraceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rnntrace",
    abstract: "Step through how a recurrent neural network computes its hidden states.",
    version: "0.1.0",
    subcommands: [PlayCommand.self],
    defaultSubcommand: PlayCommand.self
  )
}
