/// The sentence with the current word marked: words done, the word being read in
/// brackets, words ahead dim; a long sentence scrolls around the current word, with
/// the word's position and the total at the right (`t 532/1000000`).
enum SentenceLine {
  static func draw(on grid: inout CellGrid, y: Int, state: PlayerState) {
    let all = state.trace.words
    // The word of the current event's time step (the loss and the backward pass go over
    // the words again, so this is not the index of its group of events).
    let current = state.event.t - 1
    let width = grid.width - 2
    // Only the words in sight are escaped and measured: a frame of a long text costs
    // what a frame of a short one does (the header says which word of how many).
    var escaped: [Int: String] = [:]
    func word(_ i: Int) -> String {
      if let text = escaped[i] { return text }
      let text = TerminalText.escaped(all[i])
      escaped[i] = text
      return text
    }
    let count = all.count
    func wordWidth(_ i: Int) -> Int {
      DisplayWidth.of(word(i)) + (i == current ? 2 : 0) + 1
    }
    // Grow a window around the current word, alternately right and left, while it fits
    // with room for the `…` markers.
    func window(_ width: Int) -> (low: Int, high: Int) {
      var low = current
      var high = current
      var used = wordWidth(current)
      var grew = true
      while grew {
        grew = false
        if high + 1 < count, used + wordWidth(high + 1) <= width - 4 {
          high += 1
          used += wordWidth(high)
          grew = true
        }
        if low > 0, used + wordWidth(low - 1) <= width - 4 {
          low -= 1
          used += wordWidth(low)
          grew = true
        }
      }
      return (low, high)
    }
    var (low, high) = window(width)
    var position: String?
    if low > 0 || high < count - 1 {
      // Not every word is in view: say where this one is, and give it the room.
      let label = " t \(current + 1)/\(count)"
      if width - DisplayWidth.of(label) > 8 {
        (low, high) = window(width - DisplayWidth.of(label))
        position = label
      }
    }
    var x = 1
    if low > 0 { x = grid.put("… ", x: x, y: y, style: Theme.gap) }
    for i in low...high {
      let style: CellStyle
      let text: String
      if i < current {
        (style, text) = (Theme.wordDone, word(i))
      } else if i == current {
        (style, text) = (Theme.wordCurrent, "[" + word(i) + "]")
      } else {
        (style, text) = (Theme.wordAhead, word(i))
      }
      x = grid.put(text, x: x, y: y, style: style, limit: grid.width - 2)
      x += 1
    }
    if high < count - 1 { grid.put("…", x: x, y: y, style: Theme.gap) }
    if let position {
      grid.put(position, x: grid.width - 1 - DisplayWidth.of(position), y: y, style: Theme.label)
    }
  }
}
