import Foundation
import Lesson
import Model
import TestSupport
import Testing
import TraceLog

/// `--weights FILE.safetensors --vocab FILE`: a model trained elsewhere, on print,
/// export and play; every bad input one line, its status, nothing written.
@Suite struct WeightsCommandTests {
  /// The bundled lesson's chapter 5 model (RNN(4, 2), the page's second class), as
  /// `safetensors.torch.save_file(model.state_dict())` would hold it, with h0.
  static let chapter5: [(String, [Int], [Float])] = {
    let model = try! BundledLessons.standard.lesson().chapters[4].makeModel()
    let names = [
      "embedding.weight": "embedding.weight", "h0": "h0", "We.weight": "We.weight",
      "We.bias": "We.bias", "Wh.weight": "Wh.weight", "Wh.bias": "Wh.bias",
    ]
    return model.parameters.map { (names[$0.name]!, Array($0.value.shape), $0.value.scalars) }
  }()

  static let vocabulary = "the\ndog\njumped\nover\na\n"

  /// The hidden states the page prints for RNN(4, 2) (In[150]).
  static let pageStates = [
    "h_0 = [[-0.8746, -1.1934]]", "h_1 = [[0.7477, 0.7169]]", "h_2 = [[0.7183, 0.0297]]",
    "h_3 = [[-0.0921, -0.0526]]", "h_4 = [[0.3248, 0.5440]]", "h_5 = [[0.6136, 0.2024]]",
  ]

  /// Safetensors bytes, built as the format says: 8-byte little-endian header length,
  /// the JSON header, the float32 data.
  static func safetensors(_ tensors: [(String, [Int], [Float])]) -> Data {
    var entries: [String] = []
    var data: [UInt8] = []
    for (name, shape, values) in tensors {
      let begin = data.count
      for value in values {
        data += (0..<4).map { UInt8(truncatingIfNeeded: value.bitPattern >> (8 * $0)) }
      }
      entries.append(
        "\"\(name)\":{\"dtype\":\"F32\",\"shape\":\(shape),\"data_offsets\":[\(begin),\(data.count)]}"
      )
    }
    let header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
    let length = UInt64(header.count)
    return Data((0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + header + data)
  }

  /// A scratch directory with `model.safetensors` and `vocab.txt`.
  static func files(
    _ tensors: [(String, [Int], [Float])] = chapter5, vocabulary: String = vocabulary
  ) throws -> ScratchDirectory {
    let scratch = try ScratchDirectory()
    try safetensors(tensors).write(to: URL(fileURLWithPath: scratch.path("model.safetensors")))
    try Data(vocabulary.utf8).write(to: URL(fileURLWithPath: scratch.path("vocab.txt")))
    return scratch
  }

  static func weights(_ scratch: borrowing ScratchDirectory) -> [String] {
    ["--weights", scratch.path("model.safetensors"), "--vocab", scratch.path("vocab.txt")]
  }

  static func states(_ printed: String) -> [String] {
    printed.split(separator: "\n").drop { $0 != "Hidden states" }.dropFirst()
      .map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test func printsThePagesStatesFromItsWeights() throws {
    let scratch = try Self.files()
    let result = try RNNTraceBinary.run(["print"] + Self.weights(scratch))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("Trained model: linear-tanh from model.safetensors"))
    #expect(Self.states(result.stdout) == Self.pageStates)
  }

  /// The same tensors as an `nn.RNN`'s state dict (`rnn.weight_ih_l0` …, in its order):
  /// the torch-rnn variant, and the page's states at every printed digit.
  @Test func loadsAnRNNsStateDictAsTorchRNN() throws {
    let byName = Dictionary(uniqueKeysWithValues: Self.chapter5.map { ($0.0, $0) })
    let renamed = [
      ("embedding.weight", "embedding.weight"), ("h0", "h0"), ("We.weight", "rnn.weight_ih_l0"),
      ("Wh.weight", "rnn.weight_hh_l0"), ("We.bias", "rnn.bias_ih_l0"),
      ("Wh.bias", "rnn.bias_hh_l0"),
    ].map { (old, new) in (new, byName[old]!.1, byName[old]!.2) }
    let scratch = try Self.files(renamed)
    let result = try RNNTraceBinary.run(["print"] + Self.weights(scratch))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Trained model: torch-rnn from model.safetensors"))
    #expect(Self.states(result.stdout) == Self.pageStates)
  }

  /// A vocabulary written on Windows: a byte-order mark, CRLF line breaks, no final one.
  @Test func readsAVocabularyWithCRLFAndAByteOrderMark() throws {
    let scratch = try Self.files(vocabulary: "\u{FEFF}the\r\ndog\r\njumped\r\nover\r\na")
    let result = try RNNTraceBinary.run(["print"] + Self.weights(scratch))
    #expect(result.status == 0, "\(result.stderr)")
    #expect(Self.states(result.stdout) == Self.pageStates)
  }

  @Test func exportNamesTheFileAndItsDigestAndVerifies() throws {
    let scratch = try Self.files()
    let log = scratch.path("mine.jsonl")
    let result = try RNNTraceBinary.run(
      ["export"] + Self.weights(scratch) + ["--sentence", "a dog", "-o", log])
    #expect(result.status == 0, "\(result.stderr)")
    let header = try String(contentsOfFile: log, encoding: .utf8).prefix { $0 != "\n" }
    // The digest as the system's own tool computes it, where there is one.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("model.safetensors")))
    let digest = SHA256.hex([UInt8](bytes))
    #expect(header.contains("\"source\":\"weights model.safetensors (sha256 \(digest))\""))
    if let sum = try? Self.sha256sum(scratch.path("model.safetensors")) { #expect(sum == digest) }
    #expect(header.contains("\"seed\":null"))
    #expect(header.contains("\"words\":[\"a\",\"dog\"]"))
    let verified = try RNNTraceBinary.run(["verify", log])
    #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    #expect(verified.stdout.contains("verified: 16 events over 2 words"))
  }

  static func sha256sum(_ path: String) throws -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: out, as: UTF8.self).split(separator: " ").first.map(String.init)
  }

