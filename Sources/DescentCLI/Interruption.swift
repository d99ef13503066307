import CairoCanvas

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C and SIGTERM: by default remove pending temporary output files and exit 130; while a
/// training run has asked to stop cooperatively, the first signal only sets a flag that the
/// loop polls (it then writes what it has), and a second one exits at once.
public enum Interruption {
    /// [0]: cooperative mode on; [1]: a stop was requested. Plain words, safe in a handler.
    nonisolated(unsafe) static let flags: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        p.initialize(repeating: 0, count: 2)
        return p
    }()

    /// Installs the handlers for SIGINT and SIGTERM.
    public static func install() {
        _ = flags
        PendingTempFiles.removeAll()  // touches the slots so the handler never initialises them
        signal(SIGINT, handle)
        signal(SIGTERM, handle)
        // A parent may have started us with these signals blocked (the mask is inherited).
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// While `body` runs, the first signal sets `requested` instead of exiting.
    static func cooperatively<T>(_ body: () throws -> T) rethrows -> T {
        flags[1] = 0
        flags[0] = 1
        defer { flags[0] = 0 }
        return try body()
    }

    /// True once a signal arrived in cooperative mode.
    static var requested: Bool { flags[1] != 0 }

    /// The status a command interrupted by a signal exits with.
    static let exitStatus: Int32 = 130
}

private func handle(_ signal: Int32) {
    if Interruption.flags[0] != 0 && Interruption.flags[1] == 0 {
        Interruption.flags[1] = 1
        return
    }
    PendingTempFiles.removeAll()
    _exit(Interruption.exitStatus)
}
