// libFuzzer entry point for the trace log reader and verifier (scripts/fuzz-log-reader.sh).
// Every input must come back as a log error, a difference or a loaded trace: a trap,
// an overflow or a hang is a bug, and libFuzzer keeps the input that caused it.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for verify in [true, false] {
    do {
      _ = try TraceLogLoader.load(ByteArraySource(bytes, chunkSize: 61), verify: verify)
    } catch is TraceLogError {
    } catch is TraceDifference {
    } catch {
      fatalError("unexpected error: \(error)")
    }
  }
  return 0
}
