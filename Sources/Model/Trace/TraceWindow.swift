import Synchronization

/// A trace too long to hold whole, whose events are produced a time step at a time when
/// they are asked for: a long log read back from its file (TraceLog's `LogTrace`), or
/// a long text recomputed from checkpoints. `WindowedEvents` turns one into the
/// `events[i]` the player reads.
///
/// A group is a run of consecutive events of one time step (t): a word's forward
/// events, or the events of one position in the loss or the backward pass; the same
/// runs as the player's `wordEvents`.
public protocol TraceWindowSource: Sendable {
  /// The number of events (steps).
  var eventCount: Int { get }
  /// The number of groups.
  var groupCount: Int { get }
  /// The events of group `group`, in order, as indices.
  func groupRange(_ group: Int) -> Range<Int>
  /// The group that holds event `index`.
  func group(ofEvent index: Int) -> Int
  /// The events of group `group`: read or recomputed, the same on every call.
  func events(ofGroup group: Int) -> [TraceEvent]
}

/// The events of a `TraceWindowSource` as a collection, `events[i]`, keeping the
/// groups last asked for: stepping through a word reads it once, and what is on screen
/// (a word, the word before it for h_{t-1}) stays at hand.
public struct WindowedEvents: RandomAccessCollection, Sendable {
  public let source: any TraceWindowSource
  private let cache: GroupCache

  /// `keeping` groups are held at most (a group is a few events).
  public init(_ source: any TraceWindowSource, keeping: Int = 64) {
    self.source = source
    cache = GroupCache(capacity: Swift.max(2, keeping))
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { source.eventCount }

  public subscript(index: Int) -> TraceEvent {
    precondition(indices.contains(index), "event \(index) of \(source.eventCount)")
    let group = source.group(ofEvent: index)
    let events = cache.events(ofGroup: group, from: source)
    return events[index - source.groupRange(group).lowerBound]
  }
}

/// The last groups read, oldest dropped first; shared by copies of the collection.
private final class GroupCache: Sendable {
  private struct Entries {
    var groups: [Int] = []
    var events: [[TraceEvent]] = []
  }

  private let capacity: Int
  private let entries = Mutex(Entries())

  init(capacity: Int) { self.capacity = capacity }

  func events(ofGroup group: Int, from source: any TraceWindowSource) -> [TraceEvent] {
    if let hit = entries.withLock({ held in
      held.groups.firstIndex(of: group).map { held.events[$0] }
    }) {
      return hit
    }
    let events = source.events(ofGroup: group)
    entries.withLock { held in
      if held.groups.count == capacity {
        held.groups.removeFirst()
        held.events.removeFirst()
      }
      held.groups.append(group)
      held.events.append(events)
    }
    return events
  }
}
