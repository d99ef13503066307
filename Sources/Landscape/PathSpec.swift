import Training

/// One optimizer path to draw: `gd` (full batch), `minibatch:16`, `single` (the course's SGD: one
/// random sample per update; `sgd` is its old spelling), `momentum`, `nesterov`, `rmsprop`,
/// `adagrad` or `adam`, with optional overrides such as `adam:lr=0.05` or `minibatch:32:steps=100`.
/// (In `descent train`, `--optimizer sgd` is torch.optim.SGD's update rule on whatever batch
/// `--batch-size` gives; here the update rule of gd, minibatch and single is that same rule.)
public struct PathSpec: Sendable, Equatable {
    public static let names = ["gd", "minibatch", "single", "momentum", "nesterov", "rmsprop", "adagrad", "adam"]
    /// Old spellings still accepted, with the name they mean.
    public static let aliases = ["sgd": "single"]

    /// The canonical name (an alias is resolved).
    public var name: String
    /// The entry as given, e.g. `sgd` or `minibatch:16`, for messages.
    public var entry: String
    /// Samples per update; nil = all (full batch).
    public var batchSize: Int?
    public var learningRate: Double
    public var steps: Int
    public var momentum: Double

    /// How the path is called in the legend.
    public var label: String {
        let lr = "lr \(Self.format(learningRate))"
        switch name {
        case "gd": return "full-batch GD (\(lr))"
        case "minibatch": return "mini-batch \(batchSize ?? 0) (\(lr))"
        case "single": return "SGD, batch 1 (\(lr))"
        case "momentum", "nesterov": return "\(name) \(Self.format(momentum)) (\(lr))"
        default: return "\(name) (\(lr))"
        }
    }

    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e6 ? String(Int(v)) : String(v)
    }

    /// The torch.optim rule this path follows.
    public var optimizer: OptimizerConfig {
        switch name {
        case "momentum": return .sgd(lr: learningRate, momentum: momentum)
        case "nesterov": return .sgd(lr: learningRate, momentum: momentum, nesterov: true)
        case "rmsprop": return .rmsprop(lr: learningRate)
        case "adagrad": return .adagrad(lr: learningRate)
        case "adam": return .adam(lr: learningRate)
        default: return .sgd(lr: learningRate)
        }
    }

    /// Parses a comma-separated list; `problem` describes the first bad entry.
    public static func parseList(_ text: String, learningRate: Double, steps: Int) -> Result<[PathSpec], PathSpecError> {
        var out: [PathSpec] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            switch parse(String(item), learningRate: learningRate, steps: steps) {
            case .success(let s): out.append(s)
            case .failure(let e): return .failure(e)
            }
        }
        return .success(out)
    }

    public static func parse(_ text: String, learningRate: Double, steps: Int) -> Result<PathSpec, PathSpecError> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name = aliases[parts[0]] ?? parts[0]
        guard names.contains(name) else {
            return .failure(PathSpecError("unknown optimizer '\(name)' in '\(text)': expected one of \(names.joined(separator: ", "))"
                + " (sgd: the old name of single)"))
        }
        var spec = PathSpec(name: name, entry: text, batchSize: name == "single" ? 1 : nil, learningRate: learningRate, steps: steps,
                            momentum: 0.9)
        var rest = parts.dropFirst()
        if name == "minibatch" {
            spec.batchSize = 16
            if let first = rest.first, !first.contains("=") {
                guard let b = Int(first), b >= 1 else {
                    return .failure(PathSpecError("'\(text)': the batch size after 'minibatch:' must be a positive whole number"))
                }
                spec.batchSize = b
                rest = rest.dropFirst()
            }
        }
        for option in rest {
            let kv = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2, let value = Double(kv[1]), value.isFinite else {
                return .failure(PathSpecError("'\(text)': expected key=value overrides such as lr=0.05, found '\(option)'"))
            }
            switch kv[0] {
            case "lr" where value > 0: spec.learningRate = value
            case "steps" where value >= 0 && value == value.rounded(): spec.steps = Int(value)
            case "momentum" where value >= 0 && value < 1: spec.momentum = value
            case "batch" where value >= 1 && value == value.rounded() && name == "minibatch": spec.batchSize = Int(value)
            case "lr", "steps", "momentum", "batch":
                return .failure(PathSpecError("'\(text)': \(kv[0])=\(kv[1]) is out of range"))
            default:
                return .failure(PathSpecError("'\(text)': unknown override '\(kv[0])': expected lr, steps, momentum or batch"))
            }
        }
        return .success(spec)
    }
}

/// Why an optimizer list cannot be used.
public struct PathSpecError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
