import ArgumentParser
import CairoCanvas
import Foundation
import Plot
import Training

/// Runs a `descent train` request: the optional gradient check, the training loop with its
/// run log and progress line, the loss plot, and the summary.
struct TrainJob {
    var request: TrainRequest

    func run() throws {
        if request.checkGradients {
            try checkGradients()
            if request.checkOnly { return }
        }
        // Every output is checked before the work starts, so a bad --plot leaves no log behind.
        for path in [request.logPath, request.plotPath].compactMap({ $0 }) {
            do { try AtomicFile.checkWritable(path) } catch let e as OutputError { throw UserError(e.description) }
        }
        let trainer = makeTrainer()
        var log = try request.logPath.map { path in
            do { return try RunLogText(header: request.header, writer: AtomicFileWriter(path: path)) } catch let e as OutputError {
                throw UserError("\(path): cannot write the run log (\(e))")
            }
        }
        let parameterCount = trainer.parameters.count
        let logParams = request.logParams || parameterCount <= 64
        // The plotted curves are kept in bounded memory; the log streams to its temporary file.
        var steps = BoundedCurve()
        var validation = BoundedCurve()
        let plotting = request.plotPath != nil
        var progress = TrainingProgress(enabled: !request.quiet, total: request.stop, batchesPerEpoch: batchesPerEpoch)
        var lastLoss = Double.nan
        var logFailure: Error?
        trainer.onStep = { record in
            if logFailure == nil { do { try log?.step(record, params: logParams) } catch { logFailure = error } }
            if plotting { steps.append(Double(record.step), record.loss) }
            lastLoss = record.loss
            progress.update(step: record.step, epoch: record.epoch, loss: record.loss)
        }
        let printEpochs = request.printEpochs
        trainer.onEpoch = { record in
            if logFailure == nil { do { try log?.epoch(record) } catch { logFailure = error } }
            if printEpochs { print(CourseFormat.epochLine(record.epoch, loss: record.loss)) }
            if plotting, let v = record.validationLoss { validation.append(Double(record.step), v) }
        }
        trainer.shouldStop = { Interruption.requested || logFailure != nil }
        let outcome = Interruption.cooperatively { trainer.run() }
        progress.finish()
        let test = testScore(trainer.parameters)
        if printEpochs, let accuracy = test?.accuracy { print(CourseFormat.accuracyLine(accuracy)) }
        if let path = request.logPath, var finished = log {
            do {
                if let logFailure { throw logFailure }
                try finished.end(outcome, test: test)
            } catch {
                finished.abort()
                throw UserError("\(path): cannot write the run log (\(error))")
            }
        }
        if let path = request.plotPath, let format = request.plotFormat {
            try TrainLossFigure.write(steps: steps.points, validation: validation.points, lossName: batchesPerEpoch > 1 ? "batch loss" : "loss", title: request.plotTitle ?? title, to: path, format: format)
        }
        switch outcome {
        case let .diverged(step):
            Diagnostics.note("diverged: the loss or a parameter became NaN or infinite at step \(step); the run stopped there"
                + (request.logPath.map { " (logged in \($0))" } ?? ""))
        case let .interrupted(n):
            Diagnostics.note("interrupted after \(n) step\(n == 1 ? "" : "s")"
                + (request.logPath.map { "; the log so far is in \($0)" } ?? ""))
            throw ExitCode(Interruption.exitStatus)
        case let .completed(n):
            if !request.quiet {
                var line = "final loss \(Self.format(lastLoss)) after \(n) step\(n == 1 ? "" : "s")"
                if parameterCount <= 4 {
                    line += " at (" + trainer.parameters.map(Self.format).joined(separator: ", ") + ")"
                }
                print(line)
            }
        }
    }

    static func format(_ v: Double) -> String {
        if v == 0 { return "0" }
        if !v.isFinite { return "\(v)" }
        let a = abs(v)
        if a >= 1e-4 && a < 1e6 {
            var s = String(format: "%.6f", v)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
            return s
        }
        return String(format: "%.4e", v)
    }

    /// Loss and argmax accuracy on the IDX test set, when there is one.
    func testScore(_ parameters: [Double]) -> (loss: Double, accuracy: Double?)? {
        guard case let .model(m) = request.target, let test = m.test, let targets = m.testTargets else { return nil }
        return Trainer.score(m.model, parameters, test, targets, classification: test.classCount != nil)
    }

    var batchesPerEpoch: Int {
        guard case let .model(m) = request.target else { return 1 }
        let b = request.batchSize ?? m.train.count
        return (m.train.count + b - 1) / b
    }

