/// How an event's names are known: as templates filled in with its time step (what
/// the cells record), or given as text (events read back from a log).
@usableFromInline
enum EventNames: Sendable {
  case templates(EventTemplates)
  case given(GivenNames)
}
