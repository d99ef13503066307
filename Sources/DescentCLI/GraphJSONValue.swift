import Autodiff
import Diagram

/// A value in the graph's JSON: a number, or an array of them (a vector; a matrix as its rows).
/// Non-finite numbers are the strings "NaN", "Infinity" and "-Infinity", as `GraphJSON.decoder` reads them.
indirect enum GraphJSONValue: Codable, Equatable {
    case number(Double)
    case array([GraphJSONValue])

    init(_ n: WireNumber) {
        switch n {
        case .scalar(let v): self = .number(v)
        case .tensor(let t): self.init(t)
        }
    }

    init(_ t: Tensor) {
        switch t.rank {
        case 0: self = .number(t.scalar)
        case 1: self = .array(t.data.map { .number($0) })
        default: self = .array(t.rows.map { .array($0.map { .number($0) }) })
        }
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let v = try? c.decode(Double.self) { self = .number(v) } else { self = .array(try c.decode([GraphJSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let v): try c.encode(v)
        case .array(let a): try c.encode(a)
        }
    }

    /// The JSON text `GraphJSON.encoded()` writes.
    var text: String {
        var t = JSONText()
        write(to: &t)
        return t.text
    }

    func write(to out: inout JSONText) {
        switch self {
        case .number(let v): out.number(v)
        case .array(let a): out.raw("["); out.list(a) { $1.write(to: &$0) }; out.raw("]")
        }
    }
}

/// `--step ETA --update W` in the JSON: the step size, the variables updated, the output before
/// and after, and each updated variable's value and gradient before the step.
struct GraphStepJSON: Codable, Equatable {
    var eta: Double
    var update: [String]
    var outputBefore: GraphJSONValue
    var outputAfter: GraphJSONValue
    var before: [String: GraphJSONValue]
    var gradient: [String: GraphJSONValue]

    enum CodingKeys: String, CodingKey {
        case eta, update, before, gradient
        case outputBefore = "output_before", outputAfter = "output_after"
    }

    var text: String {
        func map(_ m: [String: GraphJSONValue]) -> String {
            "{" + update.map { "\(GraphJSON.string($0)):\(m[$0]!.text)" }.joined(separator: ",") + "}"
        }
        return "{\"eta\":\(GraphJSON.number(eta)),\"update\":[" + update.map { GraphJSON.string($0) }.joined(separator: ",") + "],"
            + "\"output_before\":\(outputBefore.text),\"output_after\":\(outputAfter.text),\"before\":\(map(before)),\"gradient\":\(map(gradient))}"
    }
}

extension WireNumber {
    /// The NumPy-like text of the value, for Graphviz labels.
    var text: String {
        switch self {
        case .scalar(let v): return NumberText.compact(v)
        case .tensor(let t): return t.description
        }
    }

    /// The tensor's shape; nil for a scalar.
    var shape: [Int]? {
        if case .tensor(let t) = self { return t.shape }
        return nil
    }
}
