import CairoCanvas
import FigureSpec
import Foundation
import Diagram
import Plot
import Training

/// A spec turned into a figure: the figure, every value its panels computed, notes, the
/// input files it read, and the failed expectations (the course's numbers it did not match).
struct BuiltFigure {
    var figure: Figure
    var values: [String: [Double]]
    var notes: [String]
    var inputs: [String]
}

/// Builds a spec's figure panel by panel, checks its `expect` entries and writes its files.
enum FigureSpecRenderer {
    /// The pixel width of the PNG: sharp on a 1920-pixel slide.
    static let slideWidth = 1920.0

    /// Builds the figure; `reveal` draws only the paths' first steps (an animation frame).
    static func build(_ spec: FigureSpec, reveal: Int? = nil) throws -> BuiltFigure {
        var values: [String: [Double]] = [:]
        var notes: [String] = []
        var inputs: [String] = []
        var panels: [Character: any Panel] = [:]
        var runs: [Character: TrainingLogFinalState] = [:]
        for panel in spec.panels {
            let built = try SpecPanelBuilder.build(panel, file: spec.file, known: values, runs: runs, reveal: reveal)
            runs[panel.name] = built.finalState
            // Each value under "A.name" (its panel's letter) and, unless an earlier panel has it, "name".
            for (key, v) in built.values {
                values["\(panel.name).\(key)"] = v
                if values[key] == nil { values[key] = v }
            }
            notes += built.notes
            inputs += built.inputs
            panels[panel.name] = built.panel
        }
        var size = FigureWriter.size(pixels: spec.size, dpi: 144)
        let title: String?
        do { title = try spec.title.map { try ValueTemplate.fill($0, values: values) } } catch let e as ValueTemplate.Failure {
            throw SpecError(spec.file, nil, "'title': \(e.description)")
        }
        // A figure of one graph takes the height its diagram needs at the figure's width (no empty bands).
        if spec.panels.count == 1, let graph = panels.values.first as? GraphPanel {
            let titleHeight = try MeasuringCanvas.with { canvas in
                title.map { FigureRenderer.titleLayout($0, theme: Theme(), width: size.width, canvas: canvas).height + Theme().padding } ?? 0
            }
            let panelTitle = graph.title == nil ? 0.0 : 30.0
            let scale = min(graph.maximumScale, size.width / graph.diagram.size.width)
            size.height = min(size.height, (graph.diagram.size.height * scale + titleHeight + panelTitle).rounded(.up))
        }
        var figure: Figure
        do {
            figure = try Figure(size: size, title: title, mosaic: spec.mosaic, panels: panels)
        } catch let e as FigureMosaic.Failure {
            throw SpecError(spec.file, nil, "'layout': \(e.description)")
        }
        figure.panelLetters = spec.letters
        if let r = spec.heightRatios { figure.rowWeights = r }
        if let w = spec.widthRatios { figure.columnWeights = w }
        // The course set is read on slides: every label at 11 pt or more.
        figure.theme.contourLabelSize = 11
        figure.sharedX = AxisSharing(rawValue: spec.shareX) ?? .none
        figure.sharedY = AxisSharing(rawValue: spec.shareY) ?? .none
        return BuiltFigure(figure: figure, values: values, notes: notes, inputs: inputs)
    }

    /// One `expect` entry against what was computed.
    struct ExpectationResult {
        var key: String
        var expected: [Double]
        var computed: [Double]?
        var passed: Bool
        var message: String?
    }

