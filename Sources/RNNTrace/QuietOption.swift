import ArgumentParser

/// `--quiet`, on the commands whose work can be long: no progress line on standard
/// error (errors and warnings still go there).
struct QuietOption: ParsableArguments {
  @Flag(help: "No progress line on standard error while the work is long.")
  var quiet = false
}
