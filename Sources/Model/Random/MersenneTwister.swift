/// The 32-bit Mersenne Twister (MT19937) as PyTorch's CPU generator runs it: seeded with
/// Matsumoto–Nishimura `init_genrand`, output identical to C++ `std::mt19937`.
public struct MersenneTwister: Sendable {
  static let stateSize = 624
  private static let shift = 397
  private static let matrix: UInt32 = 0x9908_B0DF
  private static let upperMask: UInt32 = 0x8000_0000
  private static let lowerMask: UInt32 = 0x7FFF_FFFF

  private var state: [UInt32]
  /// The next word of `state` to temper; `stateSize` means "twist first".
  private var position: Int

  /// An engine seeded with `seed` (PyTorch passes only the low 32 bits of its seed).
  public init(seed: UInt32) {
    var state = [UInt32](repeating: 0, count: Self.stateSize)
    state[0] = seed
    for i in 1..<Self.stateSize {
      let previous = state[i - 1]
      state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
    }
    self.state = state
    // The whole state is regenerated before the first word, as `init_genrand` leaves it.
    self.position = Self.stateSize
  }

  /// The next 32-bit word.
  public mutating func next() -> UInt32 {
    if position == Self.stateSize {
      state.withUnsafeMutableBufferPointer { Self.twist($0) }
      position = 0
    }
    let word = state[position]
    position += 1
    return Self.temper(word)
  }

  /// Fills `words` with the next `words.count` words, in order.
  ///
  /// The bulk form exists so that a 16M-element draw touches the state through one
  /// pointer instead of paying for an array uniqueness check per word.
  public mutating func fill(_ words: UnsafeMutableBufferPointer<UInt32>) {
    fill(words.count) { index, word in words[index] = word }
  }

  /// Calls `body(index, word)` for the next `count` words, in order.
  @inline(__always)
  mutating func fill(_ count: Int, _ body: (Int, UInt32) -> Void) {
    var position = self.position
    state.withUnsafeMutableBufferPointer { state in
      for index in 0..<count {
        if position == Self.stateSize {
          Self.twist(state)
          position = 0
        }
        let word = state[position]
        position += 1
        body(index, Self.temper(word))
      }
    }
    self.position = position
  }

  @inline(__always)
  private static func temper(_ word: UInt32) -> UInt32 {
    var y = word
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  /// Regenerates all 624 words in place, in increasing order (the wrap-around of the
  /// indices is split into three loops so that the hot one has no branches on it).
  private static func twist(_ state: UnsafeMutableBufferPointer<UInt32>) {
    let n = stateSize
    let m = shift
    @inline(__always) func mix(_ k: Int, _ next: Int, _ far: Int) {
      let y = (state[k] & upperMask) | (state[next] & lowerMask)
      state[k] = state[far] ^ (y >> 1) ^ (state[next] & 1 &* matrix)
    }
    for k in 0..<(n - m) { mix(k, k + 1, k + m) }
    for k in (n - m)..<(n - 1) { mix(k, k + 1, k + m - n) }
    mix(n - 1, 0, m - 1)
  }
}