    var title: String {
        let opt = request.optimizer
        switch request.target {
        case let .function(f, start):
            return "\(opt.name) on \(f.name) from (\(Self.format(start.x)), \(Self.format(start.y))), lr \(Self.format(opt.learningRate))"
        case let .model(m):
            let shape = (m.spec.map { $0.layers.map(String.init).joined(separator: "-") }.map { " \($0)" } ?? "") + (m.bias ? "" : " (no bias)")
            return "\(m.kind)\(shape) on \(m.train.name), \(opt.name) lr \(Self.format(opt.learningRate))"
        }
    }

    func makeTrainer() -> Trainer {
        let problem: TrainingProblem
        switch request.target {
        case let .function(f, start):
            problem = .plane(f, start: start)
        case let .model(m):
            problem = .model(m.model, initial: m.initial, train: m.train, trainTargets: m.trainTargets, validation: m.validation,
                             validationTargets: m.validationTargets, classification: m.classification)
        }
        return Trainer(problem: problem, optimizer: request.optimizer, batchSize: request.batchSize, stop: request.stop,
                       seed: request.seed)
    }

    /// Analytic against centred differences on the first batch the run would use (at the start
    /// point for a test function).
    func checkGradients() throws {
        let errors: [GradientCheck.GroupError]
        switch request.target {
        case let .function(f, start):
            let g = f.gradient(start.x, start.y)
            errors = GradientCheck.check(groups: [("x", 0..<1), ("y", 1..<2)], parameters: [start.x, start.y],
                                         loss: { f.value($0[0], $0[1]) }, gradient: [g.x, g.y])
        case let .model(m):
            errors = modelGradientErrors(m)
        }
        let tolerance = 1e-4
        for e in errors {
            print("\(e.name): largest relative error \(String(format: "%.3e", e.maxRelativeError)) (parameter \(e.worstIndex))")
        }
        if let worst = errors.max(by: { !($0.maxRelativeError >= $1.maxRelativeError) }), !(worst.maxRelativeError <= tolerance) {
            throw UserError("gradient check failed: \(worst.name) differs from centred differences by \(String(format: "%.3e", worst.maxRelativeError)) (tolerance \(tolerance))")
        }
    }

    func modelGradientErrors(_ m: TrainRequest.ModelSetup) -> [GradientCheck.GroupError] {
        let n = m.train.count
        let b = min(request.batchSize ?? n, n)
        var order = Array(0..<n)
        if b < n {
            var shuffler = SplitMix64.stream(seed: request.seed, purpose: RandomPurpose.shuffle)
            shuffler.shuffle(&order)
        }
        let rows = Array(order[0..<b])
        let d = m.model.inputCount, k = m.model.outputCount
        let x = rows.flatMap { m.train.inputs[($0 * d)..<(($0 + 1) * d)] }
        let t = rows.flatMap { m.trainTargets[($0 * k)..<(($0 + 1) * k)] }
        return GradientCheck.check(m.model, parameters: m.initial, inputs: x, targets: t, count: b)
    }
}

/// The JSON Lines run log, built a line at a time (one `TrainingLogLine` per line, as
/// `TrainingLog` reads them back) and streamed to its temporary file; `end` writes the last
/// line and renames the file into place.
struct RunLogText {
    private var text = ""
    private let writer: AtomicFileWriter

    init(header: TrainingLogHeader, writer: AtomicFileWriter) throws {
        self.writer = writer
        add(.header(header))
        try drain()
    }

    private mutating func drain(force: Bool = false) throws {
        guard force || text.utf8.count >= 1 << 16 else { return }
        try writer.append(text: text)
        text.removeAll(keepingCapacity: true)
    }

    mutating func step(_ r: StepRecord, params: Bool) throws {
        TrainingLogStep(r, params: params).write(to: &text)
        text += "\n"
        try drain()
    }

    mutating func epoch(_ r: EpochRecord) throws {
        add(.epoch(TrainingLogEpoch(r)))
        try drain()
    }

    /// Writes the end line and commits the file; `test` adds the test set's loss and accuracy
    /// (IDX data with t10k- files).
    mutating func end(_ outcome: TrainingOutcome, test: (loss: Double, accuracy: Double?)? = nil) throws {
        add(.end(TrainingLogEnd(outcome, test: test)))
        try drain(force: true)
        try writer.commit()
    }

    private mutating func add(_ line: TrainingLogLine) {
        text += line.jsonText
        text += "\n"
    }

    /// Drops the unfinished log (its temporary file is removed).
    func abort() { writer.abort() }
}
