import Autodiff
import CairoCanvas
import Diagram
import Plot
import Training

/// Runs a `descent network` request: reads the run's final weights when asked, computes the
/// activations of the input, and draws the network (or the single neuron) to the output file.
struct NetworkJob {
    var request: NetworkRequest

    func run() throws {
        let panel = try makePanel()
        if let network = panel as? NetworkPanel { for note in Self.notes(network.diagram) { Diagnostics.note(note) } }
        let size = FigureWriter.size(pixels: request.pixelSize, dpi: request.dpi)
        let figure = Figure(size: size, panels: [panel])
        try FigureWriter.write(figure, to: request.outputPath, format: request.format, dpi: request.dpi, title: request.title,
                               documentTitle: request.title == nil ? documentTitle : nil)
    }

    var documentTitle: String {
        if let n = request.neuron { return "neuron with \(n.inputs) inputs" }
        return "network " + (request.layers.map { $0.map(String.init).joined(separator: ",") } ?? request.runPath ?? "")
    }

    /// The panel the request draws.
    func makePanel() throws -> any Panel {
        if let n = request.neuron {
            var panel = NeuronPanel(Self.neuronDiagram(n, input: request.input, inputLabels: request.inputLabels))
            panel.title = request.title
            return panel
        }
        var panel = NetworkPanel(try networkDiagram())
        panel.title = request.title
        return panel
    }

    static func neuronDiagram(_ n: NetworkRequest.NeuronRequest, input: [Double]?, inputLabels: [String]?) -> NeuronDiagram {
        var d = NeuronDiagram(inputs: n.inputs, activationName: activationSymbol(n.activation))
        if let inputLabels { d.inputLabels = inputLabels }
        d.inputValues = input
        d.weights = n.weights
        d.bias = n.bias
        if let w = n.weights, let x = input {
            let v = NeuronValues(weights: w, inputs: x, bias: n.bias ?? 0, activation: n.activation)
            d.z = v.z
            d.a = v.a
        }
        return d
    }

    static func activationSymbol(_ a: Activation) -> String {
        switch a {
        case .sigmoid: return "σ"
        case .relu: return "ReLU"
        case .tanh: return "tanh"
        case .identity: return "identity"
        }
    }

    /// The diagram of the layers, with the run's weights and the input's activations when given.
    func networkDiagram() throws -> NetworkDiagram {
        var trained: TrainedNetwork?
        var finalStep = 0
        if let path = request.runPath {
            do {
                let state = try request.runState ?? TrainingLogFinalState.read(path: path)
                finalStep = state.step
                trained = try TrainedNetwork(state, path: path)
            } catch let e as TrainingLog.Failure {
                throw UserError(e.description)
            } catch let e as TrainedNetwork.Failure {
                throw UserError(e.description)
            }
        }
        let layers = try resolvedLayers(trained)
        try NetworkRequest.checkLabels(layers: layers, outputLabels: request.outputLabels, inputLabels: request.inputLabels,
                                       layerNames: request.layerNames, source: request.layers == nil ? "the run's network" : "layers")
        var d = NetworkDiagram(layers: layers)
        d.largestDrawnLayer = request.maxNeurons
        d.showBias = request.biasNodes
        if let names = request.layerNames { d.layerNames = names }
        d.outputLabels = request.outputLabels
        d.inputLabels = request.inputLabels
        if let trained {
            let spec = trained.spec
            d.weights = (1..<layers.count).map { l in Array(trained.parameters[spec.weightOffset(l)..<(spec.weightOffset(l) + layers[l] * layers[l - 1])]) }
            if spec.bias {
                d.biases = (1..<layers.count).map { l in Array(trained.parameters[spec.biasOffset(l)..<(spec.biasOffset(l) + layers[l])]) }
            } else if request.biasNodes {
                throw UserError("--bias-nodes: \(request.runPath!) trains a network without biases (--no-bias)")
            }
            var caption = (request.runState == nil ? RunName.of(request.runPath!) + ": " : "") + "weights after \(finalStep) steps"
            if let x = request.input {
                guard x.count == layers[0] else {
                    throw UserError("--input '\(x.map { NumberText.compact($0) }.joined(separator: ","))': \(x.count) value(s) for the \(layers[0]) inputs of the network")
                }
                d.activations = trained.activations(input: x)
                caption += "; neurons filled by their activation for the input (\(x.map { NumberText.compact($0) }.joined(separator: ", ")))"
            }
            d.caption = caption
        }
        if let problem = d.problem { throw UserError(problem) }
        return d
    }

    /// What the drawing shows that the user should know: weights that are NaN or infinite (a diverged run).
    static func notes(_ d: NetworkDiagram) -> [String] {
        let all: [Double] = (d.weights ?? []).flatMap { $0 } + (d.biases ?? []).flatMap { $0 }
        let bad = all.filter { !$0.isFinite }.count
        guard bad > 0 else { return [] }
        return ["\(bad) of the run's \(all.count) weights and biases are NaN or infinite: their edges are drawn grey and dashed, off the colour scale"]
    }

    /// The layers drawn: the command line's, which must match the run's network when both are given.
    func resolvedLayers(_ trained: TrainedNetwork?) throws -> [Int] {
        guard let trained else { return request.layers! }
        let logged = trained.spec.layers
        if let asked = request.layers, asked != logged {
            let a = asked.map(String.init).joined(separator: ","), b = logged.map(String.init).joined(separator: ",")
            throw UserError("\(request.runPath!):1: the run log's network is \(b), not the layers \(a) given")
        }
        return logged
    }
}
