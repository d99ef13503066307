/// Encodes `Encodable` values as one line of compact JSON, members in the order they are
/// encoded, non-finite numbers as the bare tokens `NaN`, `Infinity` and `-Infinity`
/// (Python's `json.dumps` spelling, which `TrainingLog`'s JSON5 decoder and `descent plot` read).
enum CompactJSONEncoder {
    static func encode(_ value: some Encodable) throws -> String {
        let root = JSONNodeBox()
        try value.encode(to: NodeEncoder(box: root, codingPath: []))
        var out = ""
        root.node.write(to: &out)
        return out
    }

    /// Writes `v` as the log writes every number: whole numbers below 1e15 without a fraction.
    static func number(_ v: Double, to out: inout String) {
        if v.isNaN { out += "NaN" }
        else if v == .infinity { out += "Infinity" }
        else if v == -.infinity { out += "-Infinity" }
        else if v == 0 && v.sign == .minus { out += "-0.0" }
        else if v == v.rounded(), abs(v) < 1e15 { out += String(Int(v)) }
        else { out += "\(v)" }
    }

    static func quote(_ s: String, to out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }
}

/// A JSON value under construction; objects keep their members' order.
enum JSONNode {
    case null, bool(Bool), number(Double), integer(String), string(String), numbers([Double])
    case array([JSONNodeBox]), object([(String, JSONNodeBox)])

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(v): CompactJSONEncoder.number(v, to: &out)
        case let .integer(text): out += text
        case let .string(s): CompactJSONEncoder.quote(s, to: &out)
        case let .numbers(values):
            out += "["
            for (i, v) in values.enumerated() {
                if i > 0 { out += "," }
                CompactJSONEncoder.number(v, to: &out)
            }
            out += "]"
        case let .array(items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.node.write(to: &out)
            }
            out += "]"
        case let .object(members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                CompactJSONEncoder.quote(key, to: &out)
                out += ":"
                value.node.write(to: &out)
            }
            out += "}"
        }
    }
}

/// A node that containers fill in after handing it out.
final class JSONNodeBox {
    var node: JSONNode = .null

    func appendMember(_ key: String) -> JSONNodeBox {
        let child = JSONNodeBox()
        if case var .object(members) = node {
            node = .null
            members.append((key, child))
            node = .object(members)
        } else {
            node = .object([(key, child)])
        }
        return child
    }

    func appendItem() -> JSONNodeBox {
        let child = JSONNodeBox()
        if case var .array(items) = node {
            node = .null
            items.append(child)
            node = .array(items)
        } else {
            node = .array([child])
        }
        return child
    }

    var count: Int {
        if case let .array(items) = node { return items.count }
        return 0
    }
}

private struct NodeEncoder: Encoder {
    let box: JSONNodeBox
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = box.node {} else { box.node = .object([]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = box.node {} else { box.node = .array([]) }
        return UnkeyedNodeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleNodeContainer(box: box, codingPath: codingPath)
    }
}

/// Scalars as nodes, shared by the three containers.
private enum Scalar {
    static func node<T: Encodable>(_ value: T, box: JSONNodeBox, codingPath: [CodingKey]) throws {
        switch value {
        case let v as Double: box.node = .number(v)
        case let v as Float: box.node = .number(Double(v))
        case let v as Int: box.node = .integer(String(v))
        case let v as Int64: box.node = .integer(String(v))
        case let v as Int32: box.node = .integer(String(v))
        case let v as UInt64: box.node = .integer(String(v))
        case let v as UInt: box.node = .integer(String(v))
        case let v as UInt32: box.node = .integer(String(v))
        case let v as String: box.node = .string(v)
        case let v as Bool: box.node = .bool(v)
        case let v as [Double]: box.node = .numbers(v)  // parameter vectors: no node per number
        default: try value.encode(to: NodeEncoder(box: box, codingPath: codingPath))
        }
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNodeBox
    let codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { _ = box.appendMember(key.stringValue) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try Scalar.node(value, box: box.appendMember(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = box.appendMember(key.stringValue)
        child.node = .object([])
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = box.appendMember(key.stringValue)
        child.node = .array([])
        return UnkeyedNodeContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(box: box.appendMember("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        NodeEncoder(box: box.appendMember(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: JSONNodeBox
    let codingPath: [CodingKey]
    var count: Int { box.count }

    mutating func encodeNil() throws { _ = box.appendItem() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try Scalar.node(value, box: box.appendItem(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = box.appendItem()
        child.node = .object([])
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = box.appendItem()
        child.node = .array([])
        return UnkeyedNodeContainer(box: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder { NodeEncoder(box: box.appendItem(), codingPath: codingPath) }
}

private struct SingleNodeContainer: SingleValueEncodingContainer {
    let box: JSONNodeBox
    let codingPath: [CodingKey]

    mutating func encodeNil() throws { box.node = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { try Scalar.node(value, box: box, codingPath: codingPath) }
}
