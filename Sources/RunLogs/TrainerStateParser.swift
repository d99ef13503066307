import Foundation

/// Reads Hugging Face `trainer_state.json`: each `log_history` entry is a row of its numeric
/// fields (`loss`, `eval_loss`, `learning_rate`, … by `step` and `epoch`). Training and
/// evaluation entries are separate rows, so their series are sparse.
enum TrainerStateParser {
    /// True when the bytes look like a trainer state (a JSON object with `log_history`).
    static func looksLike(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = String(decoding: UnsafeBufferPointer(rebasing: buf[0..<min(buf.count, 1 << 16)]), as: UTF8.self)
        return head.contains("\"log_history\"") && head.drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }.first == "{"
    }

    static func parse(_ buf: UnsafeBufferPointer<UInt8>, source: String) throws -> RunLog {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(buffer: buf), options: [.fragmentsAllowed])
        } catch {
            throw RunLogError(file: source, message: "expected a trainer_state.json (JSON object), but it is not valid JSON")
        }
        guard let root = object as? [String: Any], let history = root["log_history"] as? [Any] else {
            throw RunLogError(file: source, message: "expected a JSON object with a 'log_history' list (Hugging Face trainer_state.json)")
        }
        var names: [String] = []
        var columns: [String: Int] = [:]
        var builders: [ColumnBuilder] = []
        var rows = 0
        for case let entry as [String: Any] in history {
            let numbers = entry.compactMap { key, value -> (String, Double)? in
                guard let n = value as? NSNumber, String(cString: n.objCType) != "c" else { return nil }  // "c": a boolean
                return (key, n.doubleValue)
            }.sorted { order($0.0) < order($1.0) }
            guard !numbers.isEmpty else { continue }
            for (key, value) in numbers {
                let c: Int
                if let existing = columns[key] { c = existing } else {
                    c = builders.count; columns[key] = c; names.append(key)
                    builders.append(ColumnBuilder(name: key))
                }
                builders[c].set(row: rows, value)
            }
            rows += 1
        }
        // Put step and epoch first, the rest by name, as a reader expects.
        var finished = builders.finish(rowCount: rows)
        finished.sort { order($0.name) < order($1.name) }
        return RunLog(source: source, format: .trainerState, rowCount: rows, columns: finished)
    }

    static func order(_ key: String) -> String {
        switch key {
        case "step": return "0"
        case "epoch": return "1"
        default: return "2" + key
        }
    }
}

