import ArgumentParser

/// The `--option` names a command's help text lists, worked out once per command type: every
/// spec panel (and every frame of an animation) checks its keys against them, and writing a
/// help text is not free.
enum HelpOptionNames {
    private static let cache = ProcessCache<ObjectIdentifier, Set<String>>()

    static func names(of command: any ParsableCommand.Type) -> Set<String> {
        cache.value(for: ObjectIdentifier(command)) { parse(command.helpMessage(columns: 10_000)) }
    }

    /// Every `--name` in a help text.
    static func parse(_ help: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(help)
        while let r = rest.range(of: "--") {
            let tail = rest[r.upperBound...]
            let name = tail.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if !name.isEmpty { names.insert(String(name)) }
            rest = tail
        }
        return names
    }
}
