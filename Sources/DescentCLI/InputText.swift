import Foundation

/// Reads an input file as UTF-8 text, with the error users see when it cannot be read.
enum InputText {
    /// `what` names the file's role in the message, e.g. "the run log".
    static func read(_ path: String, what: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw UserError("\(path): cannot read \(what) (\(FileManager.default.fileExists(atPath: path) ? "not UTF-8 text?" : "no such file"))")
        }
    }
}
