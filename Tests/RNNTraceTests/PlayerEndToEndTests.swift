import Foundation
import Lesson
import Model
import Testing

/// The real `rnntrace` in a real terminal (tmux), driven by keys as a learner would,
/// and the shell checked afterwards.
@Suite(.serialized)
struct PlayerEndToEndTests {
  let binary = "'" + RNNTraceBinary.url.path + "'"

  /// The shell is back, as it was: the program's exit status printed, the normal
  /// screen (not the alternate one), and echo on.
  func expectShellRestored(_ session: TmuxSession, status: Int32) throws {
    let exited = try session.waitFor { $0.contains("EXIT=\(status)") }
    #expect(exited.matched, "no EXIT=\(status) in:\n\(exited.screen)")
    #expect(try session.display("#{alternate_on}") == "0")
    try session.type("stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo | sed 's/^/MODE:/'")
    let echo = try session.waitFor { $0.contains("MODE:echo") || $0.contains("MODE:-echo") }
    #expect(echo.screen.contains("MODE:echo"), "echo is off:\n\(echo.screen)")
  }

  /// Any model option plays an ad-hoc model; `--seed 0` asks for the default one.
  func startPlayer(_ session: TmuxSession, _ arguments: String = "play --seed 0") throws
    -> String
  {
    try session.type("\(binary) \(arguments); echo EXIT=$?")
    // The status line is the last row curses draws.
    let first = try session.waitFor { $0.contains("step 1/") && $0.contains("q quit") }
    #expect(first.matched, "the player did not start:\n\(first.screen)")
    return first.screen
  }

  /// Kernels that are not this processor's are named in the header, before the model:
  /// an ad-hoc model's at 80 columns, the lesson's (whose chapter titles fill a narrow
  /// header) at 120.
  @Test func theHeaderNamesKernelsThatAreNotThisProcessors() throws {
    let other = KernelFamily.detected == .amd ? "intel-avx512" : "amd"
    let expected = [
      (120, "play --kernels \(other)", "  \(other) │ no activation │ step 1/5"),
      (80, "play --seed 0 --kernels \(other)", "  \(other) │ nn.Linear, tanh │ step 1/40"),
      (80, "play --seed 0 --kernels auto", "  nn.Linear, tanh │ step 1/40"),
    ]
    for (columns, arguments, start) in expected {
      let session = try TmuxSession(columns: columns, rows: columns == 80 ? 24 : 40)
      let screen = try startPlayer(session, arguments)
      let header = try #require(screen.split(separator: "\n").first)
      #expect(header.contains(start), "\(arguments): \(header)")
      #expect(header.contains(other) == arguments.contains(other), "\(arguments): \(header)")
      try session.press("q")
    }
  }

  /// A drill read off the real terminal, in chapters 1 (raw weights) and 4 (nn.Linear),
  /// at 80×24 and 120×40: each term and the running sum in their own labelled columns,
  /// the result row and the sum panel with a dot, never the running sum or the result.
  @Test(arguments: [(80, 24), (120, 40)])
  func aDrillCannotBeMisread(columns: Int, rows: Int) throws {
    let cases = [
      (chapter: 1, result: "= e_1·w_e │       ·", sum: "+ e_1·w_e │       ·"),
      (chapter: 4, result: "= e_1·Weᵀ │       ·", sum: "+ e_1·Weᵀ + b_e │       ·"),
    ]
    for drill in cases {
      let session = try TmuxSession(columns: columns, rows: rows)
      _ = try startPlayer(session, "play --chapter \(drill.chapter)")
      try session.press("Right", "d", "Right")
      let drilled = try session.waitFor { $0.contains("drill [0] term 2/4") }
      #expect(drilled.matched, "no drill at term 2:\n\(drilled.screen)")
      let screen = drilled.screen
      let headings = columns >= 120 ? ["product │ running sum"] : ["term", "sum"]
      for heading in headings {
        #expect(screen.contains(heading), "chapter \(drill.chapter): \(heading)\n\(screen)")
      }
      #expect(screen.contains("drilling "), "the panel's title says where the drill is")
      #expect(screen.contains(drill.result), "chapter \(drill.chapter)\n\(screen)")
      #expect(screen.contains(drill.sum), "chapter \(drill.chapter)\n\(screen)")
      try session.press("q")
      try expectShellRestored(session, status: 0)
    }
  }

