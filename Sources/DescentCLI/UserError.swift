import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure the user can fix (bad input, unwritable output): printed as one line on
/// stderr, exit status 1.
public struct UserError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Prints `descent: error: …` for a thrown error and returns the exit code to use.
func reportFailure(_ error: Error) -> ExitCode {
    Diagnostics.error(String(describing: error))
    return ExitCode(1)
}

/// One-line messages on standard error.
enum Diagnostics {
    static func error(_ message: String) { write("descent: error: \(message)\n") }
    static func note(_ message: String) { write("descent: note: \(message)\n") }
    static func warning(_ message: String) { write("descent: warning: \(message)\n") }

    static func write(_ s: String) {
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
