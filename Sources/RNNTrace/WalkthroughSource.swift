import Model

/// What a command walks through: an ad-hoc model from the model options, or a lesson.
enum WalkthroughSource {
  case adHoc
  case lesson(LoadedLesson)

  /// Model options win when given; lesson options when given; otherwise
  /// `fallback` decides (`print` and the player open the bundled lesson, `export`
  /// writes the default ad-hoc model).
  static func resolve(model: ModelOptions, lesson: LessonOptions, preferLesson: Bool) throws
    -> WalkthroughSource
  {
    if lesson.isGiven && !model.isDefault {
      throw CommandError(
        .usage,
        "--lesson/--chapter and the model options (--variant, --seed, --inputs, --hidden, --sentence) describe different walkthroughs; give one or the other"
      )
    }
    if lesson.isGiven || (model.isDefault && preferLesson) {
      return .lesson(try lesson.load())
    }
    return .adHoc
  }
}
