import ArgumentParser
import FigureSpec
import Foundation

/// `descent figures`: the course figure set, every spec under Examples/figures rendered into Figures/.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Render the course figure set: every spec file (ID.yaml) into ID.png and ID.svg, plus figures.json and index.html.",
        discussion: """
        Figures render in parallel; one whose spec, inputs and binary are unchanged is skipped (--force redraws). \
        Each spec's `expect` entries (the course's own numbers) are compared with what the figure computes; \
        a mismatch fails that figure. Failures are listed at the end and the exit status is 1.
        Examples:
          descent figures
          descent figures --only numerical-gradient --only learning-rates --pdf
          descent figures --check
        """
    )

    @Option(help: "Folder of spec files (*.yaml).")
    var specs: String = "Examples/figures"

    @Option(help: "Output folder.")
    var out: String = "Figures"

    @Option(help: "Render only the figure with this id (repeatable).")
    var only: [String] = []

    @Flag(help: "Also write ID.pdf (for LaTeX).")
    var pdf = false

    @Option(help: "Figures rendered at the same time (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Redraw figures even when nothing they depend on changed.")
    var force = false

    @Flag(help: "Only compute each figure's values and compare them with its `expect` entries; draw nothing.")
    var check = false

    @Option(help: "Also write each animated figure's frames into this folder, as ID/frame-000.png, ... (for video tools).")
    var frames: String?

    func run() throws {
        do {
            let paths = try SpecFiles.list(in: specs, only: only)
            let cores = ProcessInfo.processInfo.activeProcessorCount
            if let jobs, jobs < 1 { throw UserError("--jobs \(jobs): expected at least 1") }
            let job = FigureSetJob(specPaths: paths, outputDirectory: out, pdf: pdf, jobs: jobs ?? cores, force: force,
                                   checkOnly: check, keepOthers: !only.isEmpty, framesDirectory: frames)
            if let frames {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: frames, isDirectory: &isDirectory), !isDirectory.boolValue {
                    throw UserError("--frames \(frames): exists and is not a folder")
                }
            }
            let failures = try job.run()
            if !failures.isEmpty { throw ExitCode(1) }
        } catch let error as UserError {
            throw reportFailure(error)
        }
    }
}

/// The spec files of a folder.
enum SpecFiles {
    static func list(in directory: String, only: [String]) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UserError("--specs \(directory): no such folder of spec files")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let specs = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !specs.isEmpty else { throw UserError("\(directory): no spec files (*.yaml)") }
        let ids = specs.map { ($0 as NSString).deletingPathExtension }
        for id in only where !ids.contains(id) {
            var message = "--only \(id): no spec \(directory)/\(id).yaml"
            if let near = SpecValues.nearest(id, among: ids) { message += "; did you mean '\(near)'?" }
            throw UserError(message)
        }
        return specs.filter { only.isEmpty || only.contains(($0 as NSString).deletingPathExtension) }.map { directory + "/" + $0 }
    }
}
