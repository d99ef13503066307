import FigureSpec
import Plot
import Training

/// What one spec panel turned into: the panel, the values it computed (for labels,
/// `expect` and figures.json), notes for the user and the input files it read.
struct BuiltPanel {
    var panel: any Panel
    var values: [String: [Double]] = [:]
    var notes: [String] = []
    var inputs: [String] = []
    /// A train panel's run (its header and last logged parameters), for a network panel's `run-panel`.
    var finalState: TrainingLogFinalState?
}

/// The panel kinds a spec can use, and the builder of each.
enum SpecPanelBuilder {
    static let kinds = ["curve", "fd-error", "gd-steps", "bars", "boundary", "plot", "train", "landscape", "graph", "matrix", "network", "neuron"]

    /// Builds `panel`; `known` holds the values earlier panels computed, for `{name}` in labels;
    /// `runs` holds the runs earlier train panels made, by panel letter; `reveal` (an animation
    /// frame) draws only the first steps of the paths of gd-steps and landscape panels.
    static func build(_ panel: FigureSpec.Panel, file: String, known: [String: [Double]],
                      runs: [Character: TrainingLogFinalState] = [:], reveal: Int? = nil) throws -> BuiltPanel {
        let o = panel.options
        var built: BuiltPanel
        switch panel.kind {
        case "curve": built = try SpecCurvePanels.curve(o)
        case "fd-error": built = try SpecCurvePanels.finiteDifferenceError(o)
        case "gd-steps": built = try SpecCurvePanels.gradientDescentSteps(o, reveal: reveal)
        case "bars": built = try SpecCurvePanels.bars(o, known: known)
        case "boundary": built = try SpecBoundaryPanel.build(o, at: panel.kindPosition)
        case "plot": built = try SpecCommandPanels.plot(o, at: panel.kindPosition)
        case "train": built = try SpecCommandPanels.train(o, at: panel.kindPosition)
        case "landscape": built = try SpecCommandPanels.landscape(o, at: panel.kindPosition, reveal: reveal)
        case "graph": built = try SpecCommandPanels.graph(o, at: panel.kindPosition)
        case "matrix": built = try SpecMatrixPanel.build(o, at: panel.kindPosition)
        case "network": built = try SpecNetworkPanels.network(o, at: panel.kindPosition, runs: runs)
        case "neuron": built = try SpecNetworkPanels.neuron(o, at: panel.kindPosition)
        default:
            var message = "unknown panel kind '\(panel.kind)'"
            if let near = SpecValues.nearest(panel.kind, among: kinds) { message += "; did you mean '\(near)'?" }
            throw SpecError(file, panel.kindPosition, message + " (kinds: \(kinds.joined(separator: ", ")))")
        }
        // Titles and axis labels may quote computed values: "L = {L:.3f}".
        let all = known.merging(built.values) { _, new in new }
        if var axes = built.panel.cartesianAxes {
            for key in ["title", "xlabel", "ylabel"] {
                guard let raw = try o.string(key) else { continue }
                let text = try fill(raw, all, o, key)
                switch key {
                case "title": axes.title = text
                case "xlabel": axes.xLabel = text
                default: axes.yLabel = text
                }
            }
            built.panel.cartesianAxes = axes
        }
        try o.finish()
        return built
    }

    static func fill(_ text: String, _ values: [String: [Double]], _ o: SpecMap, _ key: String) throws -> String {
        do { return try ValueTemplate.fill(text, values: values) } catch let e as ValueTemplate.Failure {
            throw SpecError(o.file, o.entry(key)?.value.position, "'\(key)': \(e.description)")
        }
    }
}
