/// A mapping of a spec read key by key: each read marks the key used, typed reads say what
/// was expected, and `finish()` refuses keys nobody read, naming the keys that exist and the
/// nearest one.
public final class SpecMap {
    public let file: String
    public let position: SpecPosition
    let entries: [SpecEntry]
    /// What the mapping is, for messages ("panel 'A'").
    let context: String
    private var used: Set<String> = []
    /// Keys that are allowed though not read here (read by someone else).
    private var known: Set<String> = []

    public init(_ node: SpecNode, file: String, context: String) throws {
        guard case let .map(entries, position) = node else {
            throw SpecError(file, node.position, "\(context): expected a mapping of keys to values, found \(node.kindName)")
        }
        self.file = file; self.position = position; self.entries = entries; self.context = context
    }

    /// What the mapping is, as messages name it ("panel 'A'").
    public var contextDescription: String { context }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }

    /// The node under `key`, marking it used.
    public func node(_ key: String) -> SpecNode? {
        used.insert(key)
        return entries.first { $0.key == key }?.value
    }

    /// The entry under `key` (for its key position), marking it used.
    public func entry(_ key: String) -> SpecEntry? {
        used.insert(key)
        return entries.first { $0.key == key }
    }

    /// Marks keys as allowed without reading them.
    public func allow(_ keys: [String]) { known.formUnion(keys) }

    public func string(_ key: String) throws -> String? {
        guard let node = node(key) else { return nil }
        guard case let .scalar(s, _, _) = node else { throw wrongType(key, node, "text") }
        return s
    }

    public func requiredString(_ key: String) throws -> String {
        guard let s = try string(key) else { throw missing(key) }
        return s
    }

    public func number(_ key: String) throws -> Double? {
        guard let node = node(key) else { return nil }
        return try SpecValues.number(node, file: file, what: "'\(key)'")
    }

    public func integer(_ key: String) throws -> Int? {
        guard let node = node(key) else { return nil }
        let v = try SpecValues.number(node, file: file, what: "'\(key)'")
        guard v == v.rounded(), abs(v) < 1e15 else { throw SpecError(file, node.position, "'\(key)': expected a whole number, found \(v)") }
        return Int(v)
    }

    public func bool(_ key: String) throws -> Bool? {
        guard let node = node(key) else { return nil }
        guard case let .scalar(s, quoted, _) = node, !quoted, let b = SpecValues.bool(s) else { throw wrongType(key, node, "true or false") }
        return b
    }

    /// A number or a list of numbers (nested lists for matrices), flattened with its shape.
    public func numbers(_ key: String) throws -> [Double]? {
        guard let node = node(key) else { return nil }
        return try SpecValues.numbers(node, file: file, what: "'\(key)'")
    }

    public func missing(_ key: String) -> SpecError {
        SpecError(file, position, "\(context): missing '\(key)'")
    }

    public func wrongType(_ key: String, _ node: SpecNode, _ expected: String) -> SpecError {
        SpecError(file, node.position, "'\(key)': expected \(expected), found \(node.kindName)")
    }

    /// Throws for the first key that was neither read nor allowed: "unknown key 'lrr' in
    /// panel 'A'; did you mean 'lr'? (keys: ...)".
    public func finish() throws {
        let valid = used.union(known)
        for entry in entries where !valid.contains(entry.key) {
            throw SpecError(file, entry.keyPosition, SpecValues.unknownKeyMessage(entry.key, in: context, valid: valid.sorted()))
        }
    }
}

/// Reading scalars of a spec as numbers, booleans and lists, and the unknown-key message.
public enum SpecValues {
    public static func bool(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    /// A number: YAML floats and integers, `.inf`, `-.inf`, `.nan`.
    public static func number(_ node: SpecNode, file: String, what: String) throws -> Double {
        guard case let .scalar(s, _, p) = node else {
            throw SpecError(file, node.position, "\(what): expected a number, found \(node.kindName)")
        }
        switch s.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        guard let v = Double(s.replacingOccurrences(of: "_", with: "")) else {
            throw SpecError(file, p, "\(what): expected a number, found '\(s)'")
        }
        return v
    }

    /// A number or a (nested) list of numbers, flattened row by row.
    public static func numbers(_ node: SpecNode, file: String, what: String) throws -> [Double] {
        switch node {
        case .scalar: return [try number(node, file: file, what: what)]
        case .list(let items, _): return try items.flatMap { try numbers($0, file: file, what: what) }
        case .map: throw SpecError(file, node.position, "\(what): expected a number or a list of numbers, found a mapping")
        }
    }

    public static func unknownKeyMessage(_ key: String, in context: String, valid: [String]) -> String {
        var message = "unknown key '\(key)' in \(context)"
        if let near = nearest(key, among: valid) { message += "; did you mean '\(near)'?" }
        return message + " (keys: " + valid.joined(separator: ", ") + ")"
    }

    /// The candidate within edit distance 2 (or a third of the length) of `word`, closest first.
    public static func nearest(_ word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
