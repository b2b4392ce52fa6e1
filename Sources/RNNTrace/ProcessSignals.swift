#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the process meets signals and crashes, set up before anything else runs.
enum ProcessSignals {
  /// Ctrl-\ or `kill -QUIT` asks the program to stop, as SIGINT does: the Swift
  /// runtime's crash handler, which takes SIGQUIT too, would report it as a crash
  /// ("Program crashed", registers, a backtrace) and let an export run on.
  /// SIGQUIT then ends the process with its usual status, without the core dump it
  /// would leave in the current directory.
  static func install() {
    ProgressDisplay.prepareForSignals()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in ProcessSignals.end(by: signal) }
    sigemptyset(&action.sa_mask)
    sigaction(SIGQUIT, &action, nil)
  }

  /// Blocks, in the calling thread, the stopping signals sent to the whole process, so
  /// that they reach the main thread, which draws the progress line: a handler then never
  /// blanks the line while another thread is midway through drawing it. (SIGPIPE is sent
  /// to the thread that wrote, and stays as it was.)
  static func leaveToTheMainThread() {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in ProgressDisplay.stoppingSignals where signal != SIGPIPE {
      sigaddset(&set, signal)
    }
    pthread_sigmask(SIG_BLOCK, &set, nil)
  }

  /// Ends the process by `signal` with its default action, as if never handled, after
  /// erasing a progress line on the terminal; callable from a signal handler.
  static func end(by signal: Int32) {
    ProgressDisplay.eraseFromSignalHandler()
    if signal == SIGQUIT {
      var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
      getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
      noCore.rlim_cur = 0
      setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
    }
    Glibc.signal(signal, SIG_DFL)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    raise(signal)
  }

  /// The Swift runtime's crash handler stays on for real crashes, but by default it
  /// waits 30 s on a terminal for a key ("Press space to interact…"), with the
  /// player's screen half torn down. Its settings are read from SWIFT_BACKTRACE when
  /// the process starts, before any Swift code runs, so when the user has not set
  /// it and standard input is a terminal (when the runtime would be interactive),
  /// the program starts itself again once with `interactive=no` added. A user's own
  /// SWIFT_BACKTRACE is left as it is.
  static func makeCrashReportsNonInteractive() {
    guard getenv("SWIFT_BACKTRACE") == nil, isatty(0) == 1 else { return }
    setenv("SWIFT_BACKTRACE", "interactive=no", 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    // Where that fails (no /proc), the program runs on as it is.
  }
}
