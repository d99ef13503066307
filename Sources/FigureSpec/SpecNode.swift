/// Where something stands in a spec file: 1-based line and column.
public struct SpecPosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
}

/// A YAML document as plain data with the position of every value, so errors can point at
/// the key or value they are about.
public indirect enum SpecNode: Sendable {
    /// A scalar's text; `quoted` when it was written in quotes (then it is always a string).
    case scalar(String, quoted: Bool, SpecPosition)
    case list([SpecNode], SpecPosition)
    /// Keys in file order.
    case map([SpecEntry], SpecPosition)

    public var position: SpecPosition {
        switch self {
        case .scalar(_, _, let p), .list(_, let p), .map(_, let p): return p
        }
    }

    /// What kind of value this is, for messages.
    public var kindName: String {
        switch self {
        case .scalar: return "a single value"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}

/// One `key: value` pair of a mapping.
public struct SpecEntry: Sendable {
    public var key: String
    public var keyPosition: SpecPosition
    public var value: SpecNode
    public init(key: String, keyPosition: SpecPosition, value: SpecNode) {
        self.key = key; self.keyPosition = keyPosition; self.value = value
    }
}

/// A problem in a spec file: the file, the position and what was expected.
public struct SpecError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var position: SpecPosition?
    public var message: String

    public init(_ file: String, _ position: SpecPosition?, _ message: String) {
        self.file = file; self.position = position; self.message = message
    }

    public var description: String {
        position.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
