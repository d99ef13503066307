/// The update rules of `torch.optim` (single-tensor CPU implementations, maximize = false),
/// with PyTorch's defaults and its order of floating-point operations.
public enum OptimizerConfig: Sendable, Equatable {
    case sgd(lr: Double, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false, weightDecay: Double = 0)
    case rmsprop(lr: Double, alpha: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0,
                 centered: Bool = false)
    case adagrad(lr: Double, lrDecay: Double = 0, weightDecay: Double = 0, initialAccumulatorValue: Double = 0,
                 eps: Double = 1e-10)
    case adam(lr: Double, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8, weightDecay: Double = 0,
              amsgrad: Bool = false)

    /// The names accepted by `--optimizer`.
    public static let names = ["sgd", "rmsprop", "adagrad", "adam"]

    public var name: String {
        switch self {
        case .sgd: return "sgd"
        case .rmsprop: return "rmsprop"
        case .adagrad: return "adagrad"
        case .adam: return "adam"
        }
    }

    public var learningRate: Double {
        switch self {
        case let .sgd(lr, _, _, _, _), let .rmsprop(lr, _, _, _, _, _), let .adagrad(lr, _, _, _, _), let .adam(lr, _, _, _, _, _):
            return lr
        }
    }

    /// Every hyperparameter, by its torch name, for the run log header.
    public var hyperparameters: [(String, HyperValue)] {
        switch self {
        case let .sgd(lr, momentum, dampening, nesterov, wd):
            return [("lr", .number(lr)), ("momentum", .number(momentum)), ("dampening", .number(dampening)),
                    ("nesterov", .flag(nesterov)), ("weight_decay", .number(wd))]
        case let .rmsprop(lr, alpha, eps, wd, momentum, centered):
            return [("lr", .number(lr)), ("alpha", .number(alpha)), ("eps", .number(eps)), ("weight_decay", .number(wd)),
                    ("momentum", .number(momentum)), ("centered", .flag(centered))]
        case let .adagrad(lr, lrDecay, wd, initial, eps):
            return [("lr", .number(lr)), ("lr_decay", .number(lrDecay)), ("weight_decay", .number(wd)),
                    ("initial_accumulator_value", .number(initial)), ("eps", .number(eps))]
        case let .adam(lr, b1, b2, eps, wd, amsgrad):
            return [("lr", .number(lr)), ("betas", .pair(b1, b2)), ("eps", .number(eps)), ("weight_decay", .number(wd)),
                    ("amsgrad", .flag(amsgrad))]
        }
    }
}

/// A hyperparameter value as it appears in the log header.
public enum HyperValue: Sendable, Equatable {
    case number(Double)
    case flag(Bool)
    case pair(Double, Double)
}

/// An optimizer with its state (momentum buffers, running averages, step count).
public struct Optimizer: Sendable {
    public let config: OptimizerConfig
    public private(set) var stepCount = 0
    private var buffer: [Double]      // sgd/rmsprop momentum, adam exp_avg
    private var average: [Double]     // rmsprop square_avg, adagrad sum, adam exp_avg_sq
    private var gradAverage: [Double] // rmsprop centered grad_avg, adam max_exp_avg_sq
    private var g: [Double]

    public init(_ config: OptimizerConfig, parameterCount n: Int) {
        self.config = config
        buffer = [Double](repeating: 0, count: n)
        var initial = 0.0
        if case let .adagrad(_, _, _, value, _) = config { initial = value }
        average = [Double](repeating: initial, count: n)
        gradAverage = [Double](repeating: 0, count: n)
        g = [Double](repeating: 0, count: n)
    }

