/// Reads run logs from files, standard input or bytes, sniffing the format.
public enum RunLogReader {
    /// Reads `path`; "-" reads standard input (source "stdin"). Throws RunLogError.
    public static func read(path: String) throws -> RunLog {
        if path == "-" {
            return try parse(bytes: FileInput.standardInput(), source: "stdin")
        }
        return try parse(bytes: FileInput.contents(ofFile: path), source: path)
    }

    /// Parses bytes already in memory; `source` names them in errors. `format` nil = sniff
    /// (by the extension of `source` when it has a known one, else by content).
    public static func parse(bytes: [UInt8], source: String, format: LogFormat? = nil) throws -> RunLog {
        try bytes.withUnsafeBufferPointer { buf in
            let start = ByteText.bodyStart(buf)
            if ByteText.isAllBlank(buf, from: start) {
                throw RunLogError(file: source, message: "the file is empty")
            }
            switch format ?? FormatSniffer.format(source: source, buf: buf, start: start) {
            case .delimited(let separator):
                var parser = DelimitedParser(buf: buf, start: start, source: source, separator: separator)
                return try parser.parse()
            case .jsonLines:
                var parser = JSONLinesParser(buf: buf, start: start, source: source)
                return try parser.parse()
            case .text:
                var parser = TextLogParser(buf: buf, start: start, source: source)
                return parser.parse()
            }
        }
    }
}
