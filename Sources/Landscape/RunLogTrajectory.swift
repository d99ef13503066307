import Foundation

/// The header and the logged parameter vectors of a `descent train` run log (JSON Lines).
public struct RunLogTrajectory {
    /// The first line's fields (`{"type":"header", ...}`), empty when the log has none.
    public var header: [String: Any]
    /// The `params` of each step record, in order.
    public var states: [[Double]]
    /// The 1-based line number of each state, for messages.
    public var lines: [Int]

    /// Why a run log gives no trajectory.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads every line; states must all have the same length.
    public static func parse(_ text: String, path: String) throws -> RunLogTrajectory {
        var out = RunLogTrajectory(header: [:], states: [], lines: [])
        var stepLines = 0
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            // The run log writes non-finite numbers bare, as Python does; quote them for the JSON parser.
            if trimmed.contains("NaN") || trimmed.contains("Infinity") {
                trimmed = trimmed.replacingOccurrences(of: "-Infinity", with: "\"-Infinity\"")
                    .replacingOccurrences(of: ":Infinity", with: ":\"Infinity\"").replacingOccurrences(of: ",Infinity", with: ",\"Infinity\"")
                    .replacingOccurrences(of: "[Infinity", with: "[\"Infinity\"").replacingOccurrences(of: "NaN", with: "\"NaN\"")
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw Failure(description: "\(path):\(n + 1): expected a JSON object per line (a descent train --log file)")
            }
            switch object["type"] as? String {
            case "header":
                out.header = object
            case "step":
                stepLines += 1
                guard let params = object["params"] as? [Any] else { continue }
                let values = params.compactMap(number)
                guard values.count == params.count else {
                    throw Failure(description: "\(path):\(n + 1): 'params' holds something other than numbers")
                }
                if let first = out.states.first, first.count != values.count {
                    throw Failure(description: "\(path):\(n + 1): 'params' has \(values.count) values where line \(out.lines[0]) has \(first.count)")
                }
                out.states.append(values)
                out.lines.append(n + 1)
            default:
                continue
            }
        }
        guard !out.states.isEmpty else {
            throw Failure(description: stepLines == 0
                ? "\(path): no step records: expected a JSON Lines run log from descent train --log"
                : "\(path): the step records have no 'params' (log them with descent train --log-params)")
        }
        return out
    }

    static func number(_ v: Any) -> Double? {
        if let d = v as? Double { return d }
        if let s = v as? String { return Double(s) }  // "NaN", "Infinity" as written by JSONText
        return nil
    }
}
