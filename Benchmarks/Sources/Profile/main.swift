import Model
import TUI
import TraceLog
import Workloads

#if canImport(Glibc)
  import Glibc
#endif

// The benchmarks' work without the harness, for a profiler: callgrind counts the
// same instructions on every run, so a change can be judged to the percent.
//   swift build -c release --product Profile
//   valgrind --tool=callgrind .build/release/Profile lesson record 20000
let usage = """
  usage: Profile lesson|long|wide plain|none|count|record|jsonl [passes]
         Profile render lesson|adhoc [frames]
         Profile floats check|parse [first last]
  """
let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "floats", let mode = arguments.dropFirst().first,
  mode == "check" || mode == "parse"
{
  exit(FloatCheck.run(Array(arguments.dropFirst(2)), parsing: mode == "parse") ? 0 : 1)
}
if arguments.first == "render", arguments.count >= 2 {
  let content =
    arguments[arguments.startIndex + 1] == "lesson"
    ? PlayerWorkload.lesson : PlayerWorkload.adHoc
  let frames = arguments.count > 2 ? Int(arguments[arguments.startIndex + 2]) ?? 1 : 1
  var state = PlayerWorkload.state(content, steps: 11)
  // With `check`, a checksum of every frame's text and styles (slow), to compare two
  // builds' screens; otherwise only the cells are counted.
  let check = arguments.last == "check"
  var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
  for _ in 0..<frames {
    if state.isAtEnd { state.update(.first) }
    state.update(.next)
    let grid = PlayerView.render(state)
    guard check else {
      checksum &+= UInt64(grid.width * grid.height)
      continue
    }
    for byte in (grid.text + "\(grid.cells.map(\.style))").utf8 {
      checksum = (checksum ^ UInt64(byte)) &* 0x100_0000_01b3
    }
  }
  print(checksum)
  exit(0)
}
guard arguments.count >= 2 else { fatalError(usage) }
let workload: Workload
switch arguments[arguments.startIndex] {
case "lesson": workload = .lesson
case "long": workload = .long
case "wide": workload = .wide
default: fatalError(usage)
}
let passes = arguments.count > 2 ? Int(arguments[arguments.startIndex + 2]) ?? 1 : 1
let words = workload.words

func runAll<L: TraceListener>(_ make: () -> L) -> Int {
  var total = 0
  for _ in 0..<passes {
    var run = RNNRun(model: workload.model, listener: make())
    for word in words { _ = run.read(word) }
    total += run.t
  }
  return total
}

var checksum = 0
switch arguments[arguments.startIndex + 1] {
case "plain":
  let plain = PlainLinearTanh(workload.model)
  for _ in 0..<passes { checksum &+= Int(plain.run(words).scalars[0].bitPattern) }
case "none": checksum = runAll { NoTrace() }
case "count": checksum = runAll { CountingListener() }
case "record": checksum = runAll { TraceRecorder() }
case "jsonl":
  let header = TraceHeader(
    model: workload.model, words: words, seed: workload.seed, source: "ad-hoc model")
  for _ in 0..<passes {
    var listener = DiscardingEncoderListener(encoder: JSONLinesEncoder())
    listener.begin(header)
    var run = RNNRun(model: workload.model, listener: listener)
    for word in words { _ = run.read(word) }
    listener = run.tracer.listener
    listener.finish()
    checksum &+= listener.bytes
  }
default: fatalError(usage)
}
print(checksum)
