import Foundation
import Yams

/// Reads YAML text into a `SpecNode` tree with positions (through Yams' composer).
public enum SpecReader {
    /// Parses `text`; a syntax error names the file, line and column and what YAML expected.
    public static func parse(_ text: String, file: String) throws -> SpecNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            throw SpecError(file, SpecPosition(line: context.mark.line, column: context.mark.column),
                            duplicates.map { "'\($0)'" }.joined(separator: ", ") + " is given more than once in this mapping")
        } catch let error as YamlError {
            throw SpecError(file, position(of: error), "not valid YAML: \(problem(of: error))")
        } catch {
            throw SpecError(file, nil, "not valid YAML: \(error)")
        }
        guard let node else { throw SpecError(file, nil, "the file is empty: expected a mapping with id, title, panels") }
        return try convert(node, file: file)
    }

    /// Reads and parses the file at `path`.
    public static func read(path: String) throws -> (node: SpecNode, text: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw SpecError(path, nil, isDirectory.boolValue ? "is a directory, not a spec file" : "cannot be read")
            }
            throw SpecError(path, nil, "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw SpecError(path, nil, "is not UTF-8 text") }
        return (try parse(text, file: path), text)
    }

    static func convert(_ node: Node, file: String) throws -> SpecNode {
        let at = node.mark.map { SpecPosition(line: $0.line, column: $0.column) } ?? SpecPosition(line: 1, column: 1)
        switch node {
        case .scalar(let s):
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted || s.style == .literal || s.style == .folded
            return .scalar(s.string, quoted: quoted, at)
        case .sequence(let seq):
            return .list(try seq.map { try convert($0, file: file) }, at)
        case .mapping(let map):
            var entries: [SpecEntry] = []
            for (k, v) in map {
                guard case .scalar(let key) = k else {
                    throw SpecError(file, k.mark.map { SpecPosition(line: $0.line, column: $0.column) } ?? at, "a key must be a plain name")
                }
                let kp = k.mark.map { SpecPosition(line: $0.line, column: $0.column) } ?? at
                if let first = entries.first(where: { $0.key == key.string }) {
                    throw SpecError(file, kp, "'\(key.string)' is given twice (first at line \(first.keyPosition.line))")
                }
                entries.append(SpecEntry(key: key.string, keyPosition: kp, value: try convert(v, file: file)))
            }
            return .map(entries, at)
        case .alias:
            throw SpecError(file, at, "YAML aliases are not supported in spec files")
        }
    }

    static func position(of error: YamlError) -> SpecPosition? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SpecPosition(line: mark.line, column: mark.column)
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            return context.map { "\(problem) (\($0.text))" } ?? problem
        default: return "\(error)"
        }
    }
}
