import Model

/// Collects the events of one word at a time, for a consumer that takes them in
/// order and then empties the queue (the verifier), so a run of any length holds
/// only one word's events.
struct EventQueue: TraceListener {
  var events: [TraceEvent] = []
  init() {}
  mutating func receive(_ event: TraceEvent) { events.append(event) }
}
