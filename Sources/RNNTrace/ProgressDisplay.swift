#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The progress of long work, one line on standard error redrawn in place a few times
/// a second, once the work has lasted half a second, and erased at the end.
///
/// `update` is called once per unit of work (a word, a round) and costs an increment
/// and a test on most calls: the clock is read every `stride` calls only, so the
/// work loop needs no thread and no timer. Nothing is drawn when disabled (standard
/// error is not a terminal, or `--quiet`).
final class ProgressDisplay {
  /// Nothing is drawn before this many nanoseconds of work: quick work stays silent.
  static let delay: UInt64 = 500_000_000
  /// At most one drawing per this many nanoseconds.
  static let interval: UInt64 = 200_000_000

  private let line: ProgressLine
  private let enabled: Bool
  private let clock: () -> UInt64
  private let write: (String) -> Void
  private let width: Int
  private let stride: Int
  private let start: UInt64
  private var calls = 0
  private var nextDrawing: UInt64
  /// The columns of the last line drawn, to blank them; 0 when nothing is shown.
  private var shown = 0

  /// `clock` gives monotonic nanoseconds; `write` takes the terminal's bytes.
  init(
    _ line: ProgressLine, enabled: Bool, stride: Int = 64, width: Int = 80,
    clock: @escaping () -> UInt64 = ProgressDisplay.monotonicNanoseconds,
    write: @escaping (String) -> Void = ProgressDisplay.writeStandardError
  ) {
    self.line = line
    self.enabled = enabled
    self.clock = clock
    self.write = write
    self.width = width
    self.stride = max(1, stride)
    start = enabled ? clock() : 0
    nextDrawing = start &+ Self.delay
  }

  /// A display for `label`'s work on this process's standard error, shown only when
  /// it is a terminal and `quiet` is not set, and, when the work writes to standard
  /// output as it goes, only if that is not the same screen.
  static func standardError(
    _ label: String, unit: String = "words", total: Int?, quiet: Bool,
    writesStandardOutput: Bool = false, stride: Int = 64
  ) -> ProgressDisplay {
    let enabled =
      !quiet && isatty(2) == 1 && !(writesStandardOutput && isatty(1) == 1)
    return ProgressDisplay(
      ProgressLine(label: label, unit: unit, total: total), enabled: enabled, stride: stride,
      width: enabled ? terminalColumns() - 1 : 80)
  }

  /// Records that `done` units are done; draws when it is time.
  func update(_ done: Int) {
    guard enabled else { return }
    calls &+= 1
    guard calls % stride == 0 else { return }
    let now = clock()
    guard now >= nextDrawing else { return }
    nextDrawing = now &+ Self.interval
    draw(line.text(done: done, seconds: Double(now &- start) / 1e9, width: width))
  }

  /// Erases the line, if one is shown; call it when the work ends, however it ends.
  func finish() {
    guard shown > 0 else { return }
    write("\r" + String(repeating: " ", count: shown) + "\r")
    shown = 0
    Self.onScreen = 0
    stopErasingOnSignals()
  }

  // Spaces rather than an erase sequence, so that any terminal is left clean.
  private func draw(_ text: String) {
    if shown == 0 { eraseOnSignals() }
    let columns = text.count
    // Set before the write: a signal that arrives once the line is on screen must find
    // its width, or the handler would leave the line behind.
    Self.onScreen = Int32(max(shown, columns))
    write("\r" + text + String(repeating: " ", count: max(0, shown - columns)))
    shown = max(shown, columns)
  }

  // MARK: A stop by a signal

  /// The columns of the line on standard error, for a signal handler to blank; 0 when
  /// none is shown. Written only outside the handlers.
  nonisolated(unsafe) private static var onScreen: Int32 = 0
  /// Spaces to blank it with, allocated before any handler may read them.
  nonisolated(unsafe) private static var blanks: UnsafeMutablePointer<UInt8>?
  /// The signals whose default action (ending the process) this display replaced with
  /// one that erases its line first.
  private var replaced: [(Int32, sigaction)] = []

  static let stoppingSignals = [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM]

  /// Ctrl-C or a kill mid-work would leave the line on the terminal: where a signal
  /// would end the process at once (its default action), it first erases the line and
  /// then ends it as before (`ProcessSignals.end`, which erases it for the handlers
  /// already in place too: an export's removal of its temporary file).
  private func eraseOnSignals() {
    for signal in Self.stoppingSignals {
      var old = sigaction()
      sigaction(signal, nil, &old)
      guard unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == 0 else { continue }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in ProcessSignals.end(by: signal) }
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
      replaced.append((signal, old))
    }
  }

  private func stopErasingOnSignals() {
    for (signal, var action) in replaced { sigaction(signal, &action, nil) }
    replaced = []
  }

  /// Makes what `eraseFromSignalHandler` reads, at start-up: a Swift static is made on
  /// first use, under a lock that a handler interrupting its making would wait on
  /// forever.
  static func prepareForSignals() {
    onScreen = 0
    let spaces = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    spaces.initialize(repeating: UInt8(ascii: " "), count: 256)
    blanks = spaces
  }

  /// Blanks the line from a signal handler: write(2) only, of bytes made beforehand.
  static func eraseFromSignalHandler() {
    var columns = Int(onScreen)
    guard columns > 0, let blanks else { return }
    var carriageReturn = UInt8(ascii: "\r")
    _ = Glibc.write(2, &carriageReturn, 1)
    while columns > 0 {
      let n = Glibc.write(2, blanks, min(columns, 256))
      guard n > 0 else { break }
      columns -= n
    }
    _ = Glibc.write(2, &carriageReturn, 1)
  }

  static func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
  }

  /// Best effort: a progress line that cannot be written is not worth an error.
  static func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Glibc.write(2, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
  }

  private static func terminalColumns() -> Int {
    var size = winsize()
    guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 1 else { return 80 }
    return Int(size.ws_col)
  }
}
