import Training

/// Random directions in a network's parameter space, filter-normalised as in Li et al. 2018,
/// "Visualizing the Loss Landscape of Neural Nets": a Gaussian direction whose every weight-matrix
/// row (the incoming weights of one neuron) is rescaled to the norm of the same row of the weights,
/// with zero bias directions.
public enum FilterNormalizedDirection {
    public static func make(spec: MLPSpec, weights: [Double], rng: inout SplitMix64) -> [Double] {
        var d = [Double](repeating: 0, count: spec.parameterCount)
        for l in 1..<spec.layers.count {
            let rows = spec.layers[l], cols = spec.layers[l - 1], w = spec.weightOffset(l)
            for r in 0..<rows {
                let start = w + r * cols
                var dn = 0.0, wn = 0.0
                for c in 0..<cols {
                    let g = rng.normal()
                    d[start + c] = g
                    dn += g * g
                    wn += weights[start + c] * weights[start + c]
                }
                let scale = dn > 0 ? (wn / dn).squareRoot() : 0
                for c in 0..<cols { d[start + c] *= scale }
            }
        }
        return d
    }
}

/// The loss of a network on a plane through its parameters: theta + alpha d1 + beta d2.
public final class NetworkSlice: Surface2D {
    public let model: MLP
    public let center: [Double]
    public let d1: [Double], d2: [Double]
    let inputs: [Double], targets: [Double]
    let count: Int
    private var scratch: [Double]
    /// Shown as the figure title.
    public var caption = "network slice"

    public init(model: MLP, center: [Double], d1: [Double], d2: [Double], inputs: [Double], targets: [Double], count: Int) {
        self.model = model; self.center = center; self.d1 = d1; self.d2 = d2
        self.inputs = inputs; self.targets = targets; self.count = count
        scratch = center
    }

    public func value(_ a: Double, _ b: Double) -> Double {
        for i in scratch.indices { scratch[i] = center[i] + a * d1[i] + b * d2[i] }
        return scratch.withUnsafeBufferPointer { p in
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in
                    model.loss(p.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: count)
                }
            }
        }
    }

    /// Directional derivatives along d1 and d2 (the gradient in the plane's coordinates).
    public func gradient(_ a: Double, _ b: Double) -> Point2 {
        for i in scratch.indices { scratch[i] = center[i] + a * d1[i] + b * d2[i] }
        var g = [Double](repeating: 0, count: center.count)
        _ = scratch.withUnsafeBufferPointer { p in
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in
                    g.withUnsafeMutableBufferPointer { gb in
                        model.lossAndGradient(p.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: count,
                                              gradient: gb.baseAddress!)
                    }
                }
            }
        }
        var ga = 0.0, gb = 0.0
        for i in g.indices { ga += g[i] * d1[i]; gb += g[i] * d2[i] }
        return Point2(ga, gb)
    }

    /// Where the plane is drawn: [-1, 1] in both directions unless a projected path needs more.
    public var domain = Domain2(x: -1...1, y: -1...1)
    /// The trained parameters sit at the origin of the plane.
    public var minima: [Point2] { [] }
    public var xName = "$\\alpha$ (filter-normalised direction 1)"
    public var yName = "$\\beta$ (filter-normalised direction 2)"
    public var title: String { caption }

    /// The plane the slice lies in.
    public var plane: SlicePlane { SlicePlane(center: center, first: d1, second: d2) }
}
