#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the bytes for an output path really go: standard output, a device or FIFO written
/// in place, or a regular file (the symlink's target, for a symlink) replaced by rename.
enum OutputDestination: Equatable {
    /// `-` (1), `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: an open descriptor,
    /// written where it stands (a shell's `> file` redirection keeps its offset).
    case descriptor(Int32)
    /// A character device, FIFO or socket: opened and written, never renamed over.
    case direct(path: String)
    /// A regular file (existing or new): temp file in its directory, then rename.
    /// `mode` is the existing file's permission bits, nil for a new file.
    case replace(path: String, mode: mode_t?)

    /// Resolves `path`, following symlinks (also dangling ones, to the file they name).
    static func resolve(_ path: String) throws -> OutputDestination {
        if path == "-" { return .descriptor(1) }
        if let fd = descriptorNumber(path) { return .descriptor(fd) }
        var current = path
        for _ in 0..<40 {
            var info = stat()
            if stat(current, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    throw OutputError("\(path): cannot write: it is a directory")
                case S_IFREG where path.hasPrefix("/dev/") || path.hasPrefix("/proc/"):
                    // /dev/stdout, /dev/fd/N: the descriptor's file, written in place (renaming over
                    // it would detach the shell's redirection).
                    return .direct(path: current)
                case S_IFREG:
                    // Rename only over the real file: a link that cannot be resolved (a descriptor
                    // of a deleted file) is written in place, never replaced.
                    guard let target = realPath(current) else { return .direct(path: current) }
                    return .replace(path: target, mode: info.st_mode & 0o7777)
                default:
                    return .direct(path: current)
                }
            }
            // Missing: a dangling symlink names the file to create; else a new file here.
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let link = readLink(current) else {
                try checkDirectory(of: current, for: path)
                return .replace(path: current, mode: nil)
            }
            current = link.hasPrefix("/") ? link : AtomicFile.parentDirectory(of: current) + "/" + link
        }
        throw OutputError("\(path): cannot write: too many levels of symbolic links")
    }

    /// The descriptor a /dev/std*, /dev/fd/N or /proc/self/fd/N path names, when it is open.
    static func descriptorNumber(_ path: String) -> Int32? {
        let n: Int32?
        switch path {
        case "/dev/stdout": n = 1
        case "/dev/stderr": n = 2
        default:
            let prefix = ["/dev/fd/", "/proc/self/fd/"].first { path.hasPrefix($0) }
            n = prefix.flatMap { Int32(path.dropFirst($0.count)) }
        }
        guard let n, n >= 0, fcntl(n, F_GETFD) != -1 else { return nil }
        return n
    }

    static func checkDirectory(of file: String, for path: String) throws {
        let directory = AtomicFile.parentDirectory(of: file)
        var info = stat()
        if stat(directory, &info) != 0 {
            throw OutputError("\(path): cannot write: directory '\(directory)' does not exist")
        }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            throw OutputError("\(path): cannot write: '\(directory)' is not a directory")
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
