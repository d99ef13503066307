/// Reads a TensorBoard event file: TFRecord framing (length, masked CRC-32C of the length,
/// data, masked CRC-32C of the data) around `Event` protos whose `Summary` values are
/// scalars, either `simple_value` (TF1, tensorboardX, PyTorch) or one-element float/double
/// tensors (TF2's `tf.summary.scalar`, in `float_val`/`double_val` or `tensor_content`).
///
/// Each scalar is one row with `step`, `wall_time` and the value in the column named by its
/// tag. A damaged file yields every valid record and a warning naming the byte offset.
struct TensorBoardEventParser {
    let buf: UnsafeBufferPointer<UInt8>
    let source: String

    private var builders: [ColumnBuilder] = [ColumnBuilder(name: "step"), ColumnBuilder(name: "wall_time")]
    private var tagColumns: [String: Int] = [:]
    private var rows = 0
    private var warnings: [String] = []

    init(buf: UnsafeBufferPointer<UInt8>, source: String) {
        self.buf = buf
        self.source = source
    }

    /// True when `buf` starts with a record whose length CRC checks out.
    static func looksLikeEvents(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        guard buf.count >= 12 else { return false }
        return CRC32C.masked(CRC32C.checksum(buf, 0..<8)) == littleEndian32(buf, 8)
    }

    mutating func parse() -> RunLog {
        var pos = 0
        let n = buf.count
        while pos < n {
            guard n - pos >= 12 else {
                warnings.append("\(source): truncated record header at byte \(pos); kept the \(rows) scalars before it")
                break
            }
            let length = littleEndian64(buf, pos)
            guard CRC32C.masked(CRC32C.checksum(buf, pos..<(pos + 8))) == Self.littleEndian32(buf, pos + 8) else {
                warnings.append("\(source): corrupted record length at byte \(pos) (CRC mismatch); kept the \(rows) scalars before it")
                break
            }
            guard length <= UInt64(n - pos - 12), n - pos - 12 - Int(length) >= 4 else {
                warnings.append("\(source): record at byte \(pos) is cut off; kept the \(rows) scalars before it")
                break
            }
            let data = (pos + 12)..<(pos + 12 + Int(length))
            let next = data.upperBound + 4
            if CRC32C.masked(CRC32C.checksum(buf, data)) != Self.littleEndian32(buf, data.upperBound) {
                warnings.append("\(source): record at byte \(pos) failed its CRC check and was skipped")
            } else {
                do {
                    try readEvent(data)
                } catch {
                    warnings.append("\(source): record at byte \(pos) is not a valid Event and was skipped")
                }
            }
            pos = next
        }
        let columns = builders.finish(rowCount: rows)
        return RunLog(source: source, format: .tensorBoardEvents, rowCount: rows, columns: columns,
                      wallTimeColumn: "wall_time", warnings: warnings)
    }

    private mutating func readEvent(_ range: Range<Int>) throws {
        var r = ProtobufReader(buf, range)
        var wallTime = Double.nan
        var step: Int64 = 0
        var summaries: [Range<Int>] = []
        while let field = try r.nextField() {
            switch (field.number, field.type) {
            case (1, .fixed64): wallTime = Double(bitPattern: try r.fixed64())
            case (2, .varint): step = Int64(bitPattern: try r.varint())
            case (5, .lengthDelimited): summaries.append(try r.lengthDelimited())
            default: try r.skip(field.type)
            }
        }
        for summary in summaries {
            var s = ProtobufReader(buf, summary)
            while let field = try s.nextField() {
                if field.number == 1, field.type == .lengthDelimited {
                    if let (tag, value) = try readValue(try s.lengthDelimited()) {
                        append(step: step, wallTime: wallTime, tag: tag, value: value)
                    }
                } else {
                    try s.skip(field.type)
                }
            }
        }
    }

    /// A `Summary.Value`: its tag and scalar, or nil when it is not a scalar.
    private func readValue(_ range: Range<Int>) throws -> (String, Double)? {
        var r = ProtobufReader(buf, range)
        var tag: String?
        var value: Double?
        var pluginName: String?
        while let field = try r.nextField() {
            switch (field.number, field.type) {
            case (1, .lengthDelimited): tag = r.string(try r.lengthDelimited())
            case (2, .fixed32): value = Double(Float(bitPattern: try r.fixed32()))
            case (8, .lengthDelimited): if value == nil { value = try readScalarTensor(try r.lengthDelimited()) }
            case (9, .lengthDelimited): pluginName = try readPluginName(try r.lengthDelimited())
            default: try r.skip(field.type)
            }
        }
        if let pluginName, pluginName != "scalars" { return nil }
        guard let tag, let value else { return nil }
        return (tag, value)
    }

    /// `SummaryMetadata.plugin_data.plugin_name`.
    private func readPluginName(_ range: Range<Int>) throws -> String? {
        var r = ProtobufReader(buf, range)
        while let field = try r.nextField() {
            if field.number == 1, field.type == .lengthDelimited {
                var p = ProtobufReader(buf, try r.lengthDelimited())
                while let f = try p.nextField() {
                    if f.number == 1, f.type == .lengthDelimited { return p.string(try p.lengthDelimited()) }
                    try p.skip(f.type)
                }
            } else {
                try r.skip(field.type)
            }
        }
        return nil
    }

    /// A one-element DT_FLOAT (1) or DT_DOUBLE (2) `TensorProto`, else nil.
    private func readScalarTensor(_ range: Range<Int>) throws -> Double? {
        var r = ProtobufReader(buf, range)
        var dtype: UInt64 = 0
        var values: [Double] = []
        var content: Range<Int>?
        while let field = try r.nextField() {
            switch (field.number, field.type) {
            case (1, .varint): dtype = try r.varint()
            case (4, .lengthDelimited): content = try r.lengthDelimited()
            case (5, .lengthDelimited):
                var p = ProtobufReader(buf, try r.lengthDelimited())
                while !p.isAtEnd { values.append(Double(Float(bitPattern: try p.fixed32()))) }
            case (5, .fixed32): values.append(Double(Float(bitPattern: try r.fixed32())))
            case (6, .lengthDelimited):
                var p = ProtobufReader(buf, try r.lengthDelimited())
                while !p.isAtEnd { values.append(Double(bitPattern: try p.fixed64())) }
            case (6, .fixed64): values.append(Double(bitPattern: try r.fixed64()))
            default: try r.skip(field.type)
            }
        }
        if let content, values.isEmpty {
            if dtype == 1, content.count == 4 { values.append(Double(Float(bitPattern: Self.littleEndian32(buf, content.lowerBound)))) }
            if dtype == 2, content.count == 8 { values.append(Double(bitPattern: littleEndian64(buf, content.lowerBound))) }
        }
        guard dtype == 1 || dtype == 2, values.count == 1 else { return nil }
        return values[0]
    }

    private mutating func append(step: Int64, wallTime: Double, tag: String, value: Double) {
        let column: Int
        if let c = tagColumns[tag] {
            column = c
        } else {
            column = builders.count
            tagColumns[tag] = column
            builders.append(ColumnBuilder(name: tag))
        }
        builders[0].set(row: rows, Double(step))
        builders[1].set(row: rows, wallTime)
        builders[column].set(row: rows, value)
        rows += 1
    }

    static func littleEndian32(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        UInt32(buf[i]) | UInt32(buf[i + 1]) << 8 | UInt32(buf[i + 2]) << 16 | UInt32(buf[i + 3]) << 24
    }

    private func littleEndian64(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UInt64(Self.littleEndian32(buf, i)) | UInt64(Self.littleEndian32(buf, i + 4)) << 32
    }
}
