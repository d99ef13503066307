import Foundation
import Testing
@testable import Training

/// The run-log schema: what the writer encodes the reader decodes to the same values, bare
/// non-finite numbers are numbers and not text, CRLF and a byte order mark are line ends and
/// nothing, and a bad line is named by its number and member.
@Suite("training log schema")
struct TrainingLogTests {
    static func modelHeader() -> TrainingLogHeader {
        var h = TrainingLogHeader()
        h.descent = "0.1.0"
        h.command = "descent train --log 'NaN Infinity -Infinity.jsonl' --title \"a \\\"quoted\\\" NaN\"\n"
        h.model = .mlp
        h.layers = [2, 16, 3]
        h.activation = .tanh
        h.output = .softmax
        h.loss = .ce
        h.initialization = .xavier
        h.data = "blobs"
        h.samples = 300
        h.features = ["x1", "x2"]
        h.targets = ["class"]
        h.trainSamples = 240
        h.validation = 0.2
        h.validationSamples = 60
        h.batchSize = 32
        h.parameterCount = 99
        h.optimizer = .adam(lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-7, weightDecay: 0.001, amsgrad: true)
        h.stop = .epochs(50)
        h.seed = UInt64.max
        h.generator = "SplitMix64 + Box-Muller"
        return h
    }

    static func functionHeader() -> TrainingLogHeader {
        var h = TrainingLogHeader()
        h.function = "quadratic"
        h.condition = 25
        h.rotation = 30
        h.start = [-1.5, 2]
        h.parameterCount = 2
        h.optimizer = .sgd(lr: 0.01, momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 0)
        h.stop = .steps(300)
        h.seed = 7
        return h
    }

    static func parse(_ text: String) throws -> TrainingLog {
        try TrainingLog.parse(Data(text.utf8), path: "r.jsonl")
    }

    @Test(arguments: [modelHeader(), functionHeader(), TrainingLogHeader()])
    func headersRoundTrip(_ header: TrainingLogHeader) throws {
        let line = TrainingLogLine.header(header).jsonText
        #expect(line.hasPrefix("{\"type\":\"header\""))
        #expect(!line.contains("\n"))
        #expect(try Self.parse(line).header == header)
    }

    @Test func recordsRoundTripWithNonFiniteNumbers() throws {
        let steps = [
            TrainingLogStep(step: 0, epoch: 1, loss: 2.5, gradNorm: 1e-300, params: [0.1, -0.0, 1e308, 5e-324]),
            TrainingLogStep(step: 1, epoch: 1, loss: .infinity, gradNorm: .nan, params: [.nan, .infinity, -.infinity, 3]),
            TrainingLogStep(step: 2, loss: -.infinity),
        ]
        let epoch = TrainingLogEpoch(epoch: 1, loss: .nan, valLoss: 0.25, valAccuracy: 1, steps: 2)
        let end = TrainingLogEnd(.diverged(step: 1))
        let lines = [TrainingLogLine.header(Self.functionHeader())] + steps.map(TrainingLogLine.step) + [.epoch(epoch), .end(end)]
        let log = try Self.parse(lines.map(\.jsonText).joined(separator: "\n") + "\n")
        #expect(log.header == Self.functionHeader())
        #expect(log.stepLines == [2, 3, 4])
        #expect(log.epochs.count == 1 && log.epochs[0].valLoss == 0.25 && log.epochs[0].loss.isNaN && log.epochs[0].steps == 2)
        #expect(log.end == end)
        // NaN != NaN: compare bit patterns.
        for (read, written) in zip(log.steps, steps) {
            #expect(read.step == written.step && read.epoch == written.epoch)
            #expect(read.loss.bitPattern == written.loss.bitPattern || (read.loss.isNaN && written.loss.isNaN))
            #expect(read.params?.count == written.params?.count)
            for (a, b) in zip(read.params ?? [], written.params ?? []) { #expect(a == b || (a.isNaN && b.isNaN)) }
        }
        #expect(log.steps[0].params?[1].sign == .minus && log.steps[0].params?[3] == 5e-324)
    }

    @Test func theWriterSpellsNonFiniteNumbersBareAsPythonDoes() {
        let line = TrainingLogLine.step(TrainingLogStep(step: 3, loss: .nan, gradNorm: .infinity, params: [-.infinity, 1.5, 2])).jsonText
        #expect(line == "{\"type\":\"step\",\"step\":3,\"loss\":NaN,\"grad_norm\":Infinity,\"params\":[-Infinity,1.5,2]}")
        let end = TrainingLogLine.end(TrainingLogEnd(.completed(steps: 10))).jsonText
        #expect(end == "{\"type\":\"end\",\"status\":\"completed\",\"steps\":10}")
    }

    @Test(arguments: [
        TrainingLogStep(step: 0, loss: 1),
        TrainingLogStep(step: 12, epoch: 3, loss: -0.0, gradNorm: .nan, params: [1e-300, -2.5, .infinity, 123456789012345]),
        TrainingLogStep(step: 7, loss: 0.1, params: []),
    ])
    func stepLinesSkipTheGeneralEncoderButWriteTheSameText(_ step: TrainingLogStep) throws {
        #expect(step.jsonLine == (try CompactJSONEncoder.encode(TrainingLogLine.step(step))))
    }

    @Test func crlfAndAByteOrderMarkAreAccepted() throws {
        let text = "\u{FEFF}{\"type\":\"header\",\"function\":\"booth\",\"command\":\"descent train --log NaN.jsonl\"}\r\n"
            + "{\"type\":\"step\",\"step\":0,\"loss\":NaN,\"params\":[1,2]}\r\n\r\n"
            + "{\"type\":\"step\",\"step\":1,\"loss\":1,\"params\":[Infinity,-Infinity]}\r\n"
        let log = try Self.parse(text)
        #expect(log.header?.function == "booth" && log.header?.command == "descent train --log NaN.jsonl")
        #expect(log.stepLines == [2, 4])
        #expect(log.steps[1].params == [.infinity, -.infinity])
    }

    @Test func linesOfOtherTypesAreSkipped() throws {
        let log = try Self.parse("{\"type\":\"note\",\"text\":\"x\"}\n{\"loss\":1}\n{\"type\":\"step\",\"step\":0,\"loss\":1}\n")
        #expect(log.header == nil && log.steps.count == 1)
    }

    @Test(arguments: [
        ("{\"type\":\"header\"}\nnot json\n", "r.jsonl:2: expected a JSON object per line"),
        ("[1,2]\n", "r.jsonl:1: expected a JSON object per line"),
        ("{\"type\":\"step\",\"step\":0,\"loss\":1,\"params\":[1,\"2\"]}\n", "r.jsonl:1: 'params[1]': expected a number"),
        ("{\"type\":\"step\",\"loss\":1}\n", "r.jsonl:1: missing 'step'"),
        ("{\"type\":\"header\",\"activation\":\"swish\"}\n", "r.jsonl:1: 'activation':"),
        ("{\"type\":\"header\",\"optimizer\":\"lbfgs\"}\n", "r.jsonl:1: 'optimizer': expected one of sgd, rmsprop, adagrad, adam"),
    ])
    func badLinesAreNamed(text: String, message: String) {
        #expect {
            _ = try Self.parse(text)
        } throws: { error in
            (error as? TrainingLog.Failure)?.description.hasPrefix(message) == true
        }
    }

