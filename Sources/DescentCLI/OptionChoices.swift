import ArgumentParser
import Landscape
import Plot
import Training

// Options with a fixed set of values are typed: the parser checks them, `--help` lists them
// ("values: ..."), and shell completion offers them. A value outside the set is one line on
// stderr naming the option and the values (see `DescentCommand.main`).

extension ModelKind: ExpressibleByArgument {}
extension Activation: ExpressibleByArgument {}
extension OutputActivation: ExpressibleByArgument {}
extension LossKind: ExpressibleByArgument {}
extension WeightInit: ExpressibleByArgument {}
extension NetworkSliceBuilder.Directions: ExpressibleByArgument {}

/// `train --optimizer`: torch.optim's update rules.
enum TrainOptimizer: String, CaseIterable, ExpressibleByArgument {
    case sgd, rmsprop, adagrad, adam
}

/// `landscape --model` on `--data`: the two-parameter models.
enum SurfaceModel: String, CaseIterable, ExpressibleByArgument {
    case linear, logistic
}

/// `landscape --colormap`: the colour maps of `Colormap`.
enum ColormapName: String, CaseIterable, ExpressibleByArgument {
    case viridis, magma, inferno, cividis, rdbu

    var colormap: Colormap {
        guard let m = Colormap.named(rawValue) else { preconditionFailure("Colormap has no '\(rawValue)'") }
        return m
    }
}
