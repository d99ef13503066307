import ArgumentParser
import Diagram
import Landscape
import Plot
import RunLogs
import Training

// Options with a fixed set of values are typed: the parser checks them, `--help` lists them
// ("values: ..."), and shell completion offers them. A value outside the set is one line on
// stderr naming the option and the values (see `DescentCommand.main`).

extension ModelKind: ExpressibleByArgument {}
extension Activation: ExpressibleByArgument {}
extension OutputActivation: ExpressibleByArgument {}
extension LossKind: ExpressibleByArgument {}
extension WeightInit: ExpressibleByArgument {}
extension WeightShape: ExpressibleByArgument {}
extension RandomGenerator: ExpressibleByArgument {}
extension Reduction: ExpressibleByArgument {}
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

/// `plot --legend`: best, outside, none, or a corner or edge such as 'upper left' (or upper-left).
extension LegendPlacement: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "best": self = .best
        case "outside", "outside right", "right outside": self = .outsideRight
        case "none", "off": self = .none
        default:
            guard let l = LegendLocation(rawValue: argument.lowercased().replacingOccurrences(of: "-", with: " ")) else { return nil }
            self = .inside(l)
        }
    }

    public static var allValueStrings: [String] { ["best", "outside", "none"] + LegendLocation.allCases.map(\.rawValue) }

    public var defaultValueDescription: String {
        switch self {
        case .best: return "best"
        case .outsideRight: return "outside"
        case .none: return "none"
        case let .inside(l): return l.rawValue
        }
    }
}

/// `plot --input-format`, in any case.
extension InputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `graph --direction`: lr or tb, in any case.
extension LayeredLayout.Direction: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `graph --stage`: backward (values and gradients; 'full' is accepted too) or forward (values only).
enum GraphStage: String, CaseIterable, ExpressibleByArgument {
    case backward, forward

    init?(argument: String) {
        let text = argument.lowercased()
        self.init(rawValue: text == "full" ? "backward" : text)
    }
}
