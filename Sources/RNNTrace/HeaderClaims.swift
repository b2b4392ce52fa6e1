import Lesson
import Model
import TraceLog

/// What a log's header says about where its parameters came from, checked against
/// the parameters themselves: an ad-hoc model's seed (with its variant and sizes)
/// draws them, and a bundled lesson's chapter makes them by its recipe. A header
/// that claims neither (a lesson of the user's own, or parameters from elsewhere)
/// is verified on its parameters alone.
enum HeaderClaims {
  /// Why the header's claim does not hold; nil when it holds or nothing is claimed.
  static func mismatch(_ header: TraceHeader) -> String? {
    if let seed = header.seed {
      let claim =
        "the header says seed \(seed) (\(header.variant.rawValue), inputs \(header.inputs), hidden \(header.hidden), \(header.vocabulary.count) vocabulary words)"
      let spec = ModelSpec(
        variant: header.variant, seed: seed, inputs: header.inputs, hidden: header.hidden,
        words: header.vocabulary)
      var first: String?
      // The log does not say which of PyTorch's normal kernels drew it: either will do.
      for kernel in kernels {
        guard let drawn = draws(spec, kernel: kernel, withHead: header.loss != nil) else {
          return "\(claim), but no such model can be drawn"
        }
        guard let difference = difference(header.parameters, drawn) else {
          return nil
        }
        first = first ?? difference
      }
      return "\(claim), but its parameters are not that seed's draws: \(first ?? "")"
    }
    guard let (title, chapter) = bundledChapter(titled: header.source) else { return nil }
    let claim = "the header says it is \(quoted(title))"
    guard chapter.variant == header.variant, chapter.inputs == header.inputs,
      chapter.hidden == header.hidden, chapter.words == header.words
    else {
      return "\(claim), but its variant, sizes or words are not that chapter's"
    }
    var first: String?
    if header.loss != nil, chapter.lossRefusal != nil {
      return "\(claim), but that chapter cannot go on to a loss"
    }
    for kernel in kernels {
      let built = chapter.makeModel(kernel: kernel)
      guard built.vocabulary == header.vocabulary else {
        return "\(claim), but its vocabulary is not that chapter's"
      }
      var parameters = built.parameters
      if header.loss != nil {
        // A chapter's head is drawn next from the stream its last draw group leaves.
        let head = chapter.tensorsAndHead(kernel: kernel).head
        parameters += [
          NamedTensor("head.weight", head.weight), NamedTensor("head.bias", head.bias),
        ]
      }
      guard let difference = difference(header.parameters, parameters) else { return nil }
      first = first ?? difference
    }
    return "\(claim), but its parameters are not that chapter's recipe: \(first ?? "")"
  }

  /// The parameters `spec` draws, and with `withHead` the prediction head's, drawn next
  /// from the same generator (a log with a loss).
  private static func draws(_ spec: ModelSpec, kernel: TorchGenerator.Kernel, withHead: Bool)
    -> [NamedTensor]?
  {
    guard withHead else { return try? spec.build(kernel: kernel).parameters }
    guard let built = try? spec.buildWithHead(kernel: kernel) else { return nil }
    return built.model.parameters + [
      NamedTensor("head.weight", built.head.weight), NamedTensor("head.bias", built.head.bias),
    ]
  }

  /// The platform's kernel first, so that the difference reported is the one a
  /// user of this machine expects.
  private static var kernels: [TorchGenerator.Kernel] {
    [.platformDefault] + TorchGenerator.Kernel.allCases.filter { $0 != .platformDefault }
  }

  /// The first parameter value that differs, by name.
  private static func difference(_ found: [NamedTensor], _ drawn: [NamedTensor]) -> String? {
    for want in drawn {
      guard let got = found.first(where: { $0.name == want.name }) else {
        return "it has no \(want.name)"
      }
      guard got.value.shape == want.value.shape else {
        return "\(want.name) has shape \(got.value.shape), not \(want.value.shape)"
      }
      let (a, b) = (got.value.scalars, want.value.scalars)
      if let k = a.indices.first(where: { a[$0].bitPattern != b[$0].bitPattern }) {
        return "\(want.name)[\(k)] is \(a[k]) where the draw is \(b[k])"
      }
    }
    return nil
  }

  /// The bundled lesson's chapter whose title (as `export` writes it) is `source`.
  private static func bundledChapter(titled source: String) -> (String, Chapter)? {
    for entry in BundledLessons.all {
      guard let lesson = try? entry.lesson() else { continue }
      let loaded = LoadedLesson(lesson: lesson, file: entry.fileName, only: nil)
      for number in lesson.chapters.indices.map({ $0 + 1 })
      where loaded.title(of: number) == source {
        return (source, lesson.chapters[number - 1])
      }
    }
    return nil
  }

  private static func quoted(_ text: String) -> String {
    "\"\(text.prefix(80))\""
  }
}
