import Foundation
import Autodiff

/// The `descent graph --values FILE.json` file: `{"x": -2, "W": [[3, 2], [4, 1]]}`, a JSON object of
/// numbers, vectors (arrays of numbers) and matrices (arrays of equally long rows). Non-finite
/// values are spelled as the graph's JSON export spells them: the strings "NaN", "Infinity" and "-Infinity".
struct GraphValuesFile: Decodable {
    var values: [String: Tensor]

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A value that is not a number, vector or matrix, named by its key (and what is wrong).
    struct BadValue: Error { var name: String; var problem: String = "is not a number" }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Name.self)
        var out: [String: Tensor] = [:]
        // In key order, so the first bad entry named is the same on every run; booleans are refused.
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            let name = key.stringValue
            if let v = try? c.decode(Double.self, forKey: key) {
                out[name] = Tensor(v)
            } else if let v = try? c.decode([Double].self, forKey: key) {
                guard !v.isEmpty else { throw BadValue(name: name, problem: "is an empty array") }
                out[name] = Tensor(vector: v)
            } else if let rows = try? c.decode([[Double]].self, forKey: key) {
                guard let first = rows.first, !first.isEmpty else { throw BadValue(name: name, problem: "is an empty matrix") }
                if let r = rows.firstIndex(where: { $0.count != first.count }) {
                    throw BadValue(name: name, problem: "has ragged rows: row \(r + 1) has \(rows[r].count) entries, row 1 has \(first.count)")
                }
                out[name] = Tensor(rows: rows)
            } else {
                throw BadValue(name: name, problem: "is not a number, an array of numbers or an array of equally long rows")
            }
        }
        values = out
    }

    /// Reads and decodes `path`, with one message per kind of problem.
    static func read(_ path: String) throws -> [String: Tensor] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("\(path): cannot read the values file (no such file or not readable)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(GraphValuesFile.self, from: data).values
        } catch let e as BadValue {
            throw UserError("\(path): value of '\(e.name)' \(e.problem)")
        } catch DecodingError.dataCorrupted {
            throw UserError("\(path): not valid JSON: expected an object of numbers, e.g. {\"x\": -2, \"y\": 5}")
        } catch {
            throw UserError("\(path): expected a JSON object of numbers, e.g. {\"x\": -2, \"y\": 5}")
        }
    }
}
