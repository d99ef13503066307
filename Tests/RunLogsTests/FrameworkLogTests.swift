import Foundation
import Testing
@testable import RunLogs

/// Logs written by the frameworks' own writers (see Fixtures/make_fixtures.py and
/// Fixtures/WRITERS.txt). Expected values come from the formulas the script used:
/// train/loss = 2·0.9^k, val/loss = 3·0.8^k every 5th step, wall time 1700000000 + 10k.
@Suite("Framework logs")
struct FrameworkLogTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    func fixture(_ name: String) -> String { Self.fixtures + "/" + name }

    /// The present (x, y) pairs of column `y` against column `x`.
    func pairs(_ log: RunLog, x: String, y: String) -> [(Double, Double)] {
        guard let xc = log.column(named: x), let yc = log.column(named: y) else { return [] }
        return (0..<log.rowCount).compactMap { r in
            guard let xv = xc.value(at: r), let yv = yc.value(at: r) else { return nil }
            return (xv, yv)
        }
    }

    @Test("tensorboardX log directory: one run per folder, simple_value scalars (float32)")
    func tensorboardXDirectory() throws {
        let runs = try RunLogReader.readRuns(path: fixture("tensorboardX-simple"))
        #expect(runs.map(\.runName) == ["adam", "sgd"])
        #expect(runs.allSatisfy { $0.format == .tensorBoardEvents && $0.warnings.isEmpty })
        for (run, scale) in zip(runs, [1.0, 1.5]) {
            let loss = pairs(run, x: "step", y: "train/loss")
            #expect(loss.count == 20)
            for (k, v) in loss { #expect(v == Double(Float(scale * 2 * pow(0.9, k)))) }
            let val = pairs(run, x: "step", y: "val/loss")
            #expect(val.map(\.0) == [0, 5, 10, 15])
            for (k, v) in val { #expect(v == Double(Float(scale * 3 * pow(0.8, k)))) }
            let wall = pairs(run, x: "step", y: "wall_time")
            #expect(wall.allSatisfy { abs($1 - (1_700_000_000 + 10 * $0)) < 1e-3 })
        }
    }

    @Test("TF2 scalar tensors: float32 from tensorboard's writer, float64 in double_val and tensor_content")
    func tensors() throws {
        let float = try RunLogReader.readRuns(path: fixture("tensorboard-writer"))[0]
        for (k, v) in pairs(float, x: "step", y: "train/loss") { #expect(v == Double(Float(2 * pow(0.9, k)))) }
        #expect(pairs(float, x: "step", y: "train/loss").count == 20)
        let double = try RunLogReader.readRuns(path: fixture("tf2-double"))[0]
        let values = pairs(double, x: "step", y: "train/loss")
        #expect(values.count == 20)
        for (k, v) in values { #expect(abs(v - 2 * pow(0.9, k)) <= 1e-15 * v) }
    }

    @Test("a single event file read directly")
    func singleFile() throws {
        let dir = fixture("tensorboard-writer")
        let file = try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.contains("tfevents") }!
        let log = try RunLogReader.read(path: dir + "/" + file)
        #expect(log.format == .tensorBoardEvents)
        #expect(log.wallTimeColumn == "wall_time")
    }

    @Test("a corrupted record is skipped with a warning naming its byte offset; the rest is read")
    func corrupted() throws {
        let dir = fixture("tf2-double")
        let name = try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.contains("tfevents") }!
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
        // Walk the framing to find the third record, then flip a byte inside its data.
        var offsets: [Int] = []
        var pos = 0
        while pos + 12 <= bytes.count {
            offsets.append(pos)
            let length = (0..<8).reduce(0) { $0 | Int(bytes[pos + $1]) << (8 * $1) }
            pos += 12 + length + 4
        }
        let target = offsets[3]
        bytes[target + 14] ^= 0xFF
        let log = try RunLogReader.parse(bytes: bytes, source: "damaged", format: .tensorBoardEvents)
        #expect(log.warnings.count == 1)
        #expect(log.warnings.first?.contains("byte \(target)") == true)
        // The first record is the file-version event, so records 1...20 hold steps 0...19; step 2 is lost.
        #expect(pairs(log, x: "step", y: "train/loss").map(\.0) == (0..<20).filter { $0 != 2 }.map(Double.init))

        let cut = Array(bytes[0..<(offsets[10] + 20)])
        let truncated = try RunLogReader.parse(bytes: cut, source: "cut", format: .tensorBoardEvents)
        #expect(truncated.warnings.last?.contains("byte \(offsets[10])") == true)
        #expect(truncated.warnings.last?.contains("cut off") == true)
    }

    @Test("CRC-32C check value and TensorFlow's mask")
    func crc() {
        let bytes = Array("123456789".utf8)
        bytes.withUnsafeBufferPointer { #expect(CRC32C.checksum($0, 0..<9) == 0xE306_9283) }
        // Mask: rotate right 15, add 0xa282ead8 (TensorFlow's crc32c.h).
        #expect(CRC32C.masked(0) == 0xA282_EAD8)
        #expect(CRC32C.masked(0xE306_9283) == ((0xE306_9283 >> 15) | (0xE306_9283 << 17 & 0xFFFF_FFFF)) &+ 0xA282_EAD8)
    }

    @Test("Hugging Face trainer_state.json: training and evaluation rows by step")
    func trainerState() throws {
        let log = try RunLogReader.readRuns(path: fixture("trainer_state.json"))[0]
        #expect(log.format == .trainerState)
        #expect(log.columns.prefix(2).map(\.name) == ["step", "epoch"])
        let loss = pairs(log, x: "step", y: "loss")
        #expect(loss.count == 20)
        for (k, v) in loss { #expect(abs(v - 2 * pow(0.9, k)) < 1e-12) }
        #expect(pairs(log, x: "step", y: "eval_loss").map(\.0) == [0, 5, 10, 15])
    }

    @Test("Keras CSVLogger: NA cells are missing values")
    func keras() throws {
        let log = try RunLogReader.readRuns(path: fixture("keras-csvlogger.csv"))[0]
        #expect(log.column(named: "val_loss")?.firstBadCell == nil)
        #expect(pairs(log, x: "epoch", y: "val_loss").map(\.0) == [0, 5, 10, 15])
    }

    @Test("Lightning metrics.csv: sparse training and validation rows")
    func lightning() throws {
        let log = try RunLogReader.readRuns(path: fixture("lightning-metrics.csv"))[0]
        #expect(pairs(log, x: "step", y: "train_loss").count == 20)
        #expect(pairs(log, x: "step", y: "val_loss").map(\.0) == [4, 9, 14, 19])
    }

    @Test("Weights & Biases export: one run per prefix, metrics with their __MIN/__MAX companions")
    func wandb() throws {
        let runs = try RunLogReader.readRuns(path: fixture("wandb-export.csv"))
        #expect(runs.map(\.runName) == ["adam", "sgd"])
        #expect(runs[0].columns.map(\.name) == ["Step", "loss", "loss__MIN", "loss__MAX"])
        for (k, v) in pairs(runs[1], x: "Step", y: "loss__MAX") { #expect(abs(v - 3.2 * pow(0.9, k)) < 1e-12) }
    }

    @Test("TensorBoard CSV download: the tag and run from the file name, wall time marked")
    func tensorBoardCSV() throws {
        let log = try RunLogReader.readRuns(path: fixture("run-train-tag-loss.csv"))[0]
        #expect(log.runName == "train")
        #expect(log.column(named: "loss") != nil)
        #expect(log.wallTimeColumn == "Wall time")
    }

    @Test("--input-format forces a reading")
    func forced() throws {
        let runs = try RunLogReader.readRuns(path: fixture("wandb-export.csv"), format: .csv)
        #expect(runs.count == 2, "csv keeps flavour detection")
        let asText = try RunLogReader.readRuns(path: fixture("keras-csvlogger.csv"), format: .text)
        #expect(asText[0].format == .text)
        #expect(throws: RunLogError.self) { try RunLogReader.readRuns(path: fixture("tensorboardX-simple"), format: .csv) }
    }

    @Test("a directory without event files is an error that says so")
    func emptyDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("no-events-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = runLogError { _ = try RunLogReader.readRuns(path: dir.path) }
        #expect(error?.message.contains("no TensorBoard event files") == true)
    }
}
