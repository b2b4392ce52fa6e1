import CNcurses

#if canImport(Glibc)
  import Glibc
#endif

/// Gives the terminal back whatever ends the process while curses runs: a fatal signal
/// (a Swift trap arrives as SIGILL or SIGTRAP), or a request to stop (SIGTERM, SIGHUP,
/// SIGINT, SIGQUIT, SIGUSR1, SIGUSR2 or SIGALRM sent by `kill`).
///
/// The handler calls `endwin`, puts back the handler that was there before (the Swift
/// runtime's backtracer, or the default), and lets the signal take its usual course, so
/// the backtrace and the exit status are the ordinary ones. `endwin` is not
/// async-signal-safe, but ncurses' own handlers make the same call before exiting.
enum TerminalRestorer {
  static let signals: [Int32] = [
    SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGTERM, SIGHUP, SIGINT, SIGQUIT,
    SIGUSR1, SIGUSR2, SIGALRM,
  ]

  // Written before the handlers are installed and after they are removed; the handler
  // only reads it.
  nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(
    capacity: signals.count)
  nonisolated(unsafe) private static var isInstalled = false

  static func install() {
    guard !isInstalled else { return }
    isInstalled = true
    for (i, sig) in signals.enumerated() {
      rnn_set_signal_handler(sig, restoreAndResignal, previous + i)
    }
  }

  static func remove() {
    guard isInstalled else { return }
    isInstalled = false
    for (i, sig) in signals.enumerated() {
      rnn_restore_signal_handler(sig, previous + i)
    }
  }

  private static let restoreAndResignal:
    @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
      sig, info, _ in
      endwin()
      TerminalRestorer.remove()
      // A fault re-executes its instruction when the handler returns, and so reaches the
      // restored handler with its real context; a signal that was sent is sent again.
      // A request to stop is raised again whoever sent it: the kernel's SIGHUP when the
      // terminal closes (an SSH link drops, a window is closed) looks like a fault by its
      // code, and returning from it left the player reading a dead terminal forever.
      if rnn_signal_was_sent(info) != 0 || TerminalRestorer.isStopRequest(sig) {
        raise(sig)
        // The runtime's crash handler returns from a signal that was sent rather than
        // raised by a fault (`kill -SEGV`), after its report, and the player would run
        // on without its terminal: the signal's default action ends it instead.
        signal(sig, SIG_DFL)
        raise(sig)
      }
    }

  /// Signals that ask the process to end rather than report a fault it made.
  static func isStopRequest(_ sig: Int32) -> Bool {
    // A switch, not an array: this runs in a signal handler, which must not allocate.
    switch sig {
    case SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM: return true
    default: return false
    }
  }
}
