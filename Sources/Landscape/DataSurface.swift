#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Training

/// The loss of a two-parameter model on a whole data set, over its two parameters:
/// the linear fit y = w x + b on one feature or y = w1 x1 + w2 x2 on two features without a
/// bias (half mean squared error, as the training core's `mse`), or the logistic neuron
/// sigma(w x + b) on one feature (binary cross-entropy).
public final class DataSurface: Surface2D {
    /// Which model.
    public enum Kind: String, Sendable {
        /// y = w x + b on one feature; the plane (w, b).
        case linear
        /// y = w1 x1 + w2 x2 on a two-feature data set, no bias; the plane (w1, w2).
        case linearNoBias
        /// sigma(w x + b) on one feature; the plane (w, b).
        case logistic
    }

    public let kind: Kind
    public let data: Dataset
    /// The feature columns the model reads: one (w x + b) or two (w1 x1 + w2 x2).
    public let features: [Int]
    /// The model the optimizers train: an MLP with one input and one output (params [w, b]),
    /// or `BiasFreeLinear` on two inputs (params [w1, w2]).
    public let model: DataModel
    /// The model's inputs, row-major (count x features.count).
    public let inputs: [Double]
    public let targets: [Double]
    /// The linear loss as a quadratic form in p = (p1, p2): 1/2 (p^T A p - 2 r^T p + c), with
    /// A the mean outer product of the columns (u, v) = (x, 1) or (x1, x2), r = mean (u y, v y),
    /// c = mean y^2.
    private let a11, a12, a22, r1, r2, c: Double

    /// `feature` is the column of the one-feature models; `.linearNoBias` reads the first two columns.
    public init(kind: Kind, data: Dataset, feature: Int = 0) {
        precondition(kind != .linearNoBias || data.featureCount >= 2, "linearNoBias needs two feature columns")
        self.kind = kind; self.data = data
        let columns = kind == .linearNoBias ? [0, 1] : [feature]
        features = columns
        let d = data.featureCount
        inputs = (0..<data.count).flatMap { row in columns.map { data.inputs[row * d + $0] } }
        targets = (0..<data.count).map { data.targets[$0 * data.targetCount] }
        switch kind {
        case .linear: model = MLP(spec: MLPSpec(layers: [1, 1], output: .linear, loss: .mse))
        case .linearNoBias: model = BiasFreeLinear(inputs: 2)
        case .logistic: model = MLP(spec: MLPSpec(layers: [1, 1], output: .sigmoid, loss: .bce))
        }
        let width = columns.count
        var s11 = 0.0, s12 = 0.0, s22 = 0.0, s1 = 0.0, s2 = 0.0, sy = 0.0
        for (k, y) in targets.enumerated() {
            let u = inputs[k * width], v = width == 2 ? inputs[k * width + 1] : 1
            s11 += u * u; s12 += u * v; s22 += v * v; s1 += u * y; s2 += v * y; sy += y * y
        }
        let n = Double(max(1, targets.count))
        a11 = s11 / n; a12 = s12 / n; a22 = s22 / n; r1 = s1 / n; r2 = s2 / n; c = sy / n
    }

    /// The data as the table the model trains on (the feature columns it reads, the first target).
    public var trainingData: Dataset {
        Dataset(name: data.name, featureNames: features.map { data.featureNames[$0] }, targetNames: [data.targetNames.first ?? "y"],
                inputs: inputs, targets: targets)
    }

    public func value(_ p: Double, _ q: Double) -> Double {
        switch kind {
        case .linear, .linearNoBias:
            return 0.5 * (a11 * p * p + 2 * a12 * p * q + a22 * q * q - 2 * r1 * p - 2 * r2 * q + c)
        case .logistic:
            var total = 0.0
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in
                    for k in 0..<x.count {
                        let z = p * x[k] + q
                        total += t[k] * Sigmoid.softplus(-z) + (1 - t[k]) * Sigmoid.softplus(z)
                    }
                }
            }
            return total / Double(inputs.count)
        }
    }

    public func gradient(_ p: Double, _ q: Double) -> Point2 {
        switch kind {
        case .linear, .linearNoBias:
            return Point2(a11 * p + a12 * q - r1, a12 * p + a22 * q - r2)
        case .logistic:
            var gw = 0.0, gb = 0.0
            for (x, t) in zip(inputs, targets) {
                let z = p * x + q
                let s = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
                gw += (s - t) * x; gb += s - t
            }
            let n = Double(inputs.count)
            return Point2(gw / n, gb / n)
        }
    }

    /// The minimum: the least-squares fit in closed form (the normal equations A p = r); for
    /// the logistic neuron, none is marked (on separable data it lies at infinity).
    public var minima: [Point2] {
        guard kind != .logistic else { return [] }
        let det = a11 * a22 - a12 * a12
        guard det > 1e-12 * max(a11 * a22, .leastNormalMagnitude) else { return [] }
        return [Point2((a22 * r1 - a12 * r2) / det, (a11 * r2 - a12 * r1) / det)]
    }

    /// Around the minimum: a square of half-width 3 for (w, b); for (w1, w2) a 6 x 5 box with the
    /// minimum right of centre, leaving room for paths from the default top-left start, its ends
    /// rounded to halves (linear2d: [-2, 4] x [-3, 2], the matplotlib anchor's plane). Without a
    /// minimum (logistic), around the origin.
    public var domain: Domain2 {
        guard let m = minima.first else { return kind == .logistic ? Domain2(x: -4...4, y: -8...8) : Domain2(x: -4...4, y: -4...4) }
        if kind == .linear { return Domain2(x: (m.x - 3)...(m.x + 3), y: (m.y - 3)...(m.y + 3)) }
        func half(_ v: Double) -> Double { (2 * v).rounded() / 2 }
        return Domain2(x: half(m.x - 3.5)...half(m.x + 2.5), y: half(m.y - 2.5)...half(m.y + 2.5))
    }

    public var xName: String {
        kind == .linearNoBias ? "$w_1$ (weight of \(data.featureNames[features[0]]))" : "$w$ (weight of \(data.featureNames[features[0]]))"
    }
    public var yName: String { kind == .linearNoBias ? "$w_2$ (weight of \(data.featureNames[features[1]]))" : "$b$ (bias)" }
    public var title: String {
        switch kind {
        case .linear: return "\(data.name): half mean squared error of $w x + b$"
        case .linearNoBias: return "\(data.name): half mean squared error of $w_1 x_1 + w_2 x_2$ (no bias)"
        case .logistic: return "\(data.name): cross-entropy of $\\sigma(w x + b)$"
        }
    }
}
