import Autodiff
import CairoCanvas
import Canvas
import Foundation
import Landscape
import Plot
import Training

/// A validated `descent landscape` request: the surface, its grid, levels, colours and paths to run.
struct LandscapeRequest {
    static var functionNames: String { TestFunction.names.joined(separator: ", ") }

    var surface: Surface2D
    /// The function, when the surface is a test function or an expression (live paths use its exact gradient).
    var objective: (any PlaneObjective)?
    var dataSurface: DataSurface?
    var domain: Domain2
    var resolution: Int
    var levels: Int
    var logLevels: Bool
    /// nil = automatic.
    var logColor: Bool?
    var colormap: Colormap?
    var paths: [PathSpec]
    var start: Point2
    var seed: UInt64
    /// Run logs drawn as paths on a function or data surface, each read once.
    var runLogs: [(path: String, log: RunLogTrajectory)]
    /// Notes for the user from building the request (e.g. how many logged states are drawn).
    var notes: [String] = []
    /// Paths already projected onto a network slice (its training runs or run logs).
    var slicePaths: [OptimizerPath]
    var arrows: Bool
    var gradients: Bool
    var quiver: Int
    /// Random-search points to draw (0: none).
    var randomSearch: Int
    var threeD: Bool
    var mesh: Int
    var title: String?
    /// Colours given for the paths, in order (the rest by optimizer).
    var pathColors: [Color] = []
    var exportPath: String?
    var outputPath: String
    var format: OutputFormat
    var pixelSize: (width: Int, height: Int)
    var dpi: Double

