import Testing

@testable import Lesson
@testable import Model

/// `torch.rand` draws and `continue: N` groups: what they take from the generator.
struct LessonStreamTests {
  /// A one-word `linear` chapter (inputs 1, hidden 1) with the given draw groups; its
  /// model uses `e`, `h`, `wh`, `we`, which the groups must define.
  static func chapter(_ title: String, groups: String) -> String {
    """
      - title: \(title)
        variant: linear
        inputs: 1
        hidden: 1
        sentence: dog
        random:
    \(groups)
        model:
          embedding: e
          h0: h
          w_h: wh
          w_e: we

    """
  }

  static func lesson(_ chapters: String...) -> String {
    "title: Streams\nchapters:\n" + chapters.joined()
  }

  static func tensor(_ name: String, in chapter: Chapter) throws -> Tensor {
    try #require(chapter.tensors().first { $0.name == name }?.value, "no \(name)")
  }

  /// `torch.manual_seed(0); torch.rand(3)` is [0.4963, 0.7682, 0.0885] in PyTorch:
  /// exactly 0.49625658988952637, 0.7682217955589294, 0.08847743272781372 (the low 24
  /// bits of one word each, times 2^-24).
  @Test func randDrawsOneWordPerNumberInAnyShape() throws {
    let text = Self.lesson(
      Self.chapter(
        "Uniform",
        groups: """
                - seed: 0
                  draws:
                    - u = torch.rand(1, 3)
                    - e = torch.rand(1, 1)
                - seed: 0
                  draws:
                    - torch.rand(1, 2, 1)  # two words, discarded
                    - v = rand(1)
                    - h = torch.randn(1, 1)
                    - wh = torch.randn(1, 1)
                    - we = torch.randn(1, 1)
          """))
    let chapter = try LessonParser.parse(text, file: "rand.yaml").chapters[0]
    #expect(
      chapter.random.flatMap { $0.draws.map(\.code) } == [
        "u = torch.rand(1, 3)", "e = torch.rand(1, 1)", "torch.rand(1, 2, 1)",
        "v = torch.rand(1)", "h = torch.randn(1, 1)", "wh = torch.randn(1, 1)",
        "we = torch.randn(1, 1)",
      ])
    let u = try Self.tensor("u", in: chapter)
    #expect(u.shape == [1, 3])
    #expect(u.scalars == [0.49625658988952637, 0.7682217955589294, 0.08847743272781372])
    #expect(try Self.tensor("v", in: chapter).scalars == [0.08847743272781372])
    #expect(try Self.tensor("v", in: chapter).shape == [1])
    // Both kernels: x·1 + 0 is x, fused or not.
    let generic = chapter.tensors(kernel: .generic).first { $0.name == "u" }?.value
    #expect(generic == u)
    // rand takes one word each and leaves no cached normal: h is randn(1, 1) after
    // three words.
    var rng = TorchGenerator(seed: 0)
    _ = rng.next32()
    _ = rng.next32()
    _ = rng.next32()
    #expect(try Self.tensor("h", in: chapter) == rng.randn([1, 1]))
  }

  /// A group with `continue: 1` starts where chapter 1's last group left the
  /// generator, cached normal sample included (randn(1, 1) leaves one).
  @Test func continueGoesOnFromAnEarlierChaptersStream() throws {
    let first = Self.chapter(
      "First",
      groups: """
              - seed: 99
                draws:
                  - e = torch.randn(1, 1)
              - seed: 12
                draws:
                  - h = torch.randn(1, 1)
                  - wh = torch.randn(1, 1)
                  - torch.rand(110)
                  - lin = nn.Linear(1, 1, bias=False)
                  - we = torch.randn(1, 1)
        """)
    let second = Self.chapter(
      "Second",
      groups: """
              - seed: 99
                draws:
                  - e = torch.randn(1, 1)
              - continue: 1
                draws:
                  - h = torch.randn(1, 1)
                  - wh = torch.randn(1, 1)
                  - lin = nn.Linear(1, 1, bias=False)
                  - we = torch.randn(1, 1)
        """)
    let third = Self.chapter(
      "Third",
      groups: """
              - continue: 2
                draws:
                  - e = torch.randn(1, 1)
                  - h = torch.randn(1, 1)
                  - wh = torch.randn(1, 1)
                  - we = torch.randn(1, 1)
        """)
    let lesson = try LessonParser.parse(
      Self.lesson(first, second, third), file: "continue.yaml")
    // The same calls on one generator, from seed 12.
    var rng = TorchGenerator(seed: 12)
    let h1 = rng.randn([1, 1])
    let wh1 = rng.randn([1, 1])
    _ = rng.uniform(count: 110, from: 0, to: 1)
    let lin1 = rng.linear(inFeatures: 1, outFeatures: 1, bias: false).weight
    let we1 = rng.randn([1, 1])
    #expect(rng.hasCachedNormal)
    let h2 = rng.randn([1, 1])
    let wh2 = rng.randn([1, 1])
    let lin2 = rng.linear(inFeatures: 1, outFeatures: 1, bias: false).weight
    let we2 = rng.randn([1, 1])
    let e3 = rng.randn([1, 1])
    let h3 = rng.randn([1, 1])
    let wh3 = rng.randn([1, 1])
    let we3 = rng.randn([1, 1])
    let (one, two, three) = (lesson.chapters[0], lesson.chapters[1], lesson.chapters[2])
    #expect(try [Self.tensor("h", in: one), Self.tensor("wh", in: one)] == [h1, wh1])
    #expect(try [Self.tensor("lin.weight", in: one), Self.tensor("we", in: one)] == [lin1, we1])
    #expect(
      try ["h", "wh", "lin.weight", "we"].map { try Self.tensor($0, in: two) } == [
        h2, wh2, lin2, we2,
      ])
    #expect(
      try ["e", "h", "wh", "we"].map { try Self.tensor($0, in: three) } == [e3, h3, wh3, we3])
    #expect(two.random[1].continuedChapter == 1)
    #expect(two.random[1].seed == 12)
    #expect(three.random[0].continuedChapter == 2)
    #expect(three.random[0].replayed.count == 9)
    #expect(three.random[0].replayed.allSatisfy { $0.name == nil })
  }

  @Test func drawParserRefusesBadRandCalls() {
    let cases: [(String, Int, String)] = [
      ("torch.rand()", 0, "`torch.rand` with 0 sizes in `torch.rand()`"),
      ("u = torch.rand(2, 2, 2)", 4, "`torch.rand` with 3 sizes in `u = torch.rand(2, 2, 2)`"),
      ("torch.rand(3, -1)", 14, "size -1 in `torch.rand(3, -1)`"),
      ("torch.rand(3, bias=False)", 14, "`bias` in the draw `torch.rand(3, bias=False)`"),
      (
        "torch.rand(4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096)", 0,
        "`torch.rand(4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096)` would draw more than"
          + " 16777216 numbers"
      ),
      ("torch.rand(3", 12, "the end of the draw after the sizes in `torch.rand(3`"),
    ]
    for (text, offset, found) in cases {
      do {
        _ = try DrawParser.parse(text)
        Issue.record("\(text) parsed")
      } catch {
        #expect(error.offset == offset, "\(text)")
        #expect(error.found == found, "\(text)")
      }
    }
  }
}
