#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hidden-layer activation functions.
public enum Activation: String, Sendable, CaseIterable {
    case relu, sigmoid, tanh, identity

    @inline(__always)
    func apply(_ z: Double) -> Double {
        switch self {
        case .relu: return z > 0 ? z : 0
        case .sigmoid: return Sigmoid.value(z)
        case .tanh: return Glibc.tanh(z)
        case .identity: return z
        }
    }

    /// The derivative f'(z), written with the activation a = f(z) where that is the course's form
    /// (sigma' = a (1 - a), tanh' = 1 - a^2).
    @inline(__always)
    func derivative(z: Double, a: Double) -> Double {
        switch self {
        case .relu: return z > 0 ? 1 : 0
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .identity: return 1
        }
    }
}

/// The activation of the last layer.
public enum OutputActivation: String, Sendable, CaseIterable {
    /// `relu` is the 001 forward-pass exercise's y_hat = ReLU(x W^T).
    case linear, relu, sigmoid, softmax
}

/// Loss functions, averaged over the batch.
public enum LossKind: String, Sendable, CaseIterable {
    /// 1/2 ||y_hat - y||^2 per sample (the 1/2 convention of course text 001).
    case mse
    /// Binary cross-entropy -[y log a + (1 - y) log(1 - a)] summed over outputs; needs a sigmoid output.
    case bce
    /// Cross-entropy -sum_j y_j log p_j of a softmax output (course text 002 ch. 7).
    case ce
}

/// The logistic function and its companions, computed without overflow.
public enum Sigmoid {
    @inline(__always)
    public static func value(_ z: Double) -> Double {
        if z >= 0 { return 1 / (1 + exp(-z)) }
        let e = exp(z)
        return e / (1 + e)
    }

    /// log(1 + e^z).
    @inline(__always)
    public static func softplus(_ z: Double) -> Double {
        max(z, 0) + log1p(exp(-abs(z)))
    }
}
