import Foundation

/// Where `descent graph` reads its expression: the argument itself, a file (`-f expr.txt`), or
/// standard input (`-` or `-f -`), since one argument is capped at 128 KiB. Errors in the text
/// are reported against `label` (the file's path, or "expression").
struct ExpressionSource {
    var text: String
    var label: String

    /// `argument` is the first positional argument; with `-f` it is an assignment, returned in
    /// `extraAssignment`.
    static func resolve(argument: String?, file: String?) throws -> (source: ExpressionSource, extraAssignment: String?) {
        if let file {
            let text = file == "-" ? try standardInput() : try InputText.read(file, what: "the expression file")
            return (ExpressionSource(text: strippingBOM(text), label: file == "-" ? "<stdin>" : file), argument)
        }
        guard let argument else {
            throw UserError("give the expression: descent graph \"(x + y) * z\" x=1 y=2 z=3, or -f FILE, or - to read standard input")
        }
        if argument == "-" { return (ExpressionSource(text: strippingBOM(try standardInput()), label: "<stdin>"), nil) }
        return (ExpressionSource(text: argument, label: "expression"), nil)
    }

    static func standardInput() throws -> String {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw UserError("<stdin>: the expression is not UTF-8 text")
        }
        return text
    }

    static func strippingBOM(_ s: String) -> String { s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s }
}
