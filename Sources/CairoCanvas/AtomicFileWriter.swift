#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file written piece by piece: into a temporary file beside the target, renamed
/// over it by `commit()` (keeping an existing file's mode), or straight into standard output,
/// a device or a FIFO. Until `commit()` the temporary file is listed in `PendingTempFiles`, so
/// an interrupt removes it.
public final class AtomicFileWriter {
    public let path: String
    private let destination: OutputDestination
    private var fd: Int32
    private var tempPath: String?
    private var buffer: [UInt8] = []
    private var finished = false
    private static let bufferLimit = 1 << 16

    /// Opens the destination of `path`; throws `OutputError` naming `path`.
    public init(path: String) throws {
        self.path = path
        destination = try OutputDestination.resolve(path)
        switch destination {
        case let .descriptor(n):
            fd = n
        case let .direct(target):
            fd = open(target, O_WRONLY | O_CLOEXEC)
            if fd < 0 { throw OutputError("\(path): cannot write: \(Self.describe(errno))") }
        case let .replace(target, _):
            let template = AtomicFile.parentDirectory(of: target) + "/." + AtomicFile.baseName(of: target) + ".tmp-XXXXXX"
            var templateBytes = Array(template.utf8CString)
            fd = templateBytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if fd < 0 { throw OutputError("\(path): cannot write: \(Self.describe(errno))") }
            let temp = String(decoding: templateBytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            tempPath = temp
            PendingTempFiles.add(temp)
        }
    }

    deinit { abort() }

    /// Appends bytes (buffered).
    public func append(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > Self.bufferLimit { try flush() }
        if bytes.count > Self.bufferLimit {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    public func append(text: String) throws {
        var text = text
        try text.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    /// Writes what is buffered.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the file: flushes, sets the mode and renames the temporary file into place.
    public func commit() throws {
        guard !finished else { return }
        try flush()
        finished = true
        switch destination {
        case .descriptor:
            return
        case .direct:
            close(fd)
        case let .replace(target, mode):
            fchmod(fd, mode ?? Self.newFileMode)
            let temp = tempPath!
            if close(fd) != 0 || rename(temp, target) != 0 {
                let message = Self.describe(errno)
                unlink(temp)
                PendingTempFiles.remove(temp)
                throw OutputError("\(path): cannot write: \(message)")
            }
            PendingTempFiles.remove(temp)
        }
    }

    /// Gives up: closes and removes the temporary file; the target is left as it was.
    public func abort() {
        guard !finished else { return }
        finished = true
        if case .descriptor = destination { return }
        close(fd)
        if let temp = tempPath {
            unlink(temp)
            PendingTempFiles.remove(temp)
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var written = 0
        while written < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress!.advanced(by: written), bytes.count - written)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw OutputError("\(path): cannot write: \(Self.describe(errno))") }
            written += n
        }
    }

    /// 0666 less the umask, as `open(2)` gives a new file.
    static var newFileMode: mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
