/// How a run log is named in legends: its file name without the directory and a `.jsonl` extension.
enum RunName {
    static func of(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        for ext in [".jsonl", ".ndjson"] where file.hasSuffix(ext) && file.count > ext.count {
            return String(file.dropLast(ext.count))
        }
        return file
    }
}
