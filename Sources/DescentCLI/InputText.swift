import Foundation
import RunLogs

/// Reads an input file as UTF-8 text (a byte order mark dropped), with the error users see
/// when it cannot be read or is in another encoding.
enum InputText {
    /// `what` names the file's role in the message, e.g. "the run log".
    static func read(_ path: String, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UserError("\(path): cannot read \(what) (\(FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"))")
        }
        if let encoding = data.withUnsafeBytes({ TextEncoding.foreignEncoding(of: $0.bindMemory(to: UInt8.self)) }) {
            throw UserError("\(path): \(TextEncoding.message(encoding))")
        }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }
}
