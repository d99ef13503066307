#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

/// The loss of a two-parameter model on a whole data set, over its two parameters:
/// the linear fit y = w x + b (half mean squared error, as the training core's `mse`) or the
/// logistic neuron sigma(w x + b) (binary cross-entropy), with x one feature column.
public final class DataSurface: Surface2D {
    /// Which model.
    public enum Kind: String, Sendable { case linear, logistic }

    public let kind: Kind
    public let data: Dataset
    /// The feature used as x.
    public let feature: Int
    /// The model the optimizers train (an MLP with one input and one output: params [w, b]).
    public let model: MLP
    public let xs: [Double]
    public let targets: [Double]
    // Sufficient statistics of the linear fit: means of x^2, x, y, x y, y^2.
    private let sxx, sx, sy, sxy, syy: Double

    public init(kind: Kind, data: Dataset, feature: Int = 0) {
        self.kind = kind; self.data = data; self.feature = feature
        let d = data.featureCount
        xs = (0..<data.count).map { data.inputs[$0 * d + feature] }
        targets = (0..<data.count).map { data.targets[$0 * data.targetCount] }
        let spec = kind == .linear ? MLPSpec(layers: [1, 1], output: .linear, loss: .mse)
                                   : MLPSpec(layers: [1, 1], output: .sigmoid, loss: .bce)
        model = MLP(spec: spec)
        let n = Double(xs.count)
        var a = 0.0, b = 0.0, c = 0.0, e = 0.0, f = 0.0
        for (x, y) in zip(xs, targets) { a += x * x; b += x; c += y; e += x * y; f += y * y }
        sxx = a / n; sx = b / n; sy = c / n; sxy = e / n; syy = f / n
    }

    public func value(_ w: Double, _ b: Double) -> Double {
        switch kind {
        case .linear:
            // 1/2 mean (w x + b - y)^2, expanded.
            return 0.5 * (w * w * sxx + 2 * w * b * sx + b * b - 2 * w * sxy - 2 * b * sy + syy)
        case .logistic:
            var total = 0.0
            xs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in
                    for k in 0..<x.count {
                        let z = w * x[k] + b
                        total += t[k] * Sigmoid.softplus(-z) + (1 - t[k]) * Sigmoid.softplus(z)
                    }
                }
            }
            return total / Double(xs.count)
        }
    }

    public func gradient(_ w: Double, _ b: Double) -> Point2 {
        switch kind {
        case .linear:
            return Point2(w * sxx + b * sx - sxy, w * sx + b - sy)
        case .logistic:
            var gw = 0.0, gb = 0.0
            for (x, t) in zip(xs, targets) {
                let z = w * x + b
                let s = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
                gw += (s - t) * x; gb += s - t
            }
            let n = Double(xs.count)
            return Point2(gw / n, gb / n)
        }
    }

    /// The minimum: the least-squares line in closed form; for the logistic neuron, none is
    /// marked (on separable data it lies at infinity).
    public var minima: [Point2] {
        guard kind == .linear else { return [] }
        let varX = sxx - sx * sx
        guard varX > 0 else { return [] }
        let w = (sxy - sx * sy) / varX
        return [Point2(w, sy - w * sx)]
    }

    /// A square around the minimum (linear) or around the origin (logistic), wide enough to show the bowl.
    public var domain: Domain2 {
        if let m = minima.first {
            return Domain2(x: (m.x - 3)...(m.x + 3), y: (m.y - 3)...(m.y + 3))
        }
        return Domain2(x: -4...4, y: -8...8)
    }

    public var xName: String { "$w$ (weight of \(data.featureNames[feature]))" }
    public var yName: String { "$b$ (bias)" }
    public var title: String {
        kind == .linear ? "\(data.name): half mean squared error of $w x + b$"
                        : "\(data.name): cross-entropy of $\\sigma(w x + b)$"
    }
}
