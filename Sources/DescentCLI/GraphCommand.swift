import ArgumentParser
import Diagram

/// `descent graph EXPRESSION [NAME=VALUE...]`: a backprop figure for an expression.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the computation graph of an expression with forward values and backprop gradients.",
        discussion: """
        Statements are separated by ';' or line breaks (LF or CR LF) and may name intermediates; the last one is the output. \
        Names are letters of any script, digits and subscript digits (x, θ, η, w₁); '#' starts a comment. \
        Operators: + - * / ^ ** (right-associative, -x^2 = -(x^2)), unary minus, parentheses; \
        functions: exp log sqrt abs sin cos tanh sigmoid relu pow max min.

        Values may be vectors and matrices (x=[1,2] W=[[3,2],[4,1]], or JSON arrays in --values); \
        then @ is the matrix product, W.T (or transpose(W)) the transpose, [a, b] stacks, arithmetic \
        broadcasts as NumPy's, sum and mean reduce, softmax runs along the last axis, and the loss gates \
        mse(yhat, y) = sum((yhat - y)^2) / 2m, bce(a, y) and ce(p, y) sum over entries and average \
        over a matrix's m rows.

        At kinks relu'(0) = 0 and abs'(0) = 0; at a tie, max/min send the whole gradient to the first \
        (leftmost) argument that attains the extreme.

        Examples:
          descent graph "(x + y) * z" x=-2 y=5 z=-4 -o graph.png
          descent graph "q = x + y; f = q * z" x=-2 y=5 z=-4 --local -o graph.svg
          descent graph "(x + y) * z + max(x, w)" x=2 y=1 z=-3 w=4 --format json
          descent graph "sigmoid(w * x + b)" w=2 x=-1 b=0.5 --check
          descent graph "z = w * x + b; a = sigmoid(z)" w=2 x=1 b=0 --local symbolic
          descent graph "s = x + y; p = x * y" x=3 y=2 --outputs s,p --upstream 1,2
          descent graph -f neuron.txt w=2 x=-1 b=0.5 -o neuron.svg
          echo "θ - η * g" | descent graph - θ=1 η=0.1 g=2
          descent graph "z = x @ W.T; L = mse(relu(z), y)" 'x=[1,2]' \\
            'W=[[3,2],[4,1],[5,2]]' 'y=[1,4,4]' --step 0.1 --update W
        """
    )

    @Argument(help: "The expression, e.g. \"(x + y) * z\" or \"q = x + y; f = q * z\"; - reads it from standard input.")
    var expression: String?

    @Option(name: [.customShort("f"), .customLong("file")], help: "Read the expression from this file (- for standard input); statements one per line.")
    var file: String?

    @Argument(help: "Variable values as NAME=VALUE.")
    var assignments: [String] = []

    @Option(name: .customLong("values"), help: "A JSON file of variable values, e.g. {\"x\": -2, \"y\": 5}; NAME=VALUE arguments win.")
    var valuesFile: String?

    @Option(name: .shortAndLong, help: "Output file (.png, .svg, .pdf, .dot or .json); dot and json go to standard output without -o.")
    var output: String?

    @Option(help: "Output format: png, svg, pdf, dot or json (default: from the output's extension).")
    var format: String?

    @Option(help: "Pixels per inch for PNG output.")
    var dpi: Double = 144

    @Option(help: "Layout direction: lr (left to right) or tb (top to bottom).")
    var direction: LayeredLayout.Direction = .leftToRight

    @Option(name: .customLong("local"), defaultAsFlag: "numeric", parsing: .next,
            help: ArgumentHelp("Also write each wire's local derivative: numeric (the number; also plain --local), symbolic (a formula in the graph's names, e.g. a(1 - a)) or both.", valueName: "numeric|symbolic|both"))
    var local: String? = nil

    @Option(help: "What to show: backward (values and gradients; 'full' is accepted too) or forward (values only).")
    var stage: GraphStage = .backward

    @Option(help: "Write the backward pass step by step into this directory: frame-000 (forward values), then one image per node visited.")
    var frames: String?

    @Option(help: "The output's gradient, seeding the backward pass (default 1), e.g. --upstream 2 for a gate inside a bigger circuit; for an array output an array of its shape, e.g. --upstream [1,0].")
    var upstream: String?

    @Option(help: ArgumentHelp("Draw several outputs of the program side by side, each a statement it names (e.g. --outputs add,mul,max for \"add = x + y; mul = x * y; max = max(x, y)\"); --upstream then takes one value or one per output.", valueName: "names"))
    var outputs: String?

    @Flag(help: "Draw each chain of one associative operator (a + b + c + ..., a * b * c * ...) as one gate with many inputs, so long sums fit.")
    var flatten = false

    @Flag(help: "Compare every input's gradient with centred finite differences and print the largest error.")
    var check = false

    @Option(help: "Take one gradient-descent step before drawing: v <- v - ETA d(output)/dv for the --update variables, then evaluate again.")
    var step: String?

    @Option(help: "The variables the --step updates, comma-separated, e.g. --update W,b.")
    var update: String?

    /// The validated request these options make (the expression read from -f FILE or standard input when asked).
    func request() throws -> GraphRequest {
        let (localMode, stray) = GraphLocalMode.resolve(local)
        var expression = expression, assignments = assignments
        if let stray { try GraphLocalMode.restore(stray, expression: &expression, assignments: &assignments) }
        let (source, extra) = try ExpressionSource.resolve(argument: expression, file: file)
        var request = try GraphRequest(expression: source.text, assignments: (extra.map { [$0] } ?? []) + assignments, valuesFile: valuesFile,
                                       output: output, format: format, dpi: dpi, direction: direction, local: localMode?.showsNumber ?? false,
                                       stage: stage, frames: frames, check: check, expressionLabel: source.label, flatten: flatten,
                                       upstream: outputs == nil ? upstream : nil, step: step, update: update)
        if let outputs { request.outputs = try GraphOutputsJob.outputs(names: outputs, upstream: upstream, graph: request.graph) }
        request.symbolicLocal = localMode?.showsFormula ?? false
        return request
    }

    func run() throws {
        do {
            let request = try request()
            if request.outputs.isEmpty { try GraphJob(request: request).run() } else { try GraphOutputsJob(request: request, outputs: request.outputs).run() }
        } catch let error as UserError {
            throw reportFailure(error)
        }
    }
}