    /// Compares every expectation with the computed values (relative tolerance).
    static func check(_ spec: FigureSpec, values: [String: [Double]]) -> [ExpectationResult] {
        spec.expectations.map { e in
            guard let computed = values[e.key] else {
                return ExpectationResult(key: e.key, expected: e.values, computed: nil, passed: false,
                                         message: SpecError(spec.file, e.position, "expect '\(e.key)': the figure computes no such value (it computes: \(values.keys.sorted().joined(separator: ", ")))").description)
            }
            guard computed.count == e.values.count else {
                return ExpectationResult(key: e.key, expected: e.values, computed: computed, passed: false,
                                         message: SpecError(spec.file, e.position, "expect '\(e.key)': the course gives \(e.values.count) value(s), the figure computes \(computed.count): \(list(computed))").description)
            }
            for (k, (want, got)) in zip(e.values, computed).enumerated() where !close(got, want, tolerance: spec.tolerance) {
                let which = e.values.count > 1 ? "[\(k)]" : ""
                let relative = want == 0 ? abs(got) : abs(got - want) / abs(want)
                return ExpectationResult(key: e.key, expected: e.values, computed: computed, passed: false,
                                         message: SpecError(spec.file, e.position, "expect '\(e.key)'\(which): the course says \(ValueTemplate.plain(want)), the figure computes \(ValueTemplate.plain(got)) (relative difference \(String(format: "%.2g", relative)) > tolerance \(String(format: "%.2g", spec.tolerance)))").description)
            }
            return ExpectationResult(key: e.key, expected: e.values, computed: computed, passed: true, message: nil)
        }
    }

    static func close(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a == b { return true }
        return b == 0 ? abs(a) <= tolerance : abs(a - b) <= tolerance * abs(b)
    }

    static func list(_ v: [Double]) -> String { "[" + v.map(ValueTemplate.plain).joined(separator: ", ") + "]" }

    /// The animation of `spec`: each frame built with the paths revealed up to its step, drawn
    /// `animation.width` pixels wide, assembled into an APNG at `directory/id.apng`; with
    /// `framesDirectory`, each frame also as `framesDirectory/id/frame-NNN.png`. Returns the file name.
    static func writeAnimation(_ spec: FigureSpec, _ animation: FigureSpec.Animation, to directory: String, framesDirectory: String?) throws -> String {
        let metadata = DocumentMetadata(title: spec.title.map(MathText.plainText), command: "descent render " + CommandLineText.quote(spec.file),
                                        software: "descent \(DescentCommand.version)")
        var frames: [[UInt8]] = []
        var width = 0, height = 0, dpi = 144.0
        defer { LandscapeBackdrop.shared.removeAll { $0.hasPrefix(spec.file + "\u{0}") } }
        for step in animation.frameSteps {
            let figure = try build(spec, reveal: step).figure
            dpi = Double(animation.width) / (figure.size.width / 72)
            do {
                let image = try FigureFileRenderer.renderRGB(size: figure.size, dpi: dpi) { FigureRenderer.draw(figure, on: $0) }
                (width, height) = (image.width, image.height)
                frames.append(image.pixels)
            } catch let e as OutputError { throw UserError(e.description) }
        }
        let name = "\(spec.id).apng"
        do {
            let apng = try APNGFile.assemble(frames: frames, width: width, height: height, delays: animation.delays, dpi: dpi, metadata: metadata)
            try AtomicFile.write(apng, to: directory + "/" + name)
            if let framesDirectory {
                let folder = framesDirectory + "/" + spec.id
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for (k, frame) in frames.enumerated() {
                    let png = try PNGFile.encode(rgb: frame, width: width, height: height, dpi: dpi, metadata: metadata)
                    try AtomicFile.write(png, to: folder + String(format: "/frame-%03d.png", k))
                }
            }
        } catch let e as OutputError {
            throw UserError(e.description)
        } catch let e as CocoaError {
            throw UserError("--frames \(framesDirectory ?? ""): cannot create the folder (\(e.localizedDescription))")
        }
        return name
    }

    /// Writes `figure` as `directory/id.png` (1920 pixels wide), `.svg` and, when asked, `.pdf`; returns the file names.
    /// Each file records the command that makes it alone (`descent render SPEC`), whatever rendered it.
    static func write(_ figure: Figure, id: String, title: String?, spec: String, to directory: String, pdf: Bool) throws -> [String] {
        let dpi = slideWidth / (figure.size.width / 72)
        var files: [String] = []
        for format in [OutputFormat.png, .svg] + (pdf ? [.pdf] : []) {
            let name = "\(id).\(format.rawValue)"
            try FigureWriter.write(figure, to: directory + "/" + name, format: format, dpi: dpi, title: title,
                                   command: "descent render " + CommandLineText.quote(spec))
            files.append(name)
        }
        return files
    }
}
