import Diagram
import FigureSpec
import Training

/// Spec panels of `descent network`: `network` (columns of neurons, with a run's weights) and
/// `neuron` (one neuron), under the command's own option names.
enum SpecNetworkPanels {
    /// Options of a single neuron only, and of a network only.
    static let neuronKeys: Set<String> = ["neuron", "weights", "bias", "activation"]
    static let networkKeys: Set<String> = ["run", "layer-names", "output-labels", "bias-nodes", "max-neurons"]

    /// `kind: network`: `layers: [784, 30, 10]`, and `run: LOG` or `run-panel: A` (the run an earlier
    /// train panel made) for the trained weights. Values: the activations of each layer for `input`
    /// (`a0`, `a1`, ..., and `output`).
    static func network(_ o: SpecMap, at position: SpecPosition, runs: [Character: TrainingLogFinalState]) throws -> BuiltPanel {
        let bridge = SpecCommandBridge(command: NetworkCommand.self, excluded: SpecCommandBridge.figureOutputKeys.union(neuronKeys),
                                       ownKeys: ["layers", "run-panel", "kind"])
        var args = try bridge.arguments(o)
        if let layers = try SpecCommandPanels.strings(o, "layers") { args.insert(layers.joined(separator: ","), at: 0) }
        var state: TrainingLogFinalState?
        if let entry = o.entry("run-panel") {
            guard case let .scalar(text, _, _) = entry.value, text.count == 1, let letter = text.first else {
                throw SpecError(o.file, entry.value.position, "'run-panel': expected the letter of an earlier train panel, e.g. A")
            }
            guard let run = runs[letter] else {
                throw SpecError(o.file, entry.value.position, "'run-panel': no earlier train panel '\(letter)' whose run logs its weights"
                                + " (train panels before this one: \(runs.keys.sorted().map(String.init).joined(separator: ", ")))")
            }
            if o.node("run") != nil { throw SpecError(o.file, entry.keyPosition, "give 'run' (a log file) or 'run-panel', not both") }
            state = run
            args += ["--run", "panel \(letter)'s run"]
        }
        let command = try bridge.parse(NetworkCommand.self, args + SpecCommandPanels.placeholderOutput, options: o, at: position)
        do {
            var request = try NetworkRequest(command)
            request.runState = state
            let job = NetworkJob(request: request)
            let diagram = try job.networkDiagram()
            var panel = NetworkPanel(diagram)
            var values: [String: [Double]] = [:]
            if let a = diagram.activations {
                for (l, layer) in a.enumerated() { values["a\(l)"] = layer }
                values["output"] = a.last
            }
            panel.title = try command.title.map { try SpecPanelBuilder.fill($0, values, o, "title") }
            return BuiltPanel(panel: panel, values: values, notes: NetworkJob.notes(diagram), inputs: state == nil ? command.runLog.map { [$0] } ?? [] : [])
        } catch {
            throw SpecCommandPanels.userError(error, o, at: position)
        }
    }

    /// `kind: neuron`: `inputs: 3`, with `weights`, `bias`, `input` and `activation` when given. Values: `z` and `a`.
    static func neuron(_ o: SpecMap, at position: SpecPosition) throws -> BuiltPanel {
        let bridge = SpecCommandBridge(command: NetworkCommand.self, excluded: SpecCommandBridge.figureOutputKeys.union(networkKeys).union(["neuron"]),
                                       ownKeys: ["inputs", "kind"])
        guard let n = try o.integer("inputs") else { throw o.missing("inputs") }
        let args = ["--neuron", String(n)] + (try bridge.arguments(o))
        let command = try bridge.parse(NetworkCommand.self, args + SpecCommandPanels.placeholderOutput, options: o, at: position)
        do {
            let request = try NetworkRequest(command)
            let neuron = request.neuron!
            var panel = NeuronPanel(NetworkJob.neuronDiagram(neuron, input: request.input, inputLabels: request.inputLabels))
            var values: [String: [Double]] = [:]
            if let z = panel.diagram.z, let a = panel.diagram.a { values = ["z": [z], "a": [a]] }
            panel.title = try command.title.map { try SpecPanelBuilder.fill($0, values, o, "title") }
            return BuiltPanel(panel: panel, values: values)
        } catch {
            throw SpecCommandPanels.userError(error, o, at: position)
        }
    }
}
