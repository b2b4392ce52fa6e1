/// Every key, from the same table the update reads, then the legend of the picture and
/// a glossary, in a box over the screen; ↓ and ↑ scroll it when it does not all fit.
enum HelpOverlay {
  /// The legend: what the colours, marks and bars mean.
  static let legend: [(keys: String, summary: String)] = [
    (
      "−1 −.5 0 .5 1",
      "colours: cool (blue, cyan) below zero, warm (orange, red) above, brighter when larger"
    ),
    ("[ 7]  [  ]", "a step that has run (its number), one not run yet (values ·)"),
    ("reverse", "the step on screen now; in a drill, the multiply-add in hand and its source"),
    ("product │ running sum", "a drill's columns: each term, and the sum of the terms so far"),
    ("h[0] on the curve", "where neuron 0's z lands on tanh; ◂ ▸ past ±3"),
    ("▁▂▃▄▅▆▇█", "a hidden state's value, low (−1) to high (1), over t"),
    ("code │", "the lesson's line of code that computes this step"),
    ("(step 10)", "an earlier step's note, still standing (dim)"),
    (
      "Question: … 1) 2)",
      "the lesson's own question, asked with the quiz on or off: a choice's number, or a number"
        + " and Enter; → shows the answer; turning the quiz off (a) stops them too"
    ),
  ]

  /// The names the lesson uses, once.
  static let glossary: [(keys: String, summary: String)] = [
    ("hidden state h_t", "what the network carries from word t to the next; h_0 starts it"),
    ("embedding e_t", "word t's vector: a row of the embedding table, 1×inputs"),
    ("weight", "a matrix a vector is multiplied by: w_e, w_h, We, Wh"),
    ("bias", "a vector added after a product: b_e (We.bias), b_h (Wh.bias)"),
    ("neuron", "one entry of h_t: h[0], h[1], …"),
    ("path", "input path e_t·w_e, hidden path h_{t-1}·w_h: added into z_t"),
    ("z_t", "the sum of the two paths, before tanh"),
    ("row vectors", "a vector is a 1×n row, multiplied on the left: e_t·w_e"),
    ("nn.Linear", "stores its weight out×in; We(e) computes e·Weᵀ + b_e"),
  ]

  /// Every entry of the help, by group, headings included.
  static var groups: [[(keys: String, summary: String)]] {
    [KeyMap.helpLines, [("legend", "")] + legend, [("glossary", "")] + glossary]
  }

  /// The help's lines for a box `width` columns wide inside: each group's keys in a
  /// column of their own width, a summary too long for the line wrapped under itself.
  static func lines(width: Int) -> [(text: String, heading: Bool)] {
    var out: [(text: String, heading: Bool)] = []
    for (i, group) in groups.enumerated() {
      if i > 0 { out.append(("", false)) }
      let keyWidth =
        group.filter { !$0.summary.isEmpty }.map { DisplayWidth.of($0.keys) }.max() ?? 0
      for entry in group {
        guard !entry.summary.isEmpty else {
          out.append((entry.keys, true))
          continue
        }
        let indent = keyWidth + 2
        let wrapped = NarrativePane.wrap(entry.summary, width: max(10, width - indent))
        for (j, line) in wrapped.enumerated() {
          let keys =
            j == 0 ? pad(entry.keys, to: keyWidth) : String(repeating: " ", count: keyWidth)
          out.append((keys + "  " + line, false))
        }
      }
    }
    return out
  }

  /// The box's inside width and the rows it shows, on a screen of `size`.
  static func geometry(_ size: ScreenSize) -> (width: Int, rows: Int, lineCount: Int) {
    let natural = lines(width: 1000).map { DisplayWidth.of($0.text) }.max() ?? 0
    let width = max(10, min(size.columns - 6, max(natural, DisplayWidth.of(footer(more: true)))))
    let count = lines(width: width).count
    let rows = max(1, min(size.rows - 2, count + 4) - 4)
    return (width, rows, count)
  }

  static func draw(on grid: inout CellGrid, offset: Int) {
    let (inner, room, _) = geometry(grid.size)
    let texts = lines(width: inner)
    let width = min(grid.width - 2, inner + 4)
    let height = min(grid.height - 2, texts.count + 4)
    let x = (grid.width - width) / 2
    let y = (grid.height - height) / 2
    let box = Rect(x: x, y: y, width: width, height: height)
    grid.fill(box)
    let horizontal = String(repeating: "─", count: max(0, width - 2))
    grid.put("┌" + horizontal + "┐", x: x, y: y, style: Theme.chrome)
    grid.put(" keys ", x: x + 2, y: y, style: Theme.titleCurrent)
    for row in 1..<(height - 1) {
      grid.put("│", x: x, y: y + row, style: Theme.chrome)
      grid.put("│", x: x + width - 1, y: y + row, style: Theme.chrome)
    }
    grid.put("└" + horizontal + "┘", x: x, y: y + height - 1, style: Theme.chrome)
    let first = firstLine(offset: offset, rows: room, count: texts.count)
    for (i, line) in texts.dropFirst(first).prefix(room).enumerated() {
      PlayerView.putClipped(
        &grid, line.text, x: x + 2, y: y + 1 + i, style: line.heading ? Theme.titleDone : .plain,
        limit: x + width - 2)
    }
    PlayerView.putClipped(
      &grid, footer(more: first + room < texts.count, back: first > 0), x: x + 2,
      y: y + height - 2, style: Theme.label, limit: x + width - 2)
  }

  /// The first line shown at `offset`, never past the last page.
  static func firstLine(offset: Int, rows: Int, count: Int) -> Int {
    max(0, min(offset, count - rows))
  }

  static func footer(more: Bool, back: Bool = false) -> String {
    let scroll = more ? "↓ more (legend, glossary); " : back ? "↑ back; " : ""
    return scroll + "any other key closes this help"
  }
}
