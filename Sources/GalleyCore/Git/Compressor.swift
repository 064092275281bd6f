import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Deflates a growing list of objects for a pack, on another processor while the caller goes on
/// making objects, and on the caller's too once it asks for the results: a bulk check-in's
/// compression then mostly overlaps with its own work instead of following it.
final class Compressor: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var changed = pthread_cond_t()
    private var inputs: [[UInt8]] = []
    private var outputs: [[UInt8]?] = []
    private var next = 0
    private var done = 0
    private var failed = false
    private var workerRunning = false
    /// Bytes queued since a worker last started.
    private var waiting = 0

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&changed, nil)
    }

    deinit {
        // A worker holds a reference while it runs, so none is left here.
        pthread_cond_destroy(&changed)
        pthread_mutex_destroy(&mutex)
    }

    /// Queues `data`; a background worker starts if none is running and enough is waiting to be
    /// worth a thread's start (it then works until the queue is empty).
    func add(_ data: [UInt8]) {
        pthread_mutex_lock(&mutex)
        inputs.append(data)
        outputs.append(nil)
        waiting += data.count
        let start = !workerRunning && waiting >= 32 << 10
        if start {
            workerRunning = true
            waiting = 0
        }
        pthread_mutex_unlock(&mutex)
        if start {
            DispatchQueue.global(qos: .userInitiated).async { self.work(background: true) }
        }
    }

    /// Every queued object deflated, in order, with this thread helping; then the queue is empty.
    func finish() throws -> [[UInt8]] {
        work(background: false)
        pthread_mutex_lock(&mutex)
        while done < inputs.count || workerRunning { pthread_cond_wait(&changed, &mutex) }
        let results = outputs
        let ok = !failed
        inputs = []
        outputs = []
        next = 0
        done = 0
        waiting = 0
        failed = false
        pthread_mutex_unlock(&mutex)
        var out: [[UInt8]] = []
        out.reserveCapacity(results.count)
        for r in results {
            guard ok, let r else { throw GitFailure(code: -1, message: "zlib could not compress an object", function: "deflate") }
            out.append(r)
        }
        return out
    }

    /// Takes the next undone object until none is left.
    private func work(background: Bool) {
        guard let deflater = try? Deflater() else {
            pthread_mutex_lock(&mutex)
            failed = true
            // What nobody has taken is given up, so `finish` does not wait for it.
            done += inputs.count - next
            next = inputs.count
            if background { workerRunning = false }
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
            return
        }
        while true {
            pthread_mutex_lock(&mutex)
            guard next < inputs.count else {
                if background { workerRunning = false }
                pthread_cond_broadcast(&changed)
                pthread_mutex_unlock(&mutex)
                return
            }
            let i = next
            next += 1
            let data = inputs[i]
            pthread_mutex_unlock(&mutex)

            let bytes = try? deflater.deflate(data)

            pthread_mutex_lock(&mutex)
            if let bytes { outputs[i] = bytes } else { failed = true }
            done += 1
            pthread_cond_broadcast(&changed)
            pthread_mutex_unlock(&mutex)
        }
    }
}
