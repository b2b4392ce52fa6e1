import ArgumentParser
import Lesson
import Model

/// `--set 'NAME[i,j]=VALUE'`, repeatable: what-if edits to the model's parameters
/// before it runs, shared by `print`, `export` and `play`.
struct EditOptions: ParsableArguments {
  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "What if a parameter's element had this value: NAME as a log's header names it (w_h, We.weight, h0, embedding.weight; with a loss, head.weight and head.bias too), indices from 0 in its shape. Repeatable.",
      valueName: "NAME[i,j]=VALUE"))
  var texts: [String] = []

  /// The edits, read when the options are validated.
  var edits: [ParameterEdit] {
    texts.map { try! ParameterEdit.parse($0) }
  }

  var isEmpty: Bool { texts.isEmpty }

  func validate() throws {
    for text in texts {
      do {
        _ = try ParameterEdit.parse(text)
      } catch {
        throw ValidationError("--set \(error.description)")
      }
    }
  }

  /// `model` with the edits applied, and what each changed; a name or index the
  /// model does not have is a usage error naming the accepted form.
  func apply(to model: RNNModel) throws -> (model: RNNModel, applied: [AppliedEdit]) {
    do {
      return try model.applying(edits)
    } catch {
      throw CommandError(.usage, "--set \(error.description)")
    }
  }

  /// A lesson's one chapter, run with the edits; a lesson of several chapters needs
  /// `--chapter`, as their models differ.
  func chapter(
    of loaded: LoadedLesson, kernel: TorchGenerator.Kernel, kernels: KernelFamily = .amd
  ) throws -> (
    number: Int, run: ChapterTrace, applied: [AppliedEdit]
  ) {
    guard let number = loaded.only ?? (loaded.lesson.chapters.count == 1 ? 1 : nil) else {
      throw CommandError(
        .usage,
        "--set: \(loaded.file) has \(loaded.lesson.chapters.count) chapters, each with its own model; choose the one to edit with --chapter 1 … \(loaded.lesson.chapters.count)"
      )
    }
    let chapter = loaded.lesson.chapters[number - 1]
    let original = loaded.run(number, kernel: kernel, kernels: kernels)
    if let training = original.training {
      // The edits reach the head too: the loss, the backward pass and the rounds follow.
      let (learner, applied): (Learner, [AppliedEdit])
      do {
        (learner, applied) = try training.learner.applying(edits)
      } catch {
        throw CommandError(.usage, "--set \(error.description)")
      }
      return (number, chapter.run(learner, tensors: original.tensors, loss: training.loss), applied)
    }
    let (edited, applied) = try apply(to: original.trace.model)
    let run = ChapterTrace(
      chapter: chapter, tensors: original.tensors, trace: edited.trace(chapter.words))
    return (number, run, applied)
  }

  /// What the text output, the player and a log's source say after "what-if: ":
  /// `w_h[0,0] = 1.5 (was -0.2138), from the ad-hoc model`.
  static func banner(_ applied: [AppliedEdit], from original: String) -> String {
    "\(applied.map(\.description).joined(separator: ", ")), from \(original)"
  }
}
