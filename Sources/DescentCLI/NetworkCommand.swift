import ArgumentParser
import Training

/// `descent network 784,30,10`: a fully connected network drawn as columns of neurons, or one neuron.
struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Draw a fully connected network (columns of neurons, as NN-SVG), with a trained run's weights, or a single neuron.",
        discussion: """
        Layers with more than --max-neurons neurons are abstracted: their first neurons, an ellipsis, the last one, \
        and their size under the column ("784 inputs"). With --run, the network is the one a descent train --log run \
        trained: edges are coloured by the sign of its final weights (blue negative, red positive, a colour bar) and \
        widened by their magnitude; --input then fills each neuron by its activation for that input (white 0, dark 1 \
        or the layer's largest), with the value inside when it fits.
        A single neuron (--neuron N): inputs x1..xN, weights on the edges, the sum with its bias, the activation and the \
        output a; --weights, --bias and --input put numbers on it (z and a are computed).
        Examples:
          descent network 784,30,10 --output-labels 0-9 -o mnist.png
          descent network 3,4,1 --bias-nodes --layer-names 'In,Hidden,Out' -o n.svg
          descent train --model mlp --layers 3,4,1 --activation sigmoid \\
            --output sigmoid --loss mse --no-bias --initialization uniform \\
            --weight-shape in-out --reduction sum --data xor3 --lr 1 \\
            --epochs 1000 --rng numpy --seed 1 --log xor.jsonl
          descent network --run xor.jsonl --input 1,0,1 -o xor-network.png
          descent network --neuron 3 --weights 0.5,-1,2 --bias 0.1 \\
            --input 1,0,1 -o neuron.png
        """
    )

    @Argument(help: "Layer sizes, input first, e.g. 784,30,10 (default with --run: the run's network).")
    var layers: String?

    @Option(name: .customLong("run"), help: "A JSON Lines run log of descent train --log (an MLP, linear or logistic model) whose final logged weights colour the edges.")
    var runLog: String?

    @Option(parsing: .unconditional, help: "An input, comma-separated (e.g. 1,0,1; may start with a minus sign): each neuron is filled by its activation (with --run; with --neuron, the x values).")
    var input: String?

    @Option(name: .customLong("output-labels"), help: "Labels of the output neurons: a range such as 0-9 or a comma-separated list.")
    var outputLabels: String?

    @Option(name: .customLong("input-labels"), help: "Labels of the input neurons: a range or a comma-separated list (math text, e.g. '$x_1$,$x_2$').")
    var inputLabels: String?

    @Option(name: .customLong("layer-names"), help: "Names above the columns, comma-separated (default: Input, Hidden, Output).")
    var layerNames: String?

    @Flag(name: .customLong("bias-nodes"), help: "Draw a +1 bias node atop each layer but the last (with --run, its edges are the biases).")
    var biasNodes = false

    @Option(name: .customLong("max-neurons"), help: "Layers with more neurons than this are abstracted.")
    var maxNeurons: Int = 12

    @Option(help: "A single neuron with this many inputs, instead of a network.")
    var neuron: Int?

    @Option(parsing: .unconditional, help: "With --neuron: the weights w1..wN, comma-separated.")
    var weights: String?

    @Option(parsing: .unconditional, help: "With --neuron: the bias b.")
    var bias: String?

    @Option(help: "With --neuron: the activation (\(Activation.allCases.map(\.rawValue).joined(separator: ", ")); default sigmoid).")
    var activation: Activation?

    @Option(help: "Figure title (math text).")
    var title: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        do {
            let request = try NetworkRequest(self)
            try NetworkJob(request: request).run()
        } catch let error as UserError {
            throw reportFailure(error)
        }
    }
}
