/// How fast autoplay goes, as a multiple of the normal pace.
public struct PlaybackSpeed: Equatable, Sendable {
  /// The steps of `+` and `-`, slowest first.
  public static let multiples: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16]
  public static let normalLevel = 2
  /// One operation a second at normal speed: time to read the narration.
  static let normalDelayMilliseconds = 1000.0

  public private(set) var level: Int

  public init(level: Int = PlaybackSpeed.normalLevel) {
    self.level = min(max(level, 0), PlaybackSpeed.multiples.count - 1)
  }

  public static let normal = PlaybackSpeed()

  public var multiple: Double { PlaybackSpeed.multiples[level] }
  /// The wait between two autoplay steps.
  public var delayMilliseconds: Int { Int(PlaybackSpeed.normalDelayMilliseconds / multiple) }
  /// Reading pace at normal speed: about 240 words a minute.
  static let millisecondsPerWord = 250.0

  /// The wait after a step that shows `words` words of new text: a second, or the time
  /// to read them if longer, scaled by the speed.
  public func delayMilliseconds(reading words: Int) -> Int {
    let reading = max(
      PlaybackSpeed.normalDelayMilliseconds, Double(words) * PlaybackSpeed.millisecondsPerWord)
    return Int(reading / multiple)
  }
  public var isFastest: Bool { level == PlaybackSpeed.multiples.count - 1 }
  public var isSlowest: Bool { level == 0 }

  public func faster() -> PlaybackSpeed { PlaybackSpeed(level: level + 1) }
  public func slower() -> PlaybackSpeed { PlaybackSpeed(level: level - 1) }

  /// `1×`, `0.5×`, `16×`.
  public var label: String {
    let m = multiple
    let text = m == m.rounded() ? String(Int(m)) : String(m)
    return text + "×"
  }
}
