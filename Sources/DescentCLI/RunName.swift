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

extension RunName {
    /// `names` with repeats told apart: the second "run" becomes "run (2)", the third "run (3)".
    static func numberingRepeats(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        var taken = Set(names)
        return names.map { name in
            let n = (seen[name] ?? 0) + 1
            seen[name] = n
            guard n > 1 else { return name }
            var k = n
            while taken.contains("\(name) (\(k))") { k += 1 }
            taken.insert("\(name) (\(k))")
            return "\(name) (\(k))"
        }
    }
}
