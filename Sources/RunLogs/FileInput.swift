#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file or standard input into memory, turning failures into `RunLogError`s.
enum FileInput {
    static func contents(ofFile path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw RunLogError(file: path, message: "no such file")
            }
            throw RunLogError(file: path, message: "cannot read: \(describe(code))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw RunLogError(file: path, message: "cannot read: \(describe(errno))")
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw RunLogError(file: path, message: "is a directory, expected a log file")
        }
        return try readAll(fd, sizeHint: Int(info.st_size), source: path)
    }

    static func standardInput() throws -> [UInt8] {
        try readAll(0, sizeHint: 0, source: "stdin")
    }

    /// Reads `fd` to its end.
    static func readAll(_ fd: Int32, sizeHint: Int, source: String) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Swift.max(sizeHint + 1, 1 << 16))
        var filled = 0
        while true {
            if filled == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + filled, raw.count - filled)
            }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EISDIR { throw RunLogError(file: source, message: "is a directory, expected a log file") }
                throw RunLogError(file: source, message: "cannot read: \(describe(code))")
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
