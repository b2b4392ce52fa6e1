import Model

extension TraceName {
  /// Appends the name's UTF-8 bytes (unescaped: no name holds a quote, a backslash or
  /// a control character unless it was given as text).
  public func write(into buffer: inout ByteBuffer) {
    if let text = givenText {
      buffer.append(text)
    } else {
      spell(into: &buffer)
    }
  }
}