    init(_ c: LandscapeCommand) throws {
        guard let out = c.output.output else { throw UserError("missing -o FILE (.png, .svg or .pdf)") }
        outputPath = out
        format = try c.output.resolvedFormat(for: out)
        pixelSize = try c.output.pixelSize()
        dpi = try c.output.validatedDPI()
        if let e = c.exportData, e == out || SamePath.check(e, out) { throw UserError("--export-data \(e) is the same file as -o") }
        exportPath = c.exportData

        guard c.lr > 0, c.lr.isFinite else { throw UserError("--lr \(c.lr): expected a positive number") }
        guard c.steps >= 0, c.steps <= 1_000_000 else { throw UserError("--steps \(c.steps): expected 0 to 1000000") }
        var specs: [PathSpec] = []
        if let list = c.optimizers {
            switch PathSpec.parseList(list, learningRate: c.lr, steps: c.steps) {
            case .success(let p): specs = p
            case .failure(let e): throw UserError("--optimizers: \(e.description)")
            }
        }
        let directions = c.directions
        if c.network != nil && c.function != nil { throw UserError("--network slices a network trained on --data, not a --function") }
        for r in c.runLogs where r == out || SamePath.check(r, out) || r == c.exportData || c.exportData.map({ SamePath.check(r, $0) }) == true {
            throw UserError("\(r): the run log is also an output file; it would be overwritten")
        }
        // Each run log is read once, here.
        let logs = try c.runLogs.map { (path: $0, log: try Self.trajectory($0)) }
        runLogs = logs
        paths = specs
        slicePaths = []

        switch (c.function, c.data) {
        case (nil, nil):
            guard let first = c.runLogs.first else {
                throw UserError("give a surface: --function NAME (\(Self.functionNames)), --data SET, or --run LOG (a descent train log)")
            }
            let rebuilt: RunLogModel
            do {
                rebuilt = try RunLogModel.rebuild(logs[0].log.header, path: first)
            } catch let e as RunLogModel.Failure {
                throw UserError(e.description)
            }
            switch rebuilt {
            case let .function(f, drawn):
                objective = f
                surface = drawn
            case .model(let setup):
                if let d = DataSurface(twoParameterModel: setup) {
                    dataSurface = d
                    surface = d
                } else {
                    if !specs.isEmpty { throw UserError("--optimizers: a network's paths come from its run logs here; train more runs with descent train --log") }
                    let built = try Self.slice {
                        try NetworkSliceBuilder.fromRunLogs(logs.map { (path: $0.path, label: RunName.of($0.path), log: $0.log) },
                                                            setup: setup, directions: directions, seed: c.seed)
                    }
                    surface = built.slice
                    slicePaths = built.paths
                    notes = built.notes
                    runLogs = []
                }
            }
        case (.some, .some): throw UserError("give either --function or --data, not both")
        case let (name?, nil):
            if let f = TestFunction.named(name, condition: c.condition, rotation: c.rotation) {
                if case .quadratic = f, !(c.condition >= 1 && c.condition.isFinite) {
                    throw UserError("--condition \(c.condition): expected a number of at least 1")
                }
                objective = f
                surface = FunctionSurface(f)
            } else {
                let expression = try Self.expressionSurface(name)
                objective = expression
                surface = expression
            }
        case let (nil, name?):
            if let layers = c.network {
                if !c.runLogs.isEmpty {
                    throw UserError("--run with --network: a network's run log names its own model and data; give --run alone")
                }
                let trained = specs.isEmpty ? [try PathSpec.parse("gd", learningRate: c.lr, steps: c.steps).get()] : specs
                // Refused before anything is allocated: the data and the network, trained full batch.
                try MemoryCheck.samples(c.samples, data: name, seed: c.seed)
                let sizes = try Self.layerSizes(layers)
                try MemoryCheck.network(sizes, text: layers, option: "--network", rows: c.samples ?? BuiltinData.make(name, seed: c.seed)?.count ?? 1)
                let built = try Self.slice {
                    try NetworkSliceBuilder.onTheSpot(layers: sizes, data: name, samples: c.samples, specs: trained,
                                                      epochs: c.epochs, drawPaths: !specs.isEmpty || directions == .pca,
                                                      directions: directions, seed: c.seed)
                }
                surface = built.slice
                slicePaths = built.paths
                notes = built.notes
                paths = []
            } else {
                let d = try Self.dataSurface(name, c)
                dataSurface = d
                surface = d
            }
        }
        if c.network == nil && c.directions != .random && !(surface is NetworkSlice) {
            throw UserError("--directions applies to network slices (--network, or --run with a network's log)")
        }
        let usual = surface.domain
        domain = Domain2(x: try Self.range(c.xlim, "--xlim") ?? usual.x, y: try Self.range(c.ylim, "--ylim") ?? usual.y)

        let res = c.resolution ?? (surface is NetworkSlice ? 51 : 400)
        guard res >= 2 else { throw UserError("--resolution \(res): expected at least 2 grid points per side") }
        let bytes = GridBudget.bytes(resolution: res)
        guard bytes <= GridBudget.limitBytes else {
            throw UserError("--resolution \(res): a \(res) x \(res) grid would need \(Self.size(bytes)) "
                + "(\(GridBudget.bytesPerPoint) bytes per point); the limit is \(Self.size(GridBudget.limitBytes))")
        }
        resolution = res
        guard c.levels >= 0, c.levels <= 200 else { throw UserError("--levels \(c.levels): expected 0 to 200") }
        levels = c.levels
        logLevels = c.logLevels
        if c.logColor && c.linearColor { throw UserError("give --log-color or --linear-color, not both") }
        logColor = c.logColor ? true : (c.linearColor ? false : nil)
        colormap = c.colormap?.colormap
        if objective != nil, let batch = paths.first(where: { $0.batchSize != nil }) {
            throw UserError("--optimizers: '\(batch.entry)' draws real batches of data; a test function has none (use --data, or gd)")
        }
        if let s = c.start {
            let p = try PointOption(s, option: "--start")
            start = Point2(p.x, p.y)
        } else {
            let d = domain
            start = Point2(d.x.lowerBound + 0.15 * (d.x.upperBound - d.x.lowerBound),
                           d.y.upperBound - 0.15 * (d.y.upperBound - d.y.lowerBound))
        }
        seed = c.seed
        arrows = c.arrows
        gradients = c.gradients
        guard c.quiver >= 0, c.quiver <= 100 else { throw UserError("--quiver \(c.quiver): expected 0 to 100 arrows per side") }
        quiver = c.quiver
        guard c.randomSearch >= 0, c.randomSearch <= 100_000 else { throw UserError("--random-search \(c.randomSearch): expected 0 to 100000 points") }
        if c.threeD && c.randomSearch > 0 { throw UserError("--random-search draws on the flat map; it does not combine with --3d") }
        randomSearch = c.randomSearch
        guard c.mesh >= 2, c.mesh <= 300 else { throw UserError("--mesh \(c.mesh): expected 2 to 300 cells per side") }
        if c.threeD && c.quiver > 0 { throw UserError("--quiver draws on the flat map; it does not combine with --3d") }
        threeD = c.threeD
        mesh = c.mesh
        title = c.title
        pathColors = try c.colors.map { name in
            guard let color = NamedColor.parse(name) else { throw UserError("--color '\(name)': expected #rrggbb or one of \(NamedColor.names)") }
            return color
        }
    }

