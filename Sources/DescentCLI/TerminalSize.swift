#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's size and colour support, for `--terminal`.
enum TerminalSize {
    static func current() -> (columns: Int, rows: Int) {
        var w = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0, w.ws_row > 0 {
            return (Int(w.ws_col), Int(w.ws_row))
        }
        let env = { (name: String) -> Int? in getenv(name).flatMap { Int(String(cString: $0)) } }
        return (env("COLUMNS") ?? 100, env("LINES") ?? 30)
    }

    static func isColorTerminal() -> Bool {
        if getenv("NO_COLOR") != nil { return false }
        guard isatty(STDOUT_FILENO) != 0 else { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }
}
