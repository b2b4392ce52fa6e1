/// A mistake in what the user asked for, found after parsing (a file that cannot be
/// written, a model too large). Reported as one line with exit status 64 (EX_USAGE).
struct UsageError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Input data that is wrong (a broken lesson or log). Exit status 65 (EX_DATAERR).
struct DataError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// An input file that cannot be read. Exit status 66 (EX_NOINPUT).
struct InputError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Output that could not be written once the export had begun (a full disk, an I/O
/// error). Exit status 74 (EX_IOERR); the file being replaced is left as it was.
struct OutputError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
