import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A private tmux server with one shell in a window of a chosen size: the real
/// terminal the player's end-to-end tests type into and read back.
///
/// Each session has its own socket (`-L`) and no configuration (`-f /dev/null`), and
/// its server is killed when the session ends, whatever the test did.
final class TmuxSession {
  /// Whether tmux is installed (on PATH): the end-to-end suites skip without it
  /// (`.ci/run` installs it).
  static let isAvailable: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/tmux")
    }
  }()

  let socket = "rnntrace-e2e-\(UUID().uuidString.prefix(8))"
  private var socketPath = ""

  init(columns: Int, rows: Int) throws {
    let shell =
      "env -i HOME=/tmp PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 "
      + "SWIFT_BACKTRACE=enable=no PS1='$ ' bash --norc --noprofile"
    // The server this starts outlives the command: it must not hold a pipe of ours.
    try tmux(["new-session", "-d", "-x", String(columns), "-y", String(rows), shell], read: false)
    try tmux(["set-option", "-g", "status", "off"])
    socketPath = try display("#{socket_path}")
  }

  // tmux leaves its socket file behind when the server is killed.
  deinit {
    _ = try? tmux(["kill-server"])
    if socketPath.hasSuffix(socket) { unlink(socketPath) }
  }

  /// Types `line` into the shell and presses Enter.
  func type(_ line: String) throws {
    try tmux(["send-keys", "-l", line])
    try tmux(["send-keys", "Enter"])
  }

  /// Presses keys by tmux's names: `Right`, `Space`, `C-c`, `q`.
  func press(_ keys: String...) throws {
    try tmux(["send-keys"] + keys)
  }

  /// Presses `key` `count` times, in one command.
  func press(_ key: String, times count: Int) throws {
    try tmux(["send-keys", "-N", String(count), key])
  }

  func resize(columns: Int, rows: Int) throws {
    try tmux(["resize-window", "-x", String(columns), "-y", String(rows)])
  }

  /// Ends the server, and with it the terminal, as closing a terminal window does.
  func killServer() throws {
    try tmux(["kill-server"])
  }

  /// The screen as text, a line per row.
  func screen() throws -> String { try tmux(["capture-pane", "-p"]) }

  /// The screen with its attributes and colours as SGR escapes (`\e[1;36m`).
  func styledScreen() throws -> String { try tmux(["capture-pane", "-p", "-e"]) }

  /// A tmux format about the pane, such as `#{alternate_on}`.
  func display(_ format: String) throws -> String {
    try tmux(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Polls the screen until `condition` holds, with short pauses, at most `tries`
  /// times; returns the last screen either way, and whether it held.
  @discardableResult
  func waitFor(tries: Int = 200, _ condition: (String) -> Bool) throws -> (
    screen: String, matched: Bool
  ) {
    var last = ""
    for _ in 0..<tries {
      last = try screen()
      if condition(last) { return (last, true) }
      usleep(50_000)
    }
    return (last, false)
  }

  /// The process the shell is running in the foreground (the player), by pid.
  func foregroundChild() throws -> pid_t? {
    let shell = try display("#{pane_pid}")
    for _ in 0..<100 {
      let path = "/proc/\(shell)/task/\(shell)/children"
      if let text = try? String(contentsOfFile: path, encoding: .utf8),
        let pid = text.split(separator: " ").first.flatMap({ pid_t($0) })
      {
        return pid
      }
      usleep(50_000)
    }
    return nil
  }

  @discardableResult
  private func tmux(_ arguments: [String], read: Bool = true) throws -> String {
    try Spawn.run(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, read: read)
  }
}

/// Runs a program with every signal unblocked and at its default, whatever thread
/// the test runs on. Foundation's `Process` passes on the calling thread's signal mask,
/// and test threads block most signals: a tmux server started that way, and every
/// program in its terminal, could not be stopped or told of a resize.
enum Spawn {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Runs `arguments` (the program found on PATH) to completion; returns its standard
  /// output if `read`, which must be false for a program that leaves a daemon behind
  /// holding the pipe.
  static func run(_ arguments: [String], read: Bool = true) throws -> String {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pipe: [Int32] = [-1, -1]
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if read {
      guard Glibc.pipe(&pipe) == 0 else { throw Failure(description: "pipe failed") }
      posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
      posix_spawn_file_actions_addclose(&actions, pipe[0])
      posix_spawn_file_actions_addclose(&actions, pipe[1])
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }

    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, environ)
    guard spawned == 0 else {
      if read {
        close(pipe[0])
        close(pipe[1])
      }
      throw Failure(description: "cannot run \(arguments[0]): error \(spawned)")
    }
    var output = Data()
    if read {
      close(pipe[1])
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = Glibc.read(pipe[0], &buffer, buffer.count)
        if count > 0 {
          output.append(buffer, count: count)
        } else if count == 0 || errno != EINTR {
          break
        }
      }
      close(pipe[0])
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return String(decoding: output, as: UTF8.self)
  }
}