    /// `--function` text that names no test function: an expression in x and y, or a clear error.
    static func expressionSurface(_ text: String) throws -> ExpressionSurface {
        let unknown = "unknown function '\(text)': expected one of \(functionNames), or an expression in x and y such as 'x^2 + 3*y'"
        // A lone word (a misspelt function name) gets the list of names, not a parse error.
        let word = text.allSatisfy { $0.isLetter || $0 == "-" || $0 == "_" }
        do {
            return try ExpressionSurface(parsing: text)
        } catch let e as ExpressionSurface.Failure {
            throw UserError(word ? unknown : e.error.render(in: text, label: "--function"))
        } catch let e as ExpressionError {
            throw UserError(word ? unknown : e.render(in: text, label: "--function"))
        }
    }

    static func trajectory(_ file: String) throws -> RunLogTrajectory {
        do {
            return try RunLogTrajectory.read(path: file)
        } catch let e as RunLogTrajectory.Failure {
            throw UserError(e.description)
        }
    }

    /// A network slice from Landscape, its failures as user errors.
    static func slice(_ build: () throws -> NetworkSliceBuilder.Result) throws -> NetworkSliceBuilder.Result {
        do {
            return try build()
        } catch let e as NetworkSliceBuilder.Failure {
            throw UserError(e.description)
        }
    }

    /// `--network` sizes, input first.
    static func layerSizes(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces) }
        guard parts.count >= 2, parts.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw UserError("--network '\(text)': expected at least two positive sizes, input first, e.g. 2,1000,3")
        }
        return parts.map { $0! }
    }

    static func dataSurface(_ name: String, _ c: LandscapeCommand) throws -> DataSurface {
        if let s = c.samples, s < 2 { throw UserError("--samples \(s): expected at least 2 samples") }
        guard let data = BuiltinData.make(name, seed: c.seed, samples: c.samples) else {
            throw UserError("unknown data '\(name)': expected one of \(BuiltinData.names.joined(separator: ", "))")
        }
        let twoClass = data.classCount == 2
        var kind: DataSurface.Kind
        switch c.model ?? (twoClass ? .logistic : .linear) {
        case .linear: kind = .linear
        case .logistic: kind = .logistic
        }
        if kind == .logistic && !twoClass {
            throw UserError("--model logistic needs two-class data (plants, moons, xor3); \(name) is not")
        }
        if data.targetCount != 1 { throw UserError("\(name) has \(data.targetCount) targets; a two-parameter model fits one") }
        var feature = 0
        if let f = c.feature {
            guard let k = data.featureNames.firstIndex(of: f) else {
                throw UserError("unknown --feature '\(f)': \(name) has \(data.featureNames.joined(separator: ", "))")
            }
            feature = k
        }
        // A linear model on two features: the plane (w1, w2) of w1 x1 + w2 x2 (no bias), unless --feature picks one.
        if kind == .linear && data.featureCount == 2 && c.feature == nil { kind = .linearNoBias }
        return DataSurface(kind: kind, data: data, feature: feature)
    }

    static func range(_ s: String?, _ option: String) throws -> ClosedRange<Double>? {
        try s.map { try RangeOption($0, option: option, openEnded: false).closed! }
    }

    static func size(_ bytes: Int) -> String {
        if bytes == Int.max { return "more memory than can be addressed" }
        let g = Double(bytes) / Double(1 << 30)
        return g >= 1 ? String(format: "%.1f GiB", g) : String(format: "%.0f MiB", Double(bytes) / Double(1 << 20))
    }
}
