import Testing

/// `--help` of every command as a terminal of 80 and of 120 columns shows it: the
/// argument parser wraps paragraphs to the width, so a paragraph must not carry breaks
/// of its own, and example lines must be short enough that the wrapping leaves them whole.
@Suite struct HelpTextTests {
  /// The root command and every subcommand its help lists.
  static let commands: [[String]] = {
    let root = (try? RNNTraceBinary.run(["--help"], environment: ["COLUMNS": "120"]))?.stdout
    let lines = (root ?? "").split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [[]] }
    let names = lines[(start + 1)...].prefix { !$0.isEmpty }
      .filter { $0.hasPrefix("  ") && $0.dropFirst(2).first != " " }
      .compactMap { $0.split(separator: " ").first.map(String.init) }
    return [[]] + names.map { [$0] }
  }()

  static func help(_ command: [String], columns: Int) throws -> [Substring] {
    let result = try RNNTraceBinary.run(
      command + ["--help"], environment: ["COLUMNS": "\(columns)"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    return result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The lines after "Examples:", up to the blank line that ends them.
  static func examples(_ lines: [Substring]) -> [Substring] {
    guard let start = lines.firstIndex(of: "Examples:") else { return [] }
    return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
  }

  @Test func everySubcommandIsChecked() {
    let names = Self.commands.compactMap(\.first)
    for name in [
      "play", "print", "export", "verify", "replay", "lessons", "record", "train", "diff",
    ] {
      #expect(names.contains(name), "\(name) is missing from rnntrace --help")
    }
  }

  @Test(arguments: commands)
  func helpFitsTheTerminalAndKeepsExamplesWhole(command: [String]) throws {
    let name = (["rnntrace"] + command).joined(separator: " ")
    var examplesAt: [Int: [Substring]] = [:]
    for columns in [80, 120] {
      let lines = try Self.help(command, columns: columns)
      for line in lines {
        #expect(line.count <= columns, "\(name) --help at \(columns): too long: \(line)")
      }
      // A paragraph's line ends only where its next word would not have fitted (the
      // parser keeps the last column for the space after it): a break written into
      // the text would end a line early ("parameters" alone on a line).
      let discussion = lines.prefix { $0 != "Examples:" && !$0.hasPrefix("USAGE:") }
      for (line, next) in zip(discussion, discussion.dropFirst())
      where !line.isEmpty && !next.isEmpty {
        let word = next.prefix { $0 != " " }
        #expect(
          line.count + 1 + word.count >= columns,
          "\(name) --help at \(columns): a line ends early before \"\(word)\": \(line)")
      }
      let examples = Self.examples(lines)
      #expect(!examples.isEmpty, "\(name) --help has no examples")
      for line in examples {
        // A wrapped example goes on at the left margin, outside the block's indent.
        #expect(
          line.hasPrefix("  ") && line.dropFirst(2).first != " ",
          "\(name) --help at \(columns): an example is broken: \(line)")
      }
      examplesAt[columns] = examples
    }
    #expect(examplesAt[80] == examplesAt[120], "\(name): the examples differ by width")
  }
}
