/// A check that ran and found a problem (a log that departs from its recomputation).
/// Reported as one line with exit status 1.
struct CheckFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
