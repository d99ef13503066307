import CairoCanvas
import Training

/// A validated `descent network` request: what to draw (a network's layers and labels, the run
/// whose weights it shows and the input it is fed, or a single neuron) and where to write it.
struct NetworkRequest {
    /// Layer sizes given on the command line (nil: the run's).
    var layers: [Int]?
    var runPath: String?
    /// A run already read (a spec's train panel), in place of reading `runPath`, which then only names it.
    var runState: TrainingLogFinalState?
    var input: [Double]?
    var outputLabels: [String]?
    var inputLabels: [String]?
    var layerNames: [String]?
    var biasNodes: Bool
    var maxNeurons: Int
    /// A single neuron's inputs, weights, bias and activation.
    var neuron: NeuronRequest?
    var title: String?
    var outputPath: String
    var format: OutputFormat
    var pixelSize: (width: Int, height: Int)
    var dpi: Double

    /// A single neuron with n inputs, and the numbers given for it.
    struct NeuronRequest {
        var inputs: Int
        var weights: [Double]?
        var bias: Double?
        var activation: Activation
    }

    init(_ c: NetworkCommand) throws {
        guard let out = c.output.output else { throw UserError("missing -o FILE (.png, .svg or .pdf; - for standard output)") }
        outputPath = out
        format = try c.output.resolvedFormat(for: out)
        pixelSize = try c.output.pixelSize()
        dpi = try c.output.validatedDPI()
        title = c.title
        biasNodes = c.biasNodes
        guard c.maxNeurons >= 3, c.maxNeurons <= 200 else { throw UserError("--max-neurons \(c.maxNeurons): expected 3 to 200") }
        maxNeurons = c.maxNeurons
        input = try c.input.map { try NumberListOption.parse($0, option: "--input") }
        outputLabels = c.outputLabels.map(NumberListOption.labels)
        inputLabels = c.inputLabels.map(NumberListOption.labels)
        layerNames = c.layerNames.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } }
        if let n = c.neuron {
            guard n >= 1, n <= 12 else { throw UserError("--neuron \(n): expected 1 to 12 inputs") }
            if c.layers != nil || c.runLog != nil { throw UserError("--neuron draws one neuron: give no layers and no --run") }
            for (given, name) in [(c.outputLabels, "--output-labels"), (c.layerNames, "--layer-names")] where given != nil {
                throw UserError("\(name) applies to a network, not to --neuron")
            }
            if c.biasNodes { throw UserError("--bias-nodes applies to a network; a neuron's bias is --bias") }
            let weights = try c.weights.map { try NumberListOption.parse($0, option: "--weights") }
            if let w = weights, w.count != n { throw UserError("--weights '\(c.weights!)': \(w.count) weight(s) for --neuron \(n)") }
            if let x = input, x.count != n { throw UserError("--input '\(c.input!)': \(x.count) value(s) for --neuron \(n)") }
            if let l = inputLabels, l.count != n { throw UserError("--input-labels: \(l.count) label(s) for --neuron \(n)") }
            var bias: Double?
            if let b = c.bias {
                guard let v = Double(b.trimmingSpaces) else { throw UserError("--bias '\(b)': expected a number") }
                bias = v
            }
            neuron = NeuronRequest(inputs: n, weights: weights, bias: bias, activation: c.activation ?? .sigmoid)
            return
        }
        if c.activation != nil { throw UserError("--activation applies to --neuron (a run's network has the activations its log names)") }
        for (given, name) in [(c.weights, "--weights"), (c.bias, "--bias")] where given != nil {
            throw UserError("\(name) applies to --neuron (a network's weights come from --run; --bias-nodes draws bias nodes)")
        }
        layers = try c.layers.map { try NumberListOption.sizes($0, option: "layers") }
        guard layers != nil || c.runLog != nil else {
            throw UserError("give the layer sizes (e.g. descent network 784,30,10), --run LOG or --neuron N")
        }
        if let r = c.runLog, r == out || SamePath.check(r, out) { throw UserError("\(r): the run log is also the output file; it would be overwritten") }
        runPath = c.runLog
        if input != nil && c.runLog == nil { throw UserError("--input needs --run (the trained weights that compute the activations)") }
        if let layers {
            try Self.checkLabels(layers: layers, outputLabels: outputLabels, inputLabels: inputLabels, layerNames: layerNames, source: "layers")
        }
    }

    /// Labels and names must come one per neuron or layer.
    static func checkLabels(layers: [Int], outputLabels: [String]?, inputLabels: [String]?, layerNames: [String]?, source: String) throws {
        let shape = layers.map(String.init).joined(separator: ",")
        if let o = outputLabels, o.count != layers.last! {
            throw UserError("--output-labels: \(o.count) label(s) for the \(layers.last!) outputs of \(source) \(shape)")
        }
        if let i = inputLabels, i.count != layers[0] {
            throw UserError("--input-labels: \(i.count) label(s) for the \(layers[0]) inputs of \(source) \(shape)")
        }
        if let n = layerNames, n.count != layers.count {
            throw UserError("--layer-names: \(n.count) name(s) for the \(layers.count) layers of \(source) \(shape)")
        }
    }
}
