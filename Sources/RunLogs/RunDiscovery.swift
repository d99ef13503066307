#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the runs under a path: a file is one input; a directory is a TensorBoard log
/// directory whose event files (`*tfevents*`) are grouped into runs by the folder they
/// sit in (files directly inside form a run named after the directory).
enum RunDiscovery {
    /// Event files by run name (relative folder path), in name order.
    static func eventFiles(under directory: String) throws -> [(run: String, files: [String])] {
        var found: [String: [String]] = [:]
        try walk(directory, relative: "", depth: 0) { relative, path in
            found[relative, default: []].append(path)
        }
        guard !found.isEmpty else {
            throw RunLogError(file: directory, message: "is a directory with no TensorBoard event files (events.out.tfevents.*) in it or below it")
        }
        let base = directory.split(separator: "/").last.map(String.init) ?? directory
        return found.keys.sorted().map { key in (key.isEmpty ? base : key, found[key]!.sorted()) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func walk(_ dir: String, relative: String, depth: Int, _ visit: (String, String) -> Void) throws {
        guard depth < 16, let handle = opendir(dir) else { return }
        defer { closedir(handle) }
        var entries: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append(name)
        }
        for name in entries.sorted() {
            let path = dir + "/" + name
            if isDirectory(path) {
                try walk(path, relative: relative.isEmpty ? name : relative + "/" + name, depth: depth + 1, visit)
            } else if name.contains("tfevents") {
                visit(relative, path)
            }
        }
    }
}
