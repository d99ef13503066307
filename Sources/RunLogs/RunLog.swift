/// A table of named columns read from one training log (CSV/TSV, JSON Lines or plain text).
///
/// Columns are stored column-major. A cell can be missing (sparse logs: the row simply
/// has no value for that column); missing is different from NaN, which is data.
public struct RunLog: Sendable {
    /// What the user named: a path as given, or "stdin" for `-`.
    public var source: String
    /// The format the reader recognised.
    public var format: LogFormat
    /// Number of data rows (records) read.
    public var rowCount: Int
    /// Columns in order of first appearance.
    public var columns: [LogColumn] {
        didSet { columnIndex = Self.index(columns) }
    }
    /// Position of each column by name (the first of a repeated name), for constant-time look-up.
    private var columnIndex: [String: Int]
    /// The run's name inside its input when one input holds several runs (a TensorBoard log
    /// directory, a Weights & Biases export); nil when the input is the run.
    public var runName: String?
    /// The column holding wall-clock time in seconds since the epoch, when the log has one.
    public var wallTimeColumn: String?
    /// Problems that did not stop reading (a corrupted record was skipped, …).
    public var warnings: [String]

    public init(source: String, format: LogFormat, rowCount: Int, columns: [LogColumn],
                runName: String? = nil, wallTimeColumn: String? = nil, warnings: [String] = []) {
        self.source = source
        self.format = format
        self.rowCount = rowCount
        self.columns = columns
        self.columnIndex = Self.index(columns)
        self.runName = runName
        self.wallTimeColumn = wallTimeColumn
        self.warnings = warnings
    }

    /// The column with exactly this name, if any.
    public func column(named name: String) -> LogColumn? {
        columnIndex[name].map { columns[$0] }
    }

    private static func index(_ columns: [LogColumn]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(columns.count)
        for (i, c) in columns.enumerated() where index[c.name] == nil { index[c.name] = i }
        return index
    }

    /// Names of the columns that hold numbers.
    public var numericColumnNames: [String] {
        columns.filter(\.isNumeric).map(\.name)
    }
}

/// One named column of a run log.
public struct LogColumn: Sendable {
    public var name: String
    /// One value per row; meaningful only where `isPresent(row)`.
    public var values: [Double]
    /// Row presence; empty means every row is present.
    public var present: [Bool]
    /// The first cell that is not a number in a column that otherwise holds numbers,
    /// or nil. A column that holds no numbers at all is text (`isNumeric == false`).
    public var firstBadCell: CellLocation?
    /// True when at least one cell parsed as a number (including nan/inf).
    public var isNumeric: Bool

    public init(name: String, values: [Double], present: [Bool] = [],
                firstBadCell: CellLocation? = nil, isNumeric: Bool = true) {
        self.name = name
        self.values = values
        self.present = present
        self.firstBadCell = firstBadCell
        self.isNumeric = isNumeric
    }

    /// Whether row `row` has a value in this column.
    @inlinable
    public func isPresent(_ row: Int) -> Bool {
        present.isEmpty || present[row]
    }

    /// The value at `row`, or nil when the row has none.
    @inlinable
    public func value(at row: Int) -> Double? {
        isPresent(row) ? values[row] : nil
    }
}

/// Where a cell sits in its file, and what text was found there.
public struct CellLocation: Sendable, Equatable {
    /// 1-based line number in the file.
    public var line: Int
    /// 1-based character column where the cell starts.
    public var column: Int
    /// The text found (trimmed, at most 40 characters).
    public var found: String

    public init(line: Int, column: Int, found: String) {
        self.line = line
        self.column = column
        self.found = found
    }
}

/// The formats `RunLogReader` understands.
public enum LogFormat: Sendable, Equatable {
    /// Delimited text with a header line; the delimiter is sniffed (`,` `\t` `;` `|`).
    case delimited(separator: UInt8)
    /// One JSON object per line.
    case jsonLines
    /// Free-form training output such as `Epoch 01 | Loss: 32.5000`.
    case text
    /// TensorBoard event files (TFRecord of `Event` protos).
    case tensorBoardEvents
    /// Hugging Face `trainer_state.json` (`log_history`).
    case trainerState

    /// A short human name: "CSV", "TSV", "JSON Lines", "text".
    public var name: String {
        switch self {
        case .delimited(let s): return s == UInt8(ascii: "\t") ? "TSV" : "CSV"
        case .jsonLines: return "JSON Lines"
        case .text: return "text"
        case .tensorBoardEvents: return "TensorBoard event"
        case .trainerState: return "trainer_state.json"
        }
    }
}

/// A log that cannot be read: names the file, and the line and column when known.
public struct RunLogError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the way compilers say it.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message)"
    }
}
