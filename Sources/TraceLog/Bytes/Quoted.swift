/// `text` as a JSON string literal, cut to its first 80 characters: how an error
/// message quotes a word, key or name read from a log, so that it stays one line
/// whatever the file held.
func quoted(_ text: String) -> String {
  var out = ByteBuffer(capacity: min(text.utf8.count, 320) + 2)
  out.appendJSON(String(text.prefix(80)))
  return String(decoding: out.bytes, as: UTF8.self)
}
