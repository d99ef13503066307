import RunLogs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set by the SIGINT handler; polled by `--follow`'s loop so Ctrl-C ends it between renders.
nonisolated(unsafe) private var interrupted: sig_atomic_t = 0

extension LossPlotJob {
    /// `--follow`: renders, then re-renders whenever an input changes (size or modification
    /// time), until Ctrl-C. Each render replaces the output atomically; a log that is empty
    /// or mid-write is waited for rather than fatal.
    func follow() throws {
        signal(SIGINT) { _ in interrupted = 1 }
        signal(SIGTERM) { _ in interrupted = 1 }
        var lastSeen: [FileStamp?] = []
        var lastError: String?
        var renders = 0
        while interrupted == 0 {
            let stamps = request.inputs.map(FileStamp.init(path:))
            if stamps != lastSeen {
                lastSeen = stamps
                do {
                    try run()
                    renders += 1
                    lastError = nil
                    if !request.terminal { Diagnostics.note("updated \(request.outputPath) (\(renders))") }
                } catch let error as UserError {
                    // Report each new problem once and keep waiting for the log to grow.
                    if error.description != lastError { Diagnostics.note("waiting: \(error.description)") }
                    lastError = error.description
                }
            }
            usleep(400_000)
        }
        Diagnostics.note("stopped following after \(renders) render\(renders == 1 ? "" : "s")")
    }
}

/// What changes when a file grows: size and modification time (of every event file for a directory).
struct FileStamp: Equatable {
    var size: Int64
    var modified: Int64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            // A log directory changes when any file under it does; sum what is cheap to read.
            var total: Int64 = 0, latest: Int64 = 0
            FileStamp.visit(path, depth: 0) { s in total += s.size; latest = max(latest, s.modified) }
            size = total; modified = latest
        } else {
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        }
    }

    private init(size: Int64, modified: Int64) { self.size = size; self.modified = modified }

    private static func visit(_ dir: String, depth: Int, _ body: (FileStamp) -> Void) {
        guard depth < 16, let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = dir + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR { visit(path, depth: depth + 1, body) }
            else {
                body(FileStamp(size: Int64(info.st_size),
                               modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
            }
        }
    }
}
