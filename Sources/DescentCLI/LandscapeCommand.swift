import ArgumentParser
import Landscape

/// `descent landscape`: a loss surface as a heatmap with contours and optimizer paths.
struct LandscapeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landscape",
        abstract: "Draw a loss surface (heatmap, contours, colour bar) with the paths optimizers take across it.",
        discussion: """
        The surface is a built-in 2D function (--function) or the loss of a two-parameter model on data \
        (--data linear2d: y = w1 x1 + w2 x2 without a bias, over (w1, w2); a one-feature set or --feature: y = w x + b; \
        a two-class data set such as plants: the logistic neuron sigma(w x + b) on one feature).
        Paths come from live optimizers (--optimizers) or from run logs with params (--run). A network is drawn through a 2D slice \
        of its parameter space (--network, or --run with a network's log and no --function/--data): random filter-normalised \
        directions or the PCA directions of its training path (--directions pca), the path projected onto the plane.
        Examples:
          descent landscape --function rosenbrock --lr 0.001 --steps 300 \\
            --optimizers gd,momentum,adam:lr=0.05 -o rosen.png
          descent landscape --data linear2d --optimizers gd,minibatch:16,single \\
            --lr 0.05 --steps 60 --start=-1.5,1.5 --log-levels -o batch.png
          descent landscape --data lab-batch --network 2,1000,3 --epochs 100 \\
            --directions pca -o pca.png
        A run log names its own surface:
          descent train --function himmelblau --start=-1,-1 --lr 0.01 \\
            --steps 50 --log h.jsonl
          descent landscape --run h.jsonl -o h.png
          descent train --model mlp --layers 2,16,3 --data blobs \\
            --output softmax --epochs 50 --log-params --log net.jsonl
          descent landscape --run net.jsonl --directions pca -o net.png
        """
    )

    @Option(help: "Test function (\(LandscapeRequest.functionNames)) or an expression in x and y, e.g. 'x^2 + 3*y' (functions: exp, log, sqrt, abs, sin, cos, tanh, sigmoid, relu, max, min, pow).")
    var function: String?

    @Option(help: "Quadratic bowl: condition number (with --function quadratic).")
    var condition: Double = 10

    @Option(help: "Quadratic bowl: rotation in degrees (with --function quadratic).")
    var rotation: Double = 0

    @Option(help: "Data set for a two-parameter model: linear2d (the plane of its two weights), or a two-class set (plants, moons, ...).")
    var data: String?

    @Option(help: "Model on --data: linear (y = w1 x1 + w2 x2 on two features, no bias; y = w x + b on one feature or with --feature) or logistic (default: logistic for two-class data).")
    var model: SurfaceModel?

    @Option(help: "Feature column used as x on --data (default: the first; with --model linear on two features, both).")
    var feature: String?

    @Option(help: "Samples to generate for --data.")
    var samples: Int?

    @Option(parsing: .unconditional, help: "x range LOW,HIGH (default: the surface's usual domain; may start with a minus sign).")
    var xlim: String?

    @Option(parsing: .unconditional, help: "y range LOW,HIGH (may start with a minus sign).")
    var ylim: String?

    @Option(help: "Grid points per side (default: 400; 51 for network slices).")
    var resolution: Int?

    @Option(help: "A network slice: train an MLP with these layer sizes (e.g. 2,1000,3; ReLU, linear output, MSE, N(0, 1) weights) on --data, then draw its loss on a plane through the trained weights along two seeded filter-normalised random directions (Li et al. 2018).")
    var network: String?

    @Option(help: "Directions of a network slice: random (seeded, filter-normalised) or pca (the first two principal directions of the training path, which is drawn projected onto the plane).")
    var directions: NetworkSliceBuilder.Directions = .random

    @Option(help: "Epochs to train the --network before slicing (with each of --optimizers; by default full-batch GD at --lr).")
    var epochs: Int = 200

    @Option(help: "Number of contour lines (0 for none).")
    var levels: Int = 12

    @Flag(name: .customLong("log-levels"), help: "Log-spaced contour levels.")
    var logLevels = false

    @Flag(name: .customLong("log-color"), help: "Logarithmic colour scale (default: automatic when the surface spans 3 decades or more).")
    var logColor = false

    @Flag(name: .customLong("linear-color"), help: "Linear colour scale even when the surface spans several decades.")
    var linearColor = false

    @Option(help: "Colour map (default: viridis; rdbu for signed surfaces).")
    var colormap: ColormapName?

    @Option(help: "Optimizer paths, comma-separated: gd (full batch), minibatch:B, single (the course's SGD: batch size 1; 'sgd' is accepted as its old name), momentum, nesterov, rmsprop, adagrad, adam; overrides like adam:lr=0.05 or momentum:momentum=0.5:steps=100. (descent train --optimizer sgd is torch's update rule, full batch unless --batch-size.)")
    var optimizers: String?

    @Option(help: "Learning rate shared by the optimizers.")
    var lr: Double = 0.01

    @Option(help: "Steps per optimizer.")
    var steps: Int = 100

    @Option(parsing: .unconditional, help: "Start point X,Y (default: near the top-left corner of the domain; may start with a minus sign).")
    var start: String?

    @Option(help: "Seed for generated data and batch shuffles.")
    var seed: UInt64 = 0

    @Option(name: .customLong("run"), help: "A JSON Lines run log with params (descent train --log); repeatable.")
    var runLogs: [String] = []

    @Flag(help: "Arrows along each step of the paths.")
    var arrows = false

    @Flag(help: "Gradient arrows (uphill) at each iterate, as in course text 003 fig. 6; with --3d, downhill (-gradient) arrows laid on the surface, as in 002 ch. 6.1.1.")
    var gradients = false

    @Option(help: "Draw the gradient field (uphill arrows) on an N x N grid; 0 for none.")
    var quiver: Int = 0

    @Option(name: .customLong("random-search"), help: "Random search (course text 004 ch. 0): draw N points uniformly over the domain (seeded by --seed), mark each and the best; compare its budget with the paths' steps.")
    var randomSearch: Int = 0

    @Flag(name: .customLong("3d"), help: "Draw a shaded 3D surface mesh with the paths on it (height follows the colour scale).")
    var threeD = false

    @Option(help: "Mesh cells per side for --3d.")
    var mesh: Int = 60

    @Option(help: "Figure title (default: the surface).")
    var title: String?

    @Option(name: .customLong("color"), help: "Colour of each path in order, a name (red, teal, purple, ...) or #rrggbb; repeatable (default: by optimizer).")
    var colors: [String] = []

    @Option(name: .customLong("export-data"), help: "Also write the grid (x,y,loss) and the paths (optimizer,step,x,y,loss) to this CSV file.")
    var exportData: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        do {
            let request = try LandscapeRequest(self)
            for note in request.notes { Diagnostics.note(note) }
            try LandscapeJob(request: request).run()
        } catch let error as UserError {
            throw reportFailure(error)
        }
    }
}
