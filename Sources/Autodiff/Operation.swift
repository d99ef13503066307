import Foundation

/// A gate's operation: its forward value and its local derivatives.
///
/// Rules at kinks and edges (documented, and tested):
/// - `relu'(0) = 0` and `abs'(0) = 0`;
/// - `max`/`min`: the *first* argument (leftmost) that attains the maximum (minimum)
///   gets the whole gradient; the others get 0;
/// - `pow(a, b)`: d/db is `a^b ln a` for a > 0, 0 for a = 0 and b > 0, NaN otherwise;
/// - a NaN argument makes the value NaN, and the local derivatives that depend on it;
/// - `add` and `mul` take two inputs from the parser and any number after `flattened()`.
///
/// The tensor operations (`@`, `.T`, `sum`, `mean`, `softmax` and the loss gates) have their
/// one-entry meaning here, for scalar graphs: a scalar is its own transpose, sum and mean,
/// `softmax(z) = 1`, `x @ y` is `x y` (1 x 1 matrices), `mse(a, y) = (a - y)^2 / 2`,
/// `bce(a, y) = -(y log a + (1 - y) log(1 - a))`, `ce(p, y) = -y log p` (0 where y = 0).
/// `TensorEvaluation` gives them their array meaning.
public enum Operation: String, Sendable, CaseIterable {
    case add, sub, mul, div, pow, neg
    case exp, log, sqrt, abs, sin, cos, tanh, sigmoid, relu
    case max, min
    case matmul, transpose, sum, mean, softmax, mse, bce, ce
    /// `[a, b, c]`: entries of one shape stacked along a new first axis (arrays only).
    case stack

    /// Functions callable by name, with their argument counts (nil: two or more).
    public static let functions: [String: Int?] = [
        "exp": 1, "log": 1, "sqrt": 1, "abs": 1, "sin": 1, "cos": 1, "tanh": 1,
        "sigmoid": 1, "relu": 1, "pow": 2, "max": nil, "min": nil,
        "transpose": 1, "sum": 1, "mean": 1, "softmax": 1, "mse": 2, "bce": 2, "ce": 2,
    ]

    /// Operations whose meaning differs between scalars and arrays: a graph using one is
    /// evaluated as a tensor graph.
    public static let tensorOperations: Set<Operation> = [.matmul, .transpose, .sum, .mean, .softmax, .mse, .bce, .ce, .stack]

    /// Operations with no meaning on numbers alone (an array literal): functions of numbers
    /// (curves, surfaces) refuse them.
    public var isArrayOnly: Bool { self == .stack }

    /// The loss gates: a scalar from a prediction and a target of one shape.
    public var isLoss: Bool { self == .mse || self == .bce || self == .ce }

    /// Whether the arguments may be swapped without changing the value (+, ×, max, min), so a
    /// drawing may let them enter in any order.
    public var isCommutative: Bool { self == .add || self == .mul || self == .max || self == .min }

    /// The symbol drawn inside the gate.
    public var symbol: String {
        switch self {
        case .add: return "+"
        case .sub: return "\u{2212}"
        case .mul: return "\u{00D7}"
        case .div: return "\u{00F7}"
        case .pow: return "^"
        case .neg: return "\u{2212}"
        case .sigmoid: return "\u{03C3}"
        case .matmul: return "@"
        case .transpose: return "T"
        case .stack: return "[ ]"
        case .sum: return "\u{2211}"
        default: return rawValue
        }
    }

    /// The symbol in plain ASCII, for Graphviz and JSON readers.
    public var asciiSymbol: String {
        switch self {
        case .add: return "+"
        case .sub: return "-"
        case .mul: return "*"
        case .div: return "/"
        case .pow: return "^"
        case .neg: return "neg"
        case .matmul: return "@"
        default: return rawValue
        }
    }

    /// The forward value.
    public func value(_ x: [Double]) -> Double {
        if x.contains(where: \.isNaN) { return .nan }
        switch self {
        case .add: return x.count == 2 ? x[0] + x[1] : x.reduce(0, +)
        case .sub: return x[0] - x[1]
        case .mul: return x.count == 2 ? x[0] * x[1] : x.reduce(1, *)
        case .div: return x[0] / x[1]
        case .pow: return Foundation.pow(x[0], x[1])
        case .neg: return -x[0]
        case .exp: return Foundation.exp(x[0])
        case .log: return x[0] < 0 ? .nan : Foundation.log(x[0])
        case .sqrt: return x[0] < 0 ? .nan : x[0].squareRoot()
        case .abs: return Swift.abs(x[0])
        case .sin: return Foundation.sin(x[0])
        case .cos: return Foundation.cos(x[0])
        case .tanh: return Foundation.tanh(x[0])
        case .sigmoid: return Self.sigmoid(x[0])
        case .relu: return x[0] > 0 ? x[0] : 0
        case .max: return x[Self.winner(x, larger: true)]
        case .min: return x[Self.winner(x, larger: false)]
        case .matmul: return x[0] * x[1]
        case .transpose, .sum, .mean: return x[0]
        case .softmax: return 1
        case .stack: return x[0]  // no scalar meaning: a scalar graph refuses it (see `isArrayOnly`)
        case .mse: return 0.5 * (x[0] - x[1]) * (x[0] - x[1])
        case .bce: return -(x[1] * Foundation.log(x[0]) + (1 - x[1]) * Foundation.log(1 - x[0]))
        case .ce: return x[1] == 0 ? 0 : -x[1] * Foundation.log(x[0])
        }
    }

