import Foundation

/// Encodes, hashes and compresses findings notes on a second thread while `check --each` goes on
/// checking, so writing thousands of notes at the end is mostly assembling a pack.
final class NoteEncoder: @unchecked Sendable {
    struct Encoded {
        /// How many plugin entries the note holds (more may be stored later; then it is stale).
        let entries: Int
        /// Without its content: `deflated` (stored blocks) holds it.
        let object: PackObject
        let deflated: [UInt8]
    }

    private let condition = NSCondition()
    private var queue: [(ObjectID, [String: [CachedFinding]])] = []
    private var done: [ObjectID: Encoded] = [:]
    private var busy = false
    private var stopped = false
    private var started = false

    /// Hands over a batch of notes: one lock and one wake-up per batch, not per note, so the
    /// checking thread does not wait on the encoding one.
    func enqueue(_ batch: [(ObjectID, [String: [CachedFinding]])]) {
        condition.lock()
        queue += batch
        if !started {
            started = true
            Thread { [self] in self.run() }.start()
        }
        condition.signal()
        condition.unlock()
    }

    /// Waits for everything queued so far and returns the encoded notes by blob.
    func drain() -> [ObjectID: Encoded] {
        condition.lock()
        defer { condition.unlock() }
        while !queue.isEmpty || busy { condition.wait() }
        return done
    }

    /// Lets the thread end.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        // Notes that fail to deflate here are deflated again when the pack is written.
        let deflater = try? Deflater.stored()
        while true {
            condition.lock()
            while queue.isEmpty && !stopped { condition.wait() }
            if queue.isEmpty && stopped {
                condition.unlock()
                return
            }
            let batch = queue
            queue.removeAll()
            busy = true
            condition.unlock()
            var encoded: [(ObjectID, Encoded)] = []
            for (blob, entries) in batch {
                if let object = try? PackObject(hashing: .blob, FindingsCache.encode(blob: blob, entries)),
                   let deflated = try? deflater?.deflate(object.data)
                {
                    encoded.append((blob, Encoded(entries: entries.count, object: object.withoutData(packing: deflated), deflated: deflated)))
                }
            }
            condition.lock()
            for (blob, e) in encoded { done[blob] = e }
            busy = false
            condition.broadcast()
            condition.unlock()
        }
    }
}
