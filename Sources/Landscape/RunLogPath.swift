import Foundation
import Training

/// Reads the path of a `descent train` run log (JSON Lines): the `params` of each step record.
public enum RunLogPath {
    /// Why a run log gives no path.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The logged parameter pairs, in step order, with the surface's loss at each.
    public static func parse(_ text: String, path: String, label: String, loss: (Double, Double) -> Double) throws -> OptimizerPath {
        var points: [Point2] = [], losses: [Double] = []
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
            guard object["type"] as? String == "step" else { continue }
            stepLines += 1
            guard let params = object["params"] as? [Any] else { continue }
            guard params.count == 2, let x = number(params[0]), let y = number(params[1]) else {
                let hint = params.count == 3 ? " (a linear model on two features: train it with --no-bias)" : ""
                throw Failure(description: "\(path):\(n + 1): 'params' has \(params.count) values; a landscape path needs exactly 2\(hint)")
            }
            points.append(Point2(x, y))
            losses.append(loss(x, y))
        }
        guard !points.isEmpty else {
            throw Failure(description: stepLines == 0
                ? "\(path): no step records: expected a JSON Lines run log from descent train --log"
                : "\(path): the step records have no 'params' (log them with descent train --log-params)")
        }
        return OptimizerPath(label: label, kind: "run", points: points, losses: losses)
    }

    static func number(_ v: Any) -> Double? {
        if let d = v as? Double { return d }
        if let s = v as? String { return Double(s) }  // "NaN", "Infinity" as written by JSONText
        return nil
    }
}
