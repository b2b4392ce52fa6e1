import Model

/// A long text's hidden states in a few thousand runs of words: each neuron's least and
/// greatest value over each run, gathered while the model first reads the text. The
/// strip draws a column from a run or several, however long the text.
public struct HiddenOverview: Sendable {
  /// The number of words, T.
  public let words: Int
  let hidden: Int
  /// Runs of words: word t (from 1) is in run `(t - 1) * runs / words`.
  let runs: Int
  /// `low[run * hidden + neuron]`, `high[…]`: +∞ and -∞ until a finite value is seen.
  private(set) var low: [Float]
  private(set) var high: [Float]
  /// The largest finite magnitude of any h_t, h_0 included (the scale of the bars).
  private(set) var largest: Float = 0

  /// Most runs kept; fewer for a wide hidden state, so that the overview stays within
  /// a megabyte.
  static let mostRuns = 4096

  init(words: Int, h0: Tensor) {
    self.init(words: words, hidden: h0.count)
    includeInitial(h0)
  }

  /// An overview of `words` words of `hidden` neurons, before any is included: a
  /// replayed log's, gathered while its file is indexed.
  public init(words: Int, hidden: Int) {
    self.words = words
    self.hidden = hidden
    runs = max(1, min(words, Self.mostRuns, (1 << 17) / max(1, hidden)))
    low = Array(repeating: .infinity, count: runs * hidden)
    high = Array(repeating: -.infinity, count: runs * hidden)
    extremes = Array(repeating: [Float.infinity, -.infinity], count: hidden).flatMap { $0 }
  }

  /// h_0, which counts towards the scale of the bars only.
  public mutating func includeInitial(_ h0: Tensor) {
    for v in h0.scalars where v.isFinite { largest = max(largest, abs(v)) }
  }

  func run(ofWord t: Int) -> Int { (t - 1) * runs / words }

  /// h_t, t from 1 to `words`.
  public mutating func include(_ t: Int, _ h: Tensor) {
    let base = run(ofWord: t) * hidden
    for (neuron, v) in h.scalars.enumerated() where v.isFinite {
      low[base + neuron] = min(low[base + neuron], v)
      high[base + neuron] = max(high[base + neuron], v)
      largest = max(largest, abs(v))
      extremes[2 * neuron] = min(extremes[2 * neuron], v)
      extremes[2 * neuron + 1] = max(extremes[2 * neuron + 1], v)
    }
  }

  /// Each neuron's least and greatest finite value over the whole text, ±∞ where none.
  private(set) var extremes: [Float]

  /// The columns a strip of `width` cells draws: as many as there are runs at most.
  func columns(width: Int) -> Int { max(1, min(width, runs)) }

  /// The runs column `c` of `columns` covers.
  func runs(ofColumn c: Int, columns: Int) -> Range<Int> {
    (c * runs / columns)..<max(c * runs / columns + 1, (c + 1) * runs / columns)
  }

  /// The column of `columns` word t falls in.
  func column(ofWord t: Int, columns: Int) -> Int {
    // The last column whose first run is at or before word t's.
    min(columns - 1, ((run(ofWord: t) + 1) * columns - 1) / runs)
  }

  /// The first word of column `c`.
  func firstWord(ofColumn c: Int, columns: Int) -> Int {
    let first = runs(ofColumn: c, columns: columns).lowerBound
    return (first * words + runs - 1) / runs + 1
  }

  /// Neuron `neuron`'s least and greatest value over column `c`; nil when no finite
  /// value fell in it.
  func range(column c: Int, of columns: Int, neuron: Int) -> (low: Float, high: Float)? {
    var least = Float.infinity
    var greatest = -Float.infinity
    for run in runs(ofColumn: c, columns: columns) {
      least = min(least, low[run * hidden + neuron])
      greatest = max(greatest, high[run * hidden + neuron])
    }
    return least <= greatest ? (least, greatest) : nil
  }
}
