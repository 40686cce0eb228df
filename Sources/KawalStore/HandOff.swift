import Foundation

/// Batches handed from a producing thread to the consuming one, at most `capacity` waiting,
/// and what the producer ended with (`Outcome`): the demo's letter sequences, an import's
/// reading error. Used by the demo loader and the importer so generating or parsing runs on
/// one core while SQLite writes on the other.
final class HandOff<Batch, Outcome>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var finished = false
    private var cancelled = false
    private var ending: Outcome?
    private let capacity: Int

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// Adds a batch, waiting while the queue is full; false once the consumer gave up.
    func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch; nil once the producer finished and every batch was taken, or after `cancel`.
    func take() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && !cancelled { condition.wait() }
        if batches.isEmpty { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// What the producer ended with; nil until it finished.
    var outcome: Outcome? {
        condition.lock()
        defer { condition.unlock() }
        return ending
    }

    /// The producer is done: `take` answers nil once the queue is empty.
    func finish(_ outcome: Outcome) {
        condition.lock()
        ending = outcome
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer gives up: waiting batches are dropped and `put` answers false from now on.
    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
