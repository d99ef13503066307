import ArgumentParser
import FigureSpec

/// Turns a spec panel's options into the command line of the command whose vocabulary they
/// use (`lr: 0.05` -> `--lr=0.05`, `log-y: true` -> `--log-y`, a list -> comma-separated or,
/// for repeatable options, one option each), so a spec and the command line share one set of
/// names and one set of checks.
struct SpecCommandBridge {
    /// Options the spec decides itself for figure-writing commands (the figure's file, size and format).
    static let figureOutputKeys: Set<String> = ["output", "format", "size", "dpi", "terminal", "follow", "frames", "export-data"]

    var command: any ParsableCommand.Type
    /// Options of the command the spec does not pass on.
    var excluded: Set<String> = figureOutputKeys
    /// Options given once per list item (`label: [a, b]` -> `--label a --label b`).
    var repeatable: Set<String> = []
    /// Keys that are not options of the command (read by the panel builder itself).
    var ownKeys: Set<String> = []

    /// The options `command` accepts, from its help text.
    var optionNames: [String] {
        HelpOptionNames.names(of: command).subtracting(excluded).subtracting(["version", "help"]).sorted()
    }

    /// The arguments for `options` (all keys but `ownKeys` and `kind`), checking each key
    /// against the command's options first.
    func arguments(_ options: SpecMap) throws -> [String] {
        let valid = optionNames
        var args: [String] = []
        for key in options.keys where key != "kind" && !ownKeys.contains(key) {
            let entry = options.entry(key)!
            guard valid.contains(key) else {
                throw SpecError(options.file, entry.keyPosition,
                                SpecValues.unknownKeyMessage(key, in: options.contextName, valid: Set(valid + ownKeys + ["kind"]).sorted()))
            }
            switch entry.value {
            case let .scalar(text, quoted, _):
                if !quoted, let flag = SpecValues.bool(text) {
                    if flag { args.append("--\(key)") }
                } else {
                    args.append("--\(key)=\(text)")
                }
            case let .list(items, _):
                let texts = try items.map { item -> String in
                    guard case let .scalar(t, _, _) = item else {
                        throw SpecError(options.file, item.position, "'\(key)': expected a list of values, found \(item.kindName) in it")
                    }
                    return t
                }
                if repeatable.contains(key) { args += texts.map { "--\(key)=\($0)" } } else { args.append("--\(key)=" + texts.joined(separator: ",")) }
            case .map:
                throw SpecError(options.file, entry.value.position, "'\(key)': expected a value or a list, found a mapping")
            }
        }
        return args
    }

    /// Parses `arguments` as `command` would, mapping its errors onto the panel's position.
    func parse<C: ParsableCommand>(_ type: C.Type, _ arguments: [String], options: SpecMap, at position: SpecPosition) throws -> C {
        do {
            return try C.parse(arguments)
        } catch {
            throw SpecError(options.file, position, "\(options.contextName): " + C.message(for: error))
        }
    }
}

extension SpecMap {
    /// "panel 'A'", as messages name it.
    var contextName: String { contextDescription }
}