  /// Each mistake: one line on standard error, the status, and -o left as it was.
  @Test func badInputIsOneLineAndWritesNothing() throws {
    let scratch = try Self.files()
    let model = scratch.path("model.safetensors")
    let vocab = scratch.path("vocab.txt")
    let short = scratch.path("short.txt")
    try Data("the\ndog\n".utf8).write(to: URL(fileURLWithPath: short))
    let empty = scratch.path("empty.txt")
    try Data().write(to: URL(fileURLWithPath: empty))
    let junk = scratch.path("junk.safetensors")
    try Data("PK\u{3}\u{4} a zip file, not tensors".utf8).write(to: URL(fileURLWithPath: junk))
    let rnn = scratch.path("rnn.safetensors")
    try Self.safetensors(
      [Self.chapter5[0]]
        + ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"].map {
          ("rnn.\($0)", [1], [0])
        }
    ).write(to: URL(fileURLWithPath: rnn))
    let out = scratch.path("kept.jsonl")
    try Data("precious\n".utf8).write(to: URL(fileURLWithPath: out))
    let cases: [([String], Int32, String)] = [
      (["--weights", scratch.path("none.safetensors"), "--vocab", vocab], 66, "no such file"),
      (["--weights", model, "--vocab", scratch.path("none.txt")], 66, "--vocab"),
      (["--weights", model, "--vocab", empty], 65, "the file is empty"),
      (["--weights", model, "--vocab", short], 65, "has 2 words, but the embedding"),
      (["--weights", junk, "--vocab", vocab], 65, "not a safetensors file"),
      (["--weights", rnn, "--vocab", vocab], 65, "\"rnn.weight_ih_l0\" has shape [1]"),
      (["--weights", model, "--vocab", vocab, "--sentence", "the cat"], 65, "\"cat\""),
      (["--weights", model, "--vocab", vocab, "--seed", "3"], 64, "--weights and --seed"),
      (["--weights", model, "--vocab", vocab, "--inputs", "4"], 64, "--weights and --inputs"),
      (["--weights", model, "--vocab", vocab, "--hidden", "2"], 64, "--weights and --hidden"),
      (["--weights", model, "--vocab", vocab, "--chapter", "2"], 64, "--weights and --chapter"),
      (["--weights", model], 64, "--weights needs --vocab"),
      (["--vocab", vocab], 64, "give --weights"),
    ]
    for (arguments, status, message) in cases {
      for command in ["print", "export"] {
        let extra = command == "export" ? ["-o", out] : []
        let result = try RNNTraceBinary.run([command] + arguments + extra)
        #expect(result.status == status, "\(command) \(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("rnntrace: error: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
      }
    }
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "precious\n")
    #expect(
      try scratch.contents() == [
        "empty.txt", "junk.safetensors", "kept.jsonl", "model.safetensors", "rnn.safetensors",
        "short.txt", "vocab.txt",
      ])
  }

  /// `--set` edits the file's model: the header records the edits and the file it came
  /// from, the states follow the edited model exactly, and verify passes.
  @Test func setEditsTheLoadedModel() throws {
    let scratch = try Self.files()
    let log = scratch.path("whatif.jsonl")
    let edits = ["--set", "Wh.weight[0,1]=1.5", "--set", "h0[0,0]=0.5"]
    var arguments: [String] = ["export"]
    arguments += Self.weights(scratch)
    arguments += edits
    arguments += ["--sentence", "a dog the", "-o", log]
    let result = try RNNTraceBinary.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    let header = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    let source = try #require(header["source"] as? String)
    #expect(source.hasPrefix("what-if: Wh.weight[0,1] = 1.5 (was "))
    #expect(source.contains(", h0[0,0] = 0.5 (was -0.87"))
    #expect(source.contains("from weights model.safetensors (sha256 "))
    let recorded = try #require(header["edits"] as? [[String: Any]])
    let names: [String] = recorded.compactMap { $0["name"] as? String }
    #expect(names == ["Wh.weight", "h0"])
    // The states are those of the file's model with the two elements set.
    let model = try BundledLessons.standard.lesson().chapters[4].makeModel()
    let edited = try model.applying([
      ParameterEdit(name: "Wh.weight", index: [0, 1], value: 1.5),
      ParameterEdit(name: "h0", index: [0, 0], value: 0.5),
    ]).model
    let sentence = ["a", "dog", "the"]
    let expected: [[Float]] = edited.hiddenStates(for: sentence).dropFirst().map { $0.scalars }
    let unedited: [[Float]] = model.hiddenStates(for: sentence).dropFirst().map { $0.scalars }
    var states: [[Float]] = []
    for line in lines.dropFirst() {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
      guard let event = object as? [String: Any], event["op"] as? String == "hidden_state",
        let row = event["value"] as? [Double]
      else { continue }
      states.append(row.map { Float($0) })
    }
    #expect(states == expected)
    #expect(states != unedited)
    let verified = try RNNTraceBinary.run(["verify", log])
    #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")

    let printed = try RNNTraceBinary.run(["print"] + Self.weights(scratch) + edits)
    #expect(printed.status == 0, "\(printed.stderr)")
    #expect(printed.stdout.hasPrefix("WHAT-IF: Wh.weight[0,1] = 1.5 (was "))
    #expect(printed.stdout.contains("from the model in model.safetensors"))

    // A name the file's model lacks: one line, exit 64, nothing written.
    let out = scratch.path("none.jsonl")
    let bad = try RNNTraceBinary.run(
      ["export"] + Self.weights(scratch) + ["--set", "w_x[0]=1", "-o", out])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("this model has no parameter \"w_x\""))
    #expect(bad.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  /// In a pipe, play prints the walkthrough as print does.
  @Test func playInAPipePrintsTheWalkthrough() throws {
    let scratch = try Self.files()
    let played = try RNNTraceBinary.run(["play"] + Self.weights(scratch))
    let printed = try RNNTraceBinary.run(["print"] + Self.weights(scratch))
    #expect(played.status == 0)
    #expect(played.stdout == printed.stdout)
  }

  /// A file written by the safetensors library itself (skipped without it).
  @Test(.enabled(if: pythonHas("numpy", "safetensors.numpy")))
  func readsAFileTheLibraryWrote() throws {
    let scratch = try Self.files()
    let values = Self.chapter5.map { name, shape, values in
      "\"\(name)\": (\(shape), \(values.map { "\($0)" }))"
    }.joined(separator: ", ")
    let script = """
      import sys, numpy as np
      from safetensors.numpy import save_file
      tensors = {\(values)}
      save_file({k: np.array(v, dtype=np.float32).reshape(s) for k, (s, v) in tensors.items()},
                sys.argv[1], metadata={"format": "pt"})
      save_file({k: np.array(v, dtype=np.float64).reshape(s) for k, (s, v) in tensors.items()},
                sys.argv[2])
      """
    let f32 = scratch.path("lib.safetensors")
    let f64 = scratch.path("lib64.safetensors")
    let python = try runPython(script, [f32, f64])
    #expect(python.status == 0, "\(python.output)")
    for file in [f32, f64] {
      let result = try RNNTraceBinary.run(
        ["print", "--weights", file, "--vocab", scratch.path("vocab.txt")])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(Self.states(result.stdout) == Self.pageStates)
      // Float32 written as float64 comes back exactly, with a note that it was converted.
      if file == f64 {
        #expect(
          result.stderr.hasPrefix(
            "rnntrace: warning: --weights lib64.safetensors: 6 tensors converted to F32 (F64 rounded to nearest): "
          ))
        #expect(result.stderr.split(separator: "\n").count == 1)
        for name in ["embedding.weight", "h0", "We.weight", "We.bias", "Wh.weight", "Wh.bias"] {
          #expect(result.stderr.contains("\(name) (F64)"))
        }
      } else {
        #expect(result.stderr.isEmpty)
      }
    }
  }
}
