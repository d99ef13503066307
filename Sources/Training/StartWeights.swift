/// Start weights from a JSON file (`--weights FILE.json`): an object with one matrix per layer,
/// `"W1": [[...], ...]` in the shape the weights are drawn in (`WeightShape`: n_out rows of n_in
/// for out-in, the 001 worked example's `{"W1": [[3, 2], [4, 1], [5, 2]]}`), and optional bias
/// vectors `"b1": [...]` (zeros when absent, as the course's `np.zeros`).
public enum StartWeights {
    /// A problem in the file, with its position.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The parameter vector for `spec` from the JSON `text` of `path`.
    public static func parameters(json text: String, path: String, spec: MLPSpec, shape: WeightShape) throws -> [Double] {
        var parser = MatrixJSON(text: Array(text.utf8), path: path)
        let members = try parser.document()
        var byName: [String: MatrixJSON.Value] = [:]
        for (name, value) in members { byName[name] = value }
        let layerCount = spec.layers.count - 1
        let known = Set((1...layerCount).flatMap { ["W\($0)", "b\($0)"] })
        if let unknown = members.map(\.0).first(where: { !known.contains($0) || (!spec.bias && $0.hasPrefix("b")) }) {
            let expected = spec.bias ? "W1..W\(layerCount) and optional b1..b\(layerCount)" : "W1..W\(layerCount) (the network has no biases)"
            throw Failure(description: "\(path): unexpected key \"\(unknown)\": expected \(expected)")
        }
        var p: [Double] = []
        p.reserveCapacity(spec.parameterCount)
        for l in 1...layerCount {
            let nIn = spec.layers[l - 1], nOut = spec.layers[l]
            let (rows, cols) = shape == .outIn ? (nOut, nIn) : (nIn, nOut)
            let what = "a \(rows) x \(cols) matrix (\(shape == .outIn ? "n_out x n_in" : "n_in x n_out") for layers \(spec.layers.map(String.init).joined(separator: ",")))"
            guard let value = byName["W\(l)"] else { throw Failure(description: "\(path): no \"W\(l)\": expected \(what)") }
            guard case let .array(rowValues, _) = value, rowValues.count == rows else {
                throw Failure(description: "\(path): \"W\(l)\" at \(value.position): expected \(what)")
            }
            var m: [Double] = []
            for row in rowValues {
                guard case let .array(cells, _) = row, cells.count == cols else {
                    throw Failure(description: "\(path): \"W\(l)\" row at \(row.position): expected \(cols) numbers (\(what))")
                }
                for cell in cells {
                    guard case let .number(v, _) = cell else {
                        throw Failure(description: "\(path): \"W\(l)\" at \(cell.position): expected a number")
                    }
                    m.append(v)
                }
            }
            if shape == .outIn { p += m } else { for o in 0..<nOut { for i in 0..<nIn { p.append(m[i * nOut + o]) } } }
            guard spec.bias else { continue }
            guard let b = byName["b\(l)"] else { p += [Double](repeating: 0, count: nOut); continue }
            guard case let .array(cells, _) = b, cells.count == nOut else {
                throw Failure(description: "\(path): \"b\(l)\" at \(b.position): expected a vector of \(nOut) numbers")
            }
            for cell in cells {
                guard case let .number(v, _) = cell else { throw Failure(description: "\(path): \"b\(l)\" at \(cell.position): expected a number") }
                p.append(v)
            }
        }
        return p
    }
}

/// The JSON subset of a weights file: one object of arrays of numbers, with line:column positions.
struct MatrixJSON {
    indirect enum Value {
        case number(Double, String)
        case array([Value], String)
        var position: String {
            switch self {
            case let .number(_, p), let .array(_, p): return p
            }
        }
    }

    let text: [UInt8]
    let path: String
    var i = 0

    init(text: [UInt8], path: String) {
        self.text = text
        self.path = path
    }

    func here(_ at: Int? = nil) -> String {
        let end = min(at ?? i, text.count)
        var line = 1, column = 1
        for b in text[..<end] { if b == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 } }
        return "\(line):\(column)"
    }

    func fail(_ expected: String) -> StartWeights.Failure {
        StartWeights.Failure(description: "\(path):\(here()): expected \(expected)")
    }

    mutating func skipSpace() {
        while i < text.count, [0x20, 0x09, 0x0A, 0x0D].contains(text[i]) { i += 1 }
    }

    mutating func expect(_ c: Character) throws {
        skipSpace()
        guard i < text.count, text[i] == c.asciiValue! else { throw fail("'\(c)'") }
        i += 1
    }

    /// The top-level object's members in file order.
    mutating func document() throws -> [(String, Value)] {
        skipSpace()
        guard i < text.count, text[i] == UInt8(ascii: "{") else { throw fail("a JSON object such as {\"W1\": [[3, 2], [4, 1], [5, 2]]}") }
        i += 1
        var members: [(String, Value)] = []
        skipSpace()
        if i < text.count, text[i] == UInt8(ascii: "}") { i += 1 } else {
            while true {
                let key = try string()
                try expect(":")
                members.append((key, try value()))
                skipSpace()
                if i < text.count, text[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect("}")
                break
            }
        }
        skipSpace()
        guard i == text.count else { throw fail("the end of the file after the object") }
        return members
    }

    mutating func string() throws -> String {
        skipSpace()
        guard i < text.count, text[i] == UInt8(ascii: "\"") else { throw fail("a key in double quotes, such as \"W1\"") }
        i += 1
        let start = i
        while i < text.count, text[i] != UInt8(ascii: "\"") { i += 1 }
        guard i < text.count else { throw fail("a closing '\"'") }
        defer { i += 1 }
        return String(decoding: text[start..<i], as: UTF8.self)
    }

    mutating func value() throws -> Value {
        skipSpace()
        let at = here()
        guard i < text.count else { throw fail("a number or an array") }
        if text[i] == UInt8(ascii: "[") {
            i += 1
            var items: [Value] = []
            skipSpace()
            if i < text.count, text[i] == UInt8(ascii: "]") { i += 1; return .array(items, at) }
            while true {
                items.append(try value())
                skipSpace()
                if i < text.count, text[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect("]")
                return .array(items, at)
            }
        }
        let start = i
        while i < text.count, "+-.0123456789eE".utf8.contains(text[i]) { i += 1 }
        guard let v = Double(String(decoding: text[start..<i], as: UTF8.self)), v.isFinite else {
            i = start
            throw fail("a number or an array")
        }
        return .number(v, at)
    }
}
