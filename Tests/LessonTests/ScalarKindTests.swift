import Testing
import Yams

@testable import Lesson
@testable import Model

/// `ScalarKind` must name every scalar as Yams' default resolver does: lessons are read
/// with the basic resolver for speed, and the readers' messages and type checks depend on
/// the kind. Yams itself is the reference here.
@Suite struct ScalarKindTests {
  /// The kind Yams' default rules give a plain scalar with this text.
  static func yamsKind(_ text: String) -> Yams.Tag.Name {
    Resolver.default.resolveTag(of: .scalar(.init(text, Yams.Tag(.implicit), .plain)))
  }

  static let tricky = [
    "", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "yES", "no", "on", "Off",
    "true", "False", "y", "n", "0", "00", "007", "08", "-0", "+0", "12", "-12", "+12",
    "1_000", "0x1F", "0b101", "0o17", "1:30", "1:30.5", "1.", ".5", "-.5", "1.5", "-1.5",
    "+1.5", "01.5", "1.5.5", "1e5", "1e+5", "1.5e-3", "1E5", ".inf", "-.inf", "+.inf",
    ".nan", ".NaN", "<<", "=", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "-", "+",
    ".", "..", "dog", "W_e", "a1", "x = 1", "1 2", "1-2", "5 ", "é", "über", "_1", "1a",
  ]

  @Test(arguments: tricky)
  func decidedFormsMatchYams(text: String) {
    if let kind = ScalarKind.decided(text) {
      #expect(kind == Self.yamsKind(text), "\(text)")
    }
  }

  @Test(arguments: tricky)
  func everyPlainScalarMatchesYams(text: String) {
    let scalar = Node.Scalar(text, Yams.Tag(.implicit, .basic), .plain)
    #expect(ScalarKind.of(scalar) == Self.yamsKind(text), "\(text)")
  }

  /// Every string of up to four characters from an alphabet of the characters YAML's
  /// rules look at: where `decided` answers, it answers as Yams does.
  @Test func shortStringsFromTheRulesAlphabetMatchYams() {
    let alphabet = Array("09_.-+:eExyonNtl~<=a ")
    var mismatches: [String] = []
    var decidedCount = 0
    var texts = [""]
    for _ in 1...3 {
      texts = texts.flatMap { text in alphabet.map { text + String($0) } }
      for text in texts {
        guard let kind = ScalarKind.decided(text) else { continue }
        decidedCount += 1
        if kind != Self.yamsKind(text) { mismatches.append(text) }
      }
    }
    #expect(mismatches == [])
    #expect(decidedCount > 1000)  // the check above checked something
  }

  /// Kinds read through `ScalarKind` from a document composed with the basic resolver
  /// equal the kinds Yams gives the same document composed with its default resolver:
  /// keys and values, quoted, tagged and block scalars. (Keys are words here: the
  /// basic resolver tags a key `!!str` as it composes, which reads as a tag written by
  /// hand, so `5:` is text; the lesson reader never asks a key's kind.)
  @Test func aDocumentReadsAsWithTheDefaultResolver() throws {
    let yaml = """
      title: "yes"
      seed: 5
      other: !!int "6"
      plain: ! 7
      quoted: '8'
      block: |
        9
      list: [yes, ~, 1.5, 1e+5, dog, 0x1F, "", 2001-12-14]
      tagged: !!str 5
      """
    let basic = try #require(try Yams.compose(yaml: yaml, .basic))
    let reference = try #require(try Yams.compose(yaml: yaml))
    var basicKinds: [Yams.Tag.Name] = []
    var referenceKinds: [Yams.Tag.Name] = []
    Self.collectKinds(basic, into: &basicKinds) { $0.kind }
    Self.collectKinds(reference, into: &referenceKinds) { Yams.Tag.Name(rawValue: $0.tag.rawValue) }
    #expect(basicKinds.count == 23)
    #expect(basicKinds == referenceKinds)
  }

  /// The bundled lesson's scalars are all decided without Yams' regular expressions
  /// (the point of `ScalarKind`), and as Yams would decide them.
  @Test func theBundledLessonNeedsNoRegularExpressions() throws {
    let text = BundledLessons.standard.text
    let basic = try #require(try Yams.compose(yaml: text, .basic))
    var texts: [String] = []
    Self.collectScalars(basic, into: &texts)
    #expect(texts.count > 100)
    let undecided = texts.filter { ScalarKind.decided($0) == nil }
    #expect(undecided == [])
    let reference = try #require(try Yams.compose(yaml: text))
    var basicKinds: [Yams.Tag.Name] = []
    var referenceKinds: [Yams.Tag.Name] = []
    Self.collectKinds(basic, into: &basicKinds) { $0.kind }
    Self.collectKinds(reference, into: &referenceKinds) { Yams.Tag.Name(rawValue: $0.tag.rawValue) }
    #expect(basicKinds == referenceKinds)
  }

  static func collectKinds(
    _ node: Node, into kinds: inout [Yams.Tag.Name], _ kind: (Node) -> Yams.Tag.Name
  ) {
    switch node {
    case .scalar: kinds.append(kind(node))
    case .sequence(let sequence): for item in sequence { collectKinds(item, into: &kinds, kind) }
    case .mapping(let mapping):
      for (key, value) in mapping {
        collectKinds(key, into: &kinds, kind)
        collectKinds(value, into: &kinds, kind)
      }
    case .alias: break
    }
  }

  static func collectScalars(_ node: Node, into texts: inout [String]) {
    switch node {
    case .scalar(let scalar) where scalar.style == .plain: texts.append(scalar.string)
    case .scalar, .alias: break
    case .sequence(let sequence): for item in sequence { collectScalars(item, into: &texts) }
    case .mapping(let mapping):
      for (key, value) in mapping {
        collectScalars(key, into: &texts)
        collectScalars(value, into: &texts)
      }
    }
  }
}