  @Test func stepsPlaysAndQuitsAt120x40() throws {
    let session = try TmuxSession(columns: 120, rows: 40)
    let first = try startPlayer(session)
    #expect(first.contains("[the] dog jumped over a"))
    #expect(first.contains("step 1/40"))
    #expect(first.contains("[ 1] embedding"))
    #expect(first.contains("-1.1258 -1.1524 -0.2506 -0.4339 ← e_1"))

    // Three presses: step 4, h_0·Whᵀ, whose value `rnntrace print` also prints.
    try session.press("Right", "Right", "Right")
    // curses sends the changes top to bottom: once the narration at the bottom has
    // changed, the whole screen has.
    let fourth = try session.waitFor { $0.contains("step 4/40") && $0.contains("» h_0·Whᵀ:") }
    #expect(fourth.matched)
    let printed = try RNNTraceBinary.run(["print", "--seed", "0"]).stdout
    let printedLines = printed.split(separator: "\n").map(String.init)
    let step4 = try #require(printedLines.firstIndex { $0.contains("4  matmul_hidden") })
    let value = printedLines[step4 + 1].trimmingCharacters(in: .whitespaces)
    let narration = try #require(fourth.screen.split(separator: "\n").first { $0.hasPrefix("»") })
    #expect(narration == "» h_0·Whᵀ: (1×2)·(2×2) → (1×2) = \(value)")

    // ← goes back to exactly the screen that was there.
    try session.press("Right")
    #expect(
      try session.waitFor { $0.contains("step 5/40") && $0.contains("» h_0·Whᵀ + b_h") }.matched)
    try session.press("Left")
    let back = try session.waitFor { $0 == fourth.screen }
    #expect(back.matched, "not the same screen:\n\(back.screen)\nexpected:\n\(fourth.screen)")

    // Space plays (sped up) to the end and stops there.
    try session.press("+", "+", "+", "+", "Space")
    let end = try session.waitFor(tries: 400) { $0.contains("step 40/40") && $0.contains("paused") }
    #expect(end.matched, "did not play to the end:\n\(end.screen)")
    #expect(end.screen.contains("h_5 = [[-0.3931, -0.4394]] joins the hidden states"))

