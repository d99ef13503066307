/// What a fully connected network diagram shows, in plain values: the layer sizes, their names
/// and labels, optional bias nodes and, for a trained network, its weights, biases and the
/// activations of one input. Large layers are abstracted to a few neurons and an ellipsis.
public struct NetworkDiagram: Sendable, Equatable {
    /// Neurons per layer, input first.
    public var layers: [Int]
    /// A name per layer, drawn above its column ("Input", "Hidden", "Output" by default).
    public var layerNames: [String]
    /// Labels of the output neurons (the digits 0-9 of the MNIST network), drawn at their right.
    public var outputLabels: [String]?
    /// Labels of the input neurons (math text, "$x_1$"), drawn at their left.
    public var inputLabels: [String]?
    /// Draws a "+1" bias node atop each layer but the last, wired to the next layer.
    public var showBias = false
    /// Layers with more neurons than this are abstracted.
    public var largestDrawnLayer = 12
    /// How many neurons an abstracted layer shows above its ellipsis (its last neuron is shown below it; at most `largestDrawnLayer` - 2).
    public var abstractedHead = 6
    /// weights[l - 1]: W_l row-major (n_l rows, n_(l-1) columns), for l = 1...L; nil for an untrained diagram.
    public var weights: [[Double]]?
    /// biases[l - 1]: b_l, for l = 1...L.
    public var biases: [[Double]]?
    /// activations[l]: a^l for one input, l = 0...L (a^0 the input).
    public var activations: [[Double]]?
    /// A line under the diagram (the run and the input the activations are for).
    public var caption: String?

    public init(layers: [Int]) {
        self.layers = layers
        layerNames = layers.indices.map { Self.defaultName(layer: $0, of: layers.count) }
    }

    /// "Input", "Hidden" (numbered when there are several), "Output".
    public static func defaultName(layer l: Int, of count: Int) -> String {
        if l == 0 { return "Input" }
        if l == count - 1 { return "Output" }
        return count > 3 ? "Hidden \(l)" : "Hidden"
    }

    /// "784 inputs", "30 neurons", "10 outputs": the size written under each column.
    public func countLabel(layer l: Int) -> String {
        let n = layers[l]
        if l == 0 { return n == 1 ? "1 input" : "\(n) inputs" }
        if l == layers.count - 1 { return n == 1 ? "1 output" : "\(n) outputs" }
        return n == 1 ? "1 neuron" : "\(n) neurons"
    }

    /// Whether layer `l` is drawn abstracted (some neurons, an ellipsis, the last one).
    public func isAbstracted(layer l: Int) -> Bool { layers[l] > largestDrawnLayer }

    /// One place in a column, top to bottom.
    public enum Slot: Sendable, Equatable {
        case bias
        case neuron(Int)
        case ellipsis
    }

    /// The slots of layer `l`, top to bottom.
    public func slots(layer l: Int) -> [Slot] {
        var out: [Slot] = showBias && l < layers.count - 1 ? [.bias] : []
        let n = layers[l]
        if isAbstracted(layer: l) {
            let head = max(1, min(abstractedHead, largestDrawnLayer - 2, n - 1))
            out += (0..<head).map(Slot.neuron) + [.ellipsis, .neuron(n - 1)]
        } else {
            out += (0..<n).map(Slot.neuron)
        }
        return out
    }

    /// w_ij^l, when the diagram has weights.
    public func weight(layer l: Int, to i: Int, from j: Int) -> Double? {
        weights.map { $0[l - 1][i * layers[l - 1] + j] }
    }

    /// The weight of the edge from `source` (a neuron or the bias node of layer l - 1) to neuron `i` of layer `l`.
    public func edgeWeight(layer l: Int, to i: Int, from source: Slot) -> Double? {
        switch source {
        case .neuron(let j): return weight(layer: l, to: i, from: j)
        case .bias: return biases.map { $0[l - 1][i] }
        case .ellipsis: return nil
        }
    }

    /// Why the diagram cannot be drawn (a layer without neurons, arrays of the wrong size), or nil.
    public var problem: String? {
        if layers.count < 2 { return "a network needs at least two layers, input and output (e.g. 784,30,10)" }
        if let k = layers.firstIndex(where: { $0 <= 0 }) { return "layer \(k + 1) has \(layers[k]) neurons: every layer needs at least one" }
        if layerNames.count != layers.count { return "\(layerNames.count) layer names for \(layers.count) layers" }
        if let o = outputLabels, o.count != layers.last! { return "\(o.count) output labels for \(layers.last!) outputs" }
        if let i = inputLabels, i.count != layers[0] { return "\(i.count) input labels for \(layers[0]) inputs" }
        if let w = weights {
            guard w.count == layers.count - 1, (1..<layers.count).allSatisfy({ w[$0 - 1].count == layers[$0] * layers[$0 - 1] }) else {
                return "the weights do not fit the layers"
            }
        }
        if let b = biases, b.count != layers.count - 1 || (1..<layers.count).contains(where: { b[$0 - 1].count != layers[$0] }) {
            return "the biases do not fit the layers"
        }
        if let a = activations, a.count != layers.count || layers.indices.contains(where: { a[$0].count != layers[$0] }) {
            return "the activations do not fit the layers"
        }
        return nil
    }

    /// The largest |w| over the drawn edges (weights and, with bias nodes, biases): the colour scale's half range.
    public var largestDrawnWeight: Double? {
        guard weights != nil else { return nil }
        var m = 0.0
        for l in 1..<layers.count {
            let sources = slots(layer: l - 1)
            for case let .neuron(i) in slots(layer: l) {
                for s in sources { if let w = edgeWeight(layer: l, to: i, from: s), w.isFinite { m = max(m, abs(w)) } }
            }
        }
        return m
    }
}
