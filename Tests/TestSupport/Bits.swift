import Model

/// Bit patterns of float32 values, the form in which the golden files state them.
public func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

/// Bit patterns of a tensor's scalars.
public func bits(_ tensor: Tensor) -> [UInt32] { bits(tensor.scalars) }

/// How many representable float32 values lie between `a` and `b` (0 when equal).
public func ulpDistance(_ a: Float, _ b: Float) -> UInt32 {
  // Map the sign-magnitude bit patterns onto one monotonic integer line.
  func ordered(_ x: Float) -> Int64 {
    let b = Int64(x.bitPattern & 0x7FFF_FFFF)
    return x.sign == .minus ? -b : b
  }
  return UInt32(clamping: abs(ordered(a) - ordered(b)))
}
