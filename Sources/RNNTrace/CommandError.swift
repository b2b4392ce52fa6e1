/// Why a command failed, said in one line on standard error, and the exit status that
/// tells a script what kind of failure it was (sysexits.h's codes where one applies).
struct CommandError: Error, CustomStringConvertible {
  enum Kind: Int32 {
    /// A check ran and found a problem (a log that departs from its recomputation).
    case checkFailed = 1
    /// A mistake in what the user asked for, found after parsing (a file that cannot be
    /// written, a model too large): EX_USAGE.
    case usage = 64
    /// Input data that is wrong (a broken lesson or log): EX_DATAERR.
    case data = 65
    /// An input file that cannot be opened: EX_NOINPUT.
    case input = 66
    /// Output that could not be written once begun (a full disk, an I/O error); the
    /// file being replaced is left as it was: EX_IOERR.
    case output = 74
  }

  let kind: Kind
  let description: String

  var status: Int32 { kind.rawValue }

  init(_ kind: Kind, _ description: String) {
    self.kind = kind
    self.description = description
  }
}
