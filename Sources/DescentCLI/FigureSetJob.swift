import CairoCanvas
import FigureSpec
import Foundation
import Training

/// Renders a set of spec files into one folder: each figure in parallel, skipped when its
/// spec, inputs and the binary are unchanged (a manifest of content hashes), then
/// `figures.json` and the gallery `index.html`. One bad spec does not stop the others: all
/// failures are listed at the end.
struct FigureSetJob {
    var specPaths: [String]
    var outputDirectory: String
    var pdf = false
    var jobs = 1
    var force = false
    /// Only compute and compare the `expect` entries; draw and write nothing.
    var checkOnly = false
    /// Keep the records of figures not in `specPaths` (rendering a subset with --only).
    var keepOthers = false
    /// Also write each animation's frames into this folder (ID/frame-NNN.png).
    var framesDirectory: String?

    static let manifestName = ".descent-manifest.json"

    /// What happened to one spec.
    enum Outcome: Sendable {
        case rendered(FigureRecord, notes: [String], seconds: Double)
        case skipped(FigureRecord)
        case failed(String, notes: [String])
    }

    /// Renders (or checks) every spec; returns the failure messages.
    func run() throws -> [String] {
        if !checkOnly { try ensureDirectory() }
        let old = checkOnly ? [:] : loadManifest()
        // One figure per core: each figure's matrix products on one thread.
        if jobs > 1 { BLASThreads.set(1) }
        // Fonts are set up once before the workers start.
        _ = try? MeasuringCanvas.with { $0.measureText("0", font: .init(family: "DejaVu Sans", size: 10)) }
        let results = OutcomeBox(count: specPaths.count)
        let paths = specPaths, job = self
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = max(1, jobs)
        // Longest first (by last time's duration, else by what the spec asks for), so the two
        // cores finish together rather than one waiting on a slow figure started last.
        let expected = paths.map { path in old.values.first { $0.spec == path }?.seconds ?? Self.guessSeconds(path) }
        for i in paths.indices.sorted(by: { expected[$0] > expected[$1] }) {
            let path = paths[i]
            queue.addOperation { results.set(i, job.render(path, previous: old)) }
        }
        queue.waitUntilAllOperationsAreFinished()

        var records: [FigureRecord] = []
        var failures: [String] = []
        var specTexts: [String: String] = [:]
        for (path, outcome) in zip(paths, results.values) {
            switch outcome {
            case let .rendered(record, notes, seconds):
                for n in notes { Diagnostics.note("\(record.id): \(n)") }
                Diagnostics.write((checkOnly ? "checked" : "rendered") + " \(record.id) (\(String(format: "%.0f", seconds * 1000)) ms)\n")
                records.append(record)
            case let .skipped(record):
                records.append(record)
            case let .failed(message, notes):
                for n in notes { Diagnostics.note(n) }
                Diagnostics.error(message)
                failures.append(message)
            case nil:
                failures.append("\(path): not rendered")
            }
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let r = records.last, r.spec == path { specTexts[r.id] = text }
        }
        let ids = Set(records.map(\.id))
        if let clash = Dictionary(grouping: records, by: \.id).first(where: { $0.value.count > 1 }) {
            failures.append("id '\(clash.key)' is used by \(clash.value.map(\.spec).joined(separator: " and "))")
        }
        if keepOthers {
            for (id, r) in old.sorted(by: { $0.key < $1.key }) where !ids.contains(id) {
                records.append(r)
                if let text = try? String(contentsOfFile: r.spec, encoding: .utf8) { specTexts[id] = text }
            }
        }
        records.sort { $0.id < $1.id }
        if !checkOnly { try writeIndex(records, specTexts: specTexts, failures: failures) }
        let skipped = results.values.filter { if case .skipped = $0 { return true } else { return false } }.count
        let done = results.values.filter { if case .rendered = $0 { return true } else { return false } }.count
        Diagnostics.write("\(checkOnly ? "checked" : "rendered") \(done), skipped \(skipped) unchanged, \(failures.count) failed"
                          + (checkOnly ? "" : " (into \(outputDirectory)/)") + "\n")
        return failures
    }