    try session.press("q")
    try expectShellRestored(session, status: 0)
  }

  /// Plain `rnntrace` opens the bundled lesson on chapter 1 with its narrative; the
  /// chapter keys move on, and the export key writes the chapter's trace.
  @Test func lessonOpensOnChapterOneAndMovesThroughChapters() throws {
    let scratch = try ScratchDirectory()
    let session = try TmuxSession(columns: 120, rows: 40)
    try session.type("cd '\(scratch.url.path)'")
    let first = try startPlayer(session, "")
    #expect(first.contains("ch 1/\(Self.chapterCount) One step"))
    #expect(first.contains("[dog]"))
    #expect(first.contains("A recurrent network reads a text word by word"))
    try session.press("]")
    // Each wait also names what is checked lower on the screen: a capture can catch a
    // frame half drawn, its first rows new and its last ones not yet.
    let second = try session.waitFor {
      $0.contains("ch 2/\(Self.chapterCount) A sentence") && $0.contains("step 1/25")
        && $0.contains("[the] dog jumped over a")
    }
    #expect(second.matched, "] did not open chapter 2:\n\(second.screen)")
    try session.press("End")
    let last = try session.waitFor { $0.contains("step 25/25") && $0.contains("h_5 = -1.3220") }
    #expect(last.matched, "End did not reach h_5 = -1.3220:\n\(last.screen)")
    try session.press("e")
    let exported = try session.waitFor { $0.contains("exported to ") }
    #expect(exported.matched, "no export message:\n\(exported.screen)")
    try session.press("[")
    #expect(try session.waitFor { $0.contains("ch 1/\(Self.chapterCount) One step") }.matched)
    try session.press("q")
    try expectShellRestored(session, status: 0)
    let files = try scratch.contents().filter { $0.hasSuffix(".jsonl") }
    #expect(files.count == 1)
    let verified = try RNNTraceBinary.run(["verify", scratch.path(files.first ?? "none")])
    #expect(verified.status == 0)
  }

  /// The bundled lesson's chapters, and the steps of each (five words of eight
  /// operations for the last three: the second class twice, then nn.RNN).
  static let chapterCount = (try? BundledLessons.standard.lesson().chapters.count) ?? 0
  static let chapterSteps = [5, 25, 35, 40, 40, 40]
  /// The lesson's own questions in each chapter: → at one shows the answer first.
  static let chapterQuestions =
    (try? BundledLessons.standard.lesson().chapters.map(\.questions.count)) ?? []

  /// → alone goes through every chapter of the lesson, at both sizes: each chapter's
  /// last step leads on to the next chapter, up to the last step of the last one.
  @Test(arguments: [(120, 40), (80, 24)])
  func nextAloneReachesTheEndOfTheLesson(columns: Int, rows: Int) throws {
    let session = try TmuxSession(columns: columns, rows: rows)
    _ = try startPlayer(session, "")
    // Chapter by chapter: its steps, then one more → onto the next chapter.
    let count = Self.chapterSteps.count
    #expect(count == Self.chapterCount)
    for (chapter, steps) in zip(1..., Self.chapterSteps) {
      try session.press("Right", times: steps - 1 + Self.chapterQuestions[chapter - 1])
      let end = try session.waitFor {
        $0.contains("ch \(chapter)/\(count)") && $0.contains("step \(steps)/\(steps)")
      }
      #expect(end.matched, "chapter \(chapter) did not reach its end:\n\(end.screen)")
      try session.press("Right")
      if chapter < count {
        let next = try session.waitFor {
          $0.contains("ch \(chapter + 1)/\(count)") && $0.contains("step 1/")
            && $0.contains("chapter \(chapter + 1): ")
        }
        #expect(next.matched, "→ did not go on to chapter \(chapter + 1):\n\(next.screen)")
      }
    }
    let end = try session.waitFor { $0.contains("the end of the lesson") }
    #expect(end.matched, "\(end.screen)")
    #expect(end.screen.contains("ch \(count)/\(count)") && end.screen.contains("step 40/40"))
    try session.press("q")
    try expectShellRestored(session, status: 0)
  }

  /// At 80×24 the first step's text is longer than its rows: `}` shows the rest and
  /// `{` goes back to its start.
  @Test func theLessonsTextScrollsAt80x24() throws {
    let session = try TmuxSession(columns: 80, rows: 24)
    let first = try startPlayer(session, "")
    #expect(first.contains("A recurrent network reads a text word by word"))
    #expect(first.contains("… ") && first.contains("} more"), "no sign of more text:\n\(first)")
    try session.press("}")
    let down = try session.waitFor {
      !$0.contains("A recurrent network reads a text word by word") && $0.contains("q quit")
    }
    #expect(down.matched, "} did not scroll:\n\(down.screen)")
    try session.press("{")
    let up = try session.waitFor {
      $0.contains("A recurrent network reads a text word by word") && $0.contains("} more")
    }
    #expect(up.matched, "{ did not scroll back:\n\(up.screen)")
    try session.press("q")
    try expectShellRestored(session, status: 0)
  }

  /// The colours follow what the terminal says it has: the 256-colour scale on
  /// xterm-256color, the 8 basic colours on `screen`, none under NO_COLOR (bold, dim and
  /// reverse still mark what matters). Read back from tmux's own rendering.
  @Test(arguments: [
    ("TERM=xterm-256color", "256"), ("TERM=screen", "8"), ("NO_COLOR=1", "none"),
  ])
  func coloursFollowTheTerminal(setting: String, expected: String) throws {
    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type("\(setting) \(binary) play --seed 0; echo EXIT=$?")
    let first = try session.waitFor { $0.contains("step 1/") && $0.contains("q quit") }
    #expect(first.matched, "the player did not start:\n\(first.screen)")
    let codes = Self.sgrCodes(try session.styledScreen())
    let extended = codes.contains { $0.hasPrefix("38;5;") || $0.hasPrefix("48;5;") }
    let basic = codes.contains { code in
      code.split(separator: ";").contains { Int($0).map { (30...37).contains($0) } ?? false }
    }
    switch expected {
    case "256": #expect(extended, "\(codes)")
    case "8":
      #expect(basic && !extended, "\(codes)")
    default:
      #expect(!basic && !extended, "\(codes)")
      #expect(codes.contains { $0.split(separator: ";").contains("1") }, "no bold: \(codes)")
    }
    try session.press("q")
    try expectShellRestored(session, status: 0)
  }

  /// The parameters of every SGR escape (`\e[…m`) in `text`, colour resets left out.
  static func sgrCodes(_ text: String) -> Set<String> {
    var codes = Set<String>()
    for piece in text.split(separator: "\u{1B}[").dropFirst() {
      guard let end = piece.firstIndex(of: "m") else { continue }
      let code = String(piece[..<end])
      if code != "39" && code != "49" && code != "0" { codes.insert(code) }
    }
    return codes
  }

  @Test func everyPanelAt80x24AndResizingToTinyAndBack() throws {
    let session = try TmuxSession(columns: 80, rows: 24)
    let first = try startPlayer(session)
    for title in [
      "embedding", "e_1·Weᵀ:", "+ b_e", "h_0·Whᵀ:", "+ b_h", "sum z_1", "tanh h_1",
      "hidden states",
    ] {
      #expect(first.contains(title), "\(title) missing:\n\(first)")
    }
    try session.resize(columns: 30, rows: 8)
    let tiny = try session.waitFor { $0.contains("Enlarge") }
    #expect(tiny.matched, "\(tiny.screen)")
    try session.resize(columns: 80, rows: 24)
    let again = try session.waitFor { $0.contains("step 1/40") && $0.contains("q quit") }
    #expect(again.matched, "\(again.screen)")
    try session.press("q")
    try expectShellRestored(session, status: 0)
  }

  @Test func withNoArgumentsOnATerminalThePlayerOpens() throws {
    let session = try TmuxSession(columns: 100, rows: 30)
    _ = try startPlayer(session, "")
    try session.press("?")
    #expect(try session.waitFor { $0.contains("closes this help") }.matched)
    try session.press("Escape")
    #expect(try session.waitFor { !$0.contains("closes this help") }.matched)
    // Esc never quits: in front of a class it is too easy to hit.
    try session.press("Escape")
    #expect(try session.waitFor { $0.contains("q quits") }.matched)
    try session.press("q")
    try expectShellRestored(session, status: 0)
  }

  @Test func ctrlCQuitsCleanly() throws {
    let session = try TmuxSession(columns: 100, rows: 30)
    _ = try startPlayer(session)
    try session.press("C-c")
    try expectShellRestored(session, status: 0)
  }

  @Test(arguments: [
    (Int32(SIGTERM), Int32(143)), (Int32(SIGHUP), Int32(129)), (Int32(SIGSEGV), Int32(139)),
    (Int32(SIGQUIT), Int32(131)), (Int32(SIGUSR1), Int32(138)), (Int32(SIGUSR2), Int32(140)),
    (Int32(SIGALRM), Int32(142)),
  ])
  func aSignalLeavesTheTerminalUsable(signal: Int32, status: Int32) throws {
    let session = try TmuxSession(columns: 100, rows: 30)
    _ = try startPlayer(session)
    let pid = try #require(try session.foregroundChild())
    kill(pid, signal)
    try expectShellRestored(session, status: status)
  }

  /// With SWIFT_BACKTRACE unset, the runtime's crash report stays on but does not
  /// take the terminal and wait for a key ("Press space to interact…"): the program
  /// starts itself with `interactive=no`, and a crash ends it with the report and
  /// the terminal restored. SIGQUIT is a request to stop, not a crash: no report.
  @Test(arguments: [(Int32(SIGSEGV), Int32(139), true), (Int32(SIGQUIT), Int32(131), false)])
  func aCrashReportNeverWaitsForAKey(signal: Int32, status: Int32, reported: Bool) throws {
    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type("unset SWIFT_BACKTRACE")
    _ = try startPlayer(session)
    let pid = try #require(try session.foregroundChild())
    let environment = try String(contentsOfFile: "/proc/\(pid)/environ", encoding: .utf8)
    #expect(environment.split(separator: "\0").contains("SWIFT_BACKTRACE=interactive=no"))
    kill(pid, signal)
    // The report is written first (symbolicating a debug build takes a while).
    let ended = try session.waitFor(tries: 2400) {
      $0.split(separator: "\n").contains { $0.hasPrefix("EXIT=") }
    }
    #expect(ended.screen.contains("EXIT=\(status)"), "\(ended.screen)")
    #expect(!ended.screen.contains("Press space"))
    // A crash's report scrolls past; a request to stop makes none.
    if !reported { #expect(!ended.screen.contains("crashed"), "\(ended.screen)") }
    try expectShellRestored(session, status: status)
  }

  /// A terminal window closed or an SSH link dropped: the player must end, not spin
  /// on a terminal that answers every read at once. With SIGHUP ignored (`nohup`, a
  /// shell's trap) it must notice the hang-up on its input instead.
  @Test(arguments: ["", "trap '' HUP; "])
  func closingTheTerminalEndsThePlayer(prefix: String) throws {
    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type("\(prefix)\(binary) play --seed 0")
    #expect(try session.waitFor { $0.contains("step 1/") && $0.contains("q quit") }.matched)
    let pid = try #require(try session.foregroundChild())
    try session.killServer()
    var ended = false
    for _ in 0..<200 {
      // Gone, or a zombie nobody reaps yet: either way it has stopped running.
      let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
      let state = stat?.split(separator: ")").last?.split(separator: " ").first
      if stat == nil || state == "Z" {
        ended = true
        break
      }
      usleep(50_000)
    }
    if !ended { kill(pid, SIGKILL) }
    #expect(ended, "the player kept running after its terminal closed")
  }

  @Test func withoutATerminalThePlayerPrintsTheWalkthrough() throws {
    let printed = try RNNTraceBinary.run(["print", "--seed", "3"])
    let piped = try RNNTraceBinary.run(["play", "--seed", "3"])
    #expect(piped.status == 0)
    #expect(piped.stdout == printed.stdout)
    #expect(try RNNTraceBinary.run([]).stdout == RNNTraceBinary.run(["print"]).stdout)
  }

  @Test func playHasHelpWithItsKeysAndExamples() throws {
    let help = try RNNTraceBinary.run(["play", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("rnntrace play --variant raw-tanh"))
    #expect(help.stdout.contains("--sentence"))
    #expect(help.stdout.contains("?: every key"))
  }

  @Test func termDumbGetsTheWalkthroughInATerminalToo() throws {
    let session = try TmuxSession(columns: 100, rows: 30)
    try session.type("TERM=dumb \(binary) play --hidden 1 | head -3; echo EXIT=$?")
    let screen = try session.waitFor { $0.contains("EXIT=0") }
    #expect(screen.screen.contains("Ad-hoc model: linear-tanh, seed 0, inputs 4, hidden 1"))
  }
}