    /// torch's `lerp_(end, weight)` on CPU: start + weight (end - start) for weight < 0.5,
    /// else end - (end - start)(1 - weight).
    @inline(__always)
    static func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
        weight < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
    }

    /// One update of `params` from `grad`.
    public mutating func step(_ params: UnsafeMutableBufferPointer<Double>, gradient grad: UnsafeBufferPointer<Double>) {
        stepCount += 1
        let n = params.count
        let step = Double(stepCount)
        let first = stepCount == 1
        buffer.withUnsafeMutableBufferPointer { buf in
        average.withUnsafeMutableBufferPointer { avg in
        gradAverage.withUnsafeMutableBufferPointer { gavg in
        g.withUnsafeMutableBufferPointer { g in
            switch config {
            case let .sgd(lr, momentum, dampening, nesterov, wd):
                for i in 0..<n {
                    var d = grad[i]
                    if wd != 0 { d = d + wd * params[i] }  // grad.add(param, alpha=wd)
                    if momentum != 0 {
                        if first { buf[i] = d } else { buf[i] = buf[i] * momentum + (1 - dampening) * d }
                        d = nesterov ? d + momentum * buf[i] : buf[i]
                    }
                    params[i] = params[i] + (-lr) * d
                }
            case let .rmsprop(lr, alpha, eps, wd, momentum, centered):
                for i in 0..<n {
                    var d = grad[i]
                    if wd != 0 { d = d + wd * params[i] }
                    avg[i] = avg[i] * alpha + (1 - alpha) * d * d  // square_avg.mul_(alpha).addcmul_(g, g, 1 - alpha)
                    var denom: Double
                    if centered {
                        gavg[i] = Self.lerp(gavg[i], d, 1 - alpha)
                        denom = (avg[i] + (-1) * gavg[i] * gavg[i]).squareRoot()  // addcmul(grad_avg, grad_avg, value=-1).sqrt_()
                    } else {
                        denom = avg[i].squareRoot()
                    }
                    denom = denom + eps
                    if momentum > 0 {
                        buf[i] = buf[i] * momentum + d / denom  // buf.mul_(momentum).addcdiv_(g, avg)
                        params[i] = params[i] + (-lr) * buf[i]
                    } else {
                        params[i] = params[i] + (-lr) * (d / denom)  // addcdiv_(g, avg, value=-lr)
                    }
                }
            case let .adagrad(lr, lrDecay, wd, _, eps):
                let clr = lr / (1 + (step - 1) * lrDecay)
                for i in 0..<n {
                    var d = grad[i]
                    if wd != 0 { d = d + wd * params[i] }
                    avg[i] = avg[i] + d * d  // state_sum.addcmul_(g, g, value=1)
                    let std = avg[i].squareRoot() + eps
                    params[i] = params[i] + (-clr) * (d / std)
                }
            case let .adam(lr, beta1, beta2, eps, wd, amsgrad):
                let bias1 = 1 - pow(beta1, step), bias2 = 1 - pow(beta2, step)
                let stepSize = lr / bias1
                let bias2Sqrt = bias2.squareRoot()
                for i in 0..<n {
                    var d = grad[i]
                    if wd != 0 { d = d + wd * params[i] }
                    buf[i] = Self.lerp(buf[i], d, 1 - beta1)  // exp_avg.lerp_(grad, 1 - beta1)
                    avg[i] = avg[i] * beta2 + (1 - beta2) * d * d  // exp_avg_sq.mul_(beta2).addcmul_(g, g, 1 - beta2)
                    let second: Double
                    if amsgrad {
                        gavg[i] = max(gavg[i], avg[i])
                        second = gavg[i]
                    } else {
                        second = avg[i]
                    }
                    let denom = second.squareRoot() / bias2Sqrt + eps
                    params[i] = params[i] + (-stepSize) * (buf[i] / denom)  // addcdiv_(exp_avg, denom, value=-step_size)
                }
            }
            _ = g
        }}}}
    }

    /// Array convenience for one update.
    public mutating func step(_ params: inout [Double], gradient: [Double]) {
        gradient.withUnsafeBufferPointer { grad in
            params.withUnsafeMutableBufferPointer { p in step(p, gradient: grad) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