    /// d(output)/d(input i) for every input, given the inputs and the output value `y`.
    public func localDerivatives(_ x: [Double], output y: Double) -> [Double] {
        var out: [Double] = []
        localDerivatives(x, output: y, into: &out)
        return out
    }

    /// The local derivatives written into `out` (emptied first, capacity kept), so a pass
    /// over many points allocates nothing per node.
    ///
    /// A NaN input makes NaN only the derivatives that depend on it: d(x + y)/dy is 1 and
    /// d(x * y)/dx is y whatever x is, as in PyTorch.
    public func localDerivatives(_ x: [Double], output y: Double, into out: inout [Double]) {
        out.removeAll(keepingCapacity: true)
        switch self {
        case .add: for _ in x { out.append(1) }
        case .sub: out.append(1); out.append(-1)
        case .mul:
            if x.count == 2 { out.append(x[1]); out.append(x[0]); break }
            // n-ary (flattened) product: d/dx_i = product of the others, by prefix and suffix
            // products (no division, so a zero factor is fine).
            var prefix = 1.0
            for v in x { out.append(prefix); prefix *= v }
            var suffix = 1.0
            for i in x.indices.reversed() { out[i] *= suffix; suffix *= x[i] }
        case .div: out.append(1 / x[1]); out.append(-x[0] / (x[1] * x[1]))
        case .pow:
            let a = x[0], b = x[1]
            out.append(b == 0 ? 0 : b * Foundation.pow(a, b - 1))
            out.append(a > 0 ? y * Foundation.log(a) : (a == 0 && b > 0 ? 0 : .nan))
        case .neg: out.append(-1)
        case .exp: out.append(y)
        case .log: out.append(1 / x[0])
        case .sqrt: out.append(0.5 / y)
        case .abs: out.append(x[0].isNaN ? .nan : (x[0] > 0 ? 1 : (x[0] < 0 ? -1 : 0)))
        case .sin: out.append(Foundation.cos(x[0]))
        case .cos: out.append(-Foundation.sin(x[0]))
        case .tanh: out.append(Self.tanhDerivative(x[0]))
        case .sigmoid: out.append(Self.sigmoidDerivative(x[0]))
        case .relu: out.append(x[0].isNaN ? .nan : (x[0] > 0 ? 1 : 0))
        case .max, .min:
            if x.contains(where: \.isNaN) {
                for _ in x { out.append(.nan) }
            } else {
                let w = Self.winner(x, larger: self == .max)
                for i in x.indices { out.append(i == w ? 1 : 0) }
            }
        case .matmul: out.append(x[1]); out.append(x[0])
        case .transpose, .sum, .mean: out.append(1)
        case .softmax: out.append(x[0].isNaN ? .nan : 0)
        case .stack: for i in x.indices { out.append(i == 0 ? 1 : 0) }
        case .mse: out.append(x[0] - x[1]); out.append(x[1] - x[0])
        case .bce:
            // d/da = (a - y) / (a (1 - a)), d/dy = log((1 - a) / a).
            out.append((x[0] - x[1]) / (x[0] * (1 - x[0])))
            out.append(Foundation.log(1 - x[0]) - Foundation.log(x[0]))
        case .ce:
            out.append(x[1] == 0 ? 0 : -x[1] / x[0])
            out.append(-Foundation.log(x[0]))
        }
    }

    /// sigmoid'(v) = e^-|v| / (1 + e^-|v|)^2, from the input: y(1 - y) loses the tail once
    /// y rounds to 1 (it is exactly 0 from v = 37 on), this keeps it (4.25e-18 at v = 40).
    static func sigmoidDerivative(_ v: Double) -> Double {
        let e = Foundation.exp(-Swift.abs(v))
        return e / ((1 + e) * (1 + e))
    }

    /// tanh'(v) = sech^2 v = 4 e^-2|v| / (1 + e^-2|v|)^2, from the input (1 - y^2 is 0 from v = 19.1 on).
    static func tanhDerivative(_ v: Double) -> Double {
        let e = Foundation.exp(-2 * Swift.abs(v))
        return 4 * e / ((1 + e) * (1 + e))
    }

    /// Index of the first input attaining the maximum (or minimum).
    static func winner(_ x: [Double], larger: Bool) -> Int {
        var best = 0
        for i in x.indices.dropFirst() where larger ? x[i] > x[best] : x[i] < x[best] { best = i }
        return best
    }

    static func sigmoid(_ v: Double) -> Double {
        if v >= 0 { return 1 / (1 + Foundation.exp(-v)) }
        let e = Foundation.exp(v)
        return e / (1 + e)
    }
}
