import ArgumentParser
import CairoCanvas
import FigureSpec
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `descent render SPEC...`: renders spec files, or one spec into one file; `--watch` redraws on every save.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render figure spec files (YAML) into PNG and SVG (and PDF).",
        discussion: """
        With one SPEC and -o FILE.png|svg|pdf, writes that file; otherwise writes ID.png and ID.svg into -o DIR \
        (default: the current folder). The spec's `expect` entries are checked first.
        Examples:
          descent render Examples/figures/numerical-gradient.yaml -o ng.png
          descent render Examples/figures/learning-rates.yaml --watch -o /tmp
        """
    )

    @Argument(help: "Spec files.")
    var specs: [String]

    @Option(name: .shortAndLong, help: "Output file (one spec) or folder.")
    var output: String?

    @Flag(help: "Also write ID.pdf.")
    var pdf = false

    @Flag(help: "Keep watching the spec files (and their inputs) and redraw on every change; Ctrl-C stops.")
    var watch = false

    func run() throws {
        do {
            guard !specs.isEmpty else { throw UserError("no spec file given") }
            if watch { try watchLoop() } else if try !renderAll() { throw ExitCode(1) }
        } catch let error as UserError {
            throw reportFailure(error)
        }
    }

    /// Renders every spec; false when any failed (each failure is reported).
    func renderAll() throws -> Bool {
        if let output, specs.count == 1, OutputFormat(pathExtensionOf: output) != nil {
            let format = OutputFormat(pathExtensionOf: output)!
            do {
                let spec = try FigureSpec.load(path: specs[0])
                let built = try FigureSpecRenderer.build(spec)
                let failures = FigureSpecRenderer.check(spec, values: built.values).compactMap(\.message)
                for n in built.notes { Diagnostics.note(n) }
                guard failures.isEmpty else { failures.forEach(Diagnostics.error); return false }
                let dpi = format == .png ? FigureSpecRenderer.slideWidth / (built.figure.size.width / 72) : 144
                try FigureWriter.write(built.figure, to: output, format: format, dpi: dpi, title: spec.title)
                return true
            } catch let e as SpecError {
                Diagnostics.error(e.description)
                return false
            }
        }
        let directory = output ?? "."
        let job = FigureSetJob(specPaths: specs, outputDirectory: directory, pdf: pdf, jobs: ProcessInfo.processInfo.activeProcessorCount,
                               force: true, checkOnly: false, keepOthers: true)
        return try job.run().isEmpty
    }

    func watchLoop() throws {
        signal(SIGINT) { _ in renderWatchStop = 1 }
        signal(SIGTERM) { _ in renderWatchStop = 1 }
        var last: [FileStamp?] = []
        while renderWatchStop == 0 {
            let stamps = specs.map(FileStamp.init(path:))
            if stamps != last {
                last = stamps
                _ = try renderAll()
                Diagnostics.note("watching \(specs.joined(separator: ", ")) (Ctrl-C stops)")
            }
            usleep(200_000)
        }
    }
}

/// Set by the SIGINT handler of `render --watch`.
nonisolated(unsafe) private var renderWatchStop: sig_atomic_t = 0
