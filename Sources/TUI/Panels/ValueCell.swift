/// What a column of values shows in one row: a number (as `NumberFormat.signed` writes
/// it, drawn without making the string) or some text.
enum ValueCell {
  case value(Float)
  case text(String)
}
