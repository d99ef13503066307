import Foundation

/// The `descent graph --values FILE.json` file: `{"x": -2, "y": 5}`, a JSON object of numbers.
/// Non-finite values are spelled as the graph's JSON export spells them: the strings "NaN",
/// "Infinity" and "-Infinity".
struct GraphValuesFile: Decodable {
    var values: [String: Double]

    private struct Name: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A value that is not a number, named by its key.
    struct BadValue: Error { var name: String }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Name.self)
        var out: [String: Double] = [:]
        // In key order, so the first bad entry named is the same on every run; booleans are refused.
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            guard let v = try? c.decode(Double.self, forKey: key) else { throw BadValue(name: key.stringValue) }
            out[key.stringValue] = v
        }
        values = out
    }

    /// Reads and decodes `path`, with one message per kind of problem.
    static func read(_ path: String) throws -> [String: Double] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("\(path): cannot read the values file (no such file or not readable)")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(GraphValuesFile.self, from: data).values
        } catch let e as BadValue {
            throw UserError("\(path): value of '\(e.name)' is not a number")
        } catch DecodingError.dataCorrupted {
            throw UserError("\(path): not valid JSON: expected an object of numbers, e.g. {\"x\": -2, \"y\": 5}")
        } catch {
            throw UserError("\(path): expected a JSON object of numbers, e.g. {\"x\": -2, \"y\": 5}")
        }
    }
}