    @Test func utf16IsNamed() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "{\"type\":\"header\"}".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(throws: TrainingLog.Failure("r.jsonl: the run log is UTF-16 text; expected UTF-8 (as descent train --log writes it)")) {
            _ = try TrainingLog.parse(Data(bytes), path: "r.jsonl")
        }
    }

    /// Found by scripts/fuzz-readers run-log: Foundation's JSON5 scanner traps (exit 132) on
    /// 0xFF bytes after a comma, so `landscape --run` crashed on such a file.
    @Test func invalidUTF8IsRefusedWithItsPosition() {
        let bytes = Array("{\"type\":\"header\"}\n{\"a\":1, ".utf8) + [0xFF, 0xFF] + Array("\"b\":2}\n".utf8)
        #expect(throws: TrainingLog.Failure("r.jsonl:2:9: byte 0xFF is not UTF-8 text; a descent train --log file is UTF-8")) {
            _ = try TrainingLog.parse(Data(bytes), path: "r.jsonl")
        }
        // A lone continuation byte, and a sequence cut short at the end of the line.
        #expect(throws: TrainingLog.Failure("r.jsonl:1:10: byte 0x80 is not UTF-8 text; a descent train --log file is UTF-8")) {
            _ = try TrainingLog.parse(Data(Array("{\"type\":\"".utf8) + [0x80] + Array("\"}".utf8)), path: "r.jsonl")
        }
        #expect(throws: TrainingLog.Failure("r.jsonl:1:3: byte 0xC3 is not UTF-8 text; a descent train --log file is UTF-8")) {
            _ = try TrainingLog.parse(Data([0x7B, 0x20, 0xC3]), path: "r.jsonl")
        }
        // Valid multi-byte text still reads.
        #expect((try? TrainingLog.parse(Data("{\"type\":\"header\",\"command\":\"descent train --log θ-NaN.jsonl\"}\n".utf8), path: "r.jsonl"))?
            .header?.command == "descent train --log θ-NaN.jsonl")
    }

    /// Found by scripts/fuzz-readers run-log: Foundation's JSON5 scanner traps on an exponent
    /// sign with no digit after it (`"loss":3.5e+,`).
    @Test func danglingExponentIsRefusedWithItsPosition() {
        for (text, column) in [("{\"type\":\"step\",\"step\":2,\"loss\":3.5e+,\"params\":[1]}", 35), ("{\"loss\":5E-}", 10), ("{\"loss\":1.e+ }", 11)] {
            #expect(throws: TrainingLog.Failure("r.jsonl:1:\(column): a number's exponent has no digits; expected a number such as 1.5e+3"), "\(text)") {
                _ = try TrainingLog.parse(Data(text.utf8), path: "r.jsonl")
            }
        }
        // In a string it is text, and a complete exponent is a number.
        let log = try? TrainingLog.parse(Data("{\"type\":\"header\",\"command\":\"--lr 1e+ 'x\\\"1e-'\"}\n{\"type\":\"step\",\"step\":0,\"loss\":2.5e+3}\n".utf8), path: "r.jsonl")
        #expect(log?.header?.command == "--lr 1e+ 'x\"1e-'")
        #expect(log?.steps.first?.loss == 2500)
    }
}
