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
            let binary = format == .tensorBoardEvents || (format == nil && TensorBoardEventParser.looksLikeEvents(buf))
            if !binary, let encoding = TextEncoding.foreignEncoding(of: buf) {
                throw RunLogError(file: source, message: TextEncoding.message(encoding))
            }
            let chosen = format ?? (binary ? .tensorBoardEvents
                : TrainerStateParser.looksLike(buf) ? .trainerState
                : FormatSniffer.format(source: source, buf: buf, start: start))
            switch chosen {
            case .delimited(let separator):
                var parser = DelimitedParser(buf: buf, start: start, source: source, separator: separator)
                return try parser.parse()
            case .jsonLines:
                var parser = JSONLinesParser(buf: buf, start: start, source: source)
                return try parser.parse()
            case .text:
                if let log = try HeaderlessColumns.parse(buf, start: start, source: source) { return log }
                if let rewritten = FrameworkTextLines.rewrite(buf, start: start) {
                    return rewritten.withUnsafeBufferPointer { b in
                        var parser = TextLogParser(buf: b, start: 0, source: source)
                        return parser.parse()
                    }
                }
                var parser = TextLogParser(buf: buf, start: start, source: source)
                return parser.parse()
            case .tensorBoardEvents:
                var parser = TensorBoardEventParser(buf: buf, source: source)
                return parser.parse()
            case .trainerState:
                return try TrainerStateParser.parse(buf, source: source)
            }
        }
    }

    /// Every run in `path`: one for a log file (reshaped into several for a Weights & Biases
    /// export), one per run folder of a TensorBoard log directory. `format` forces the format.
    public static func readRuns(path: String, format: InputFormat? = nil) throws -> [RunLog] {
        if path != "-" && RunDiscovery.isDirectory(path) {
            if let format, format != .tensorboard {
                throw RunLogError(file: path, message: "is a directory; --input-format \(format.rawValue) reads files")
            }
            return try RunDiscovery.eventFiles(under: path).map { run, files in
                var logs = try files.map { file -> RunLog in
                    try parse(bytes: FileInput.contents(ofFile: file), source: file, format: .tensorBoardEvents)
                }
                var merged = logs.removeFirst()
                for more in logs { merged = merged.appendingRows(of: more) }
                merged.source = path
                merged.runName = run
                return merged
            }
        }
        let bytes = path == "-" ? try FileInput.standardInput() : try FileInput.contents(ofFile: path)
        let log = try parse(bytes: bytes, source: path == "-" ? "stdin" : path, format: format?.logFormat)
        if case .delimited = log.format { return FrameworkCSV.runs(of: log, forced: format) }
        return [log]
    }
}