    /// Renders one spec, or skips it when nothing it depends on changed.
    func render(_ path: String, previous: [String: FigureRecord]) -> Outcome {
        let start = Date()
        let spec: FigureSpec
        do { spec = try FigureSpec.load(path: path) } catch { return .failed("\(error)", notes: []) }
        let framesWanted = framesDirectory != nil && spec.animation != nil
        if !force && !checkOnly && !framesWanted, let old = previous[spec.id], old.spec == path, old.hash == hash(spec, inputs: old.inputs),
           old.files.allSatisfy({ FileManager.default.fileExists(atPath: outputDirectory + "/" + $0) }),
           !pdf || old.files.contains("\(spec.id).pdf") {
            return .skipped(old)
        }
        do {
            let built = try FigureSpecRenderer.build(spec)
            let results = FigureSpecRenderer.check(spec, values: built.values)
            let expectations = results.map { FigureRecord.Expectation(key: $0.key, expected: $0.expected, computed: $0.computed, passed: $0.passed) }
            let failed = results.compactMap(\.message)
            if !failed.isEmpty {
                return .failed(failed.joined(separator: "\n"), notes: built.notes.map { "\(spec.id): \($0)" })
            }
            var files: [String] = []
            if !checkOnly {
                files = try FigureSpecRenderer.write(built.figure, id: spec.id, title: built.figure.title ?? spec.title, spec: path, to: outputDirectory, pdf: pdf)
                if let animation = spec.animation {
                    files.append(try FigureSpecRenderer.writeAnimation(spec, animation, to: outputDirectory, framesDirectory: framesDirectory))
                }
            }
            let seconds = Date().timeIntervalSince(start)
            // The title as drawn, with its computed values filled in.
            let record = FigureRecord(id: spec.id, title: built.figure.title ?? spec.title, source: spec.source, spec: path, files: files, values: built.values,
                                      expectations: expectations, inputs: built.inputs, hash: hash(spec, inputs: built.inputs),
                                      seconds: checkOnly ? nil : seconds)
            return .rendered(record, notes: built.notes, seconds: seconds)
        } catch let e as UserError {
            return .failed("\(spec.file): \(e.description)", notes: [])
        } catch {
            return .failed("\(error)", notes: [])
        }
    }

    /// A first guess of a figure's cost from its spec's text: training networks and slicing them is slow.
    static func guessSeconds(_ path: String) -> Double {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return 0 }
        var guess = 0.1
        if text.contains("network:") { guess += 3 }
        if text.contains("kind: train") { guess += 1 }
        if text.contains("kind: landscape") { guess += 0.5 }
        return guess
    }

    func hash(_ spec: FigureSpec, inputs: [String]) -> String {
        var h = ContentHash()
        h.add(spec.text)
        for input in inputs.sorted() { h.add(file: input) }
        h.add(ContentHash.binary)
        h.add(pdf ? "pdf" : "")
        return h.hex
    }

    func ensureDirectory() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw UserError("--out \(outputDirectory): exists and is not a directory") }
        } else {
            do { try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true) } catch {
                throw UserError("--out \(outputDirectory): cannot create the directory")
            }
        }
    }

    func loadManifest() -> [String: FigureRecord] {
        guard let data = FileManager.default.contents(atPath: outputDirectory + "/" + Self.manifestName),
              let records = try? FigureRecord.decoder().decode([FigureRecord].self, from: data) else { return [:] }
        return Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func writeIndex(_ records: [FigureRecord], specTexts: [String: String], failures: [String]) throws {
        let encoder = FigureRecord.encoder()
        do {
            let manifest = try encoder.encode(records)
            try AtomicFile.write(Array(manifest), to: outputDirectory + "/" + Self.manifestName)
            let public_ = try encoder.encode(records.map { r -> FigureRecord in var r = r; r.hash = nil; r.inputs = []; r.seconds = nil; return r })
            try AtomicFile.write(Array(public_), to: outputDirectory + "/figures.json")
            try AtomicFile.write(text: FigureGallery.html(records, specTexts: specTexts, failures: failures), to: outputDirectory + "/index.html")
        } catch let e as OutputError {
            throw UserError(e.description)
        }
    }
}

/// The workers' results, one slot per spec.
final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [FigureSetJob.Outcome?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ outcome: FigureSetJob.Outcome) { lock.lock(); slots[i] = outcome; lock.unlock() }
    var values: [FigureSetJob.Outcome?] { lock.lock(); defer { lock.unlock() }; return slots }
}
