internal import CGalleySupport

/// A short-lived helper thread of one command (the check-in's warm-up and issue preload). Started
/// through `galley_thread_start`, not Foundation's `Thread`, so that it runs on an idle CPU at once
/// instead of a millisecond later (threads.c says why).
enum HelperThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new thread; false when no thread could be started.
    @discardableResult
    static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let started = galley_thread_start({ context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
        }, context)
        if started != 0 { Unmanaged<Body>.fromOpaque(context).release() }
        return started == 0
    }
}
