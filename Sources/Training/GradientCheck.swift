import FiniteDifferences

/// Analytic gradients against centred finite differences, (L(p + h) - L(p - h)) / 2h with
/// h = 1e-6 max(1, |p|), reported as the largest error |a - n| / max(1, |a|, |n|) per parameter
/// group (`FiniteDifferences`, the formula `graph --check` uses too).
public enum GradientCheck {
    public struct GroupError: Sendable {
        public var name: String
        public var maxRelativeError: Double
        public var worstIndex: Int
    }

    public static func check(groups: [(name: String, range: Range<Int>)], parameters: [Double],
                             loss: ([Double]) -> Double, gradient: [Double]) -> [GroupError] {
        var p = parameters
        return groups.map { group in
            var worst = 0.0, worstIndex = group.range.lowerBound
            for i in group.range {
                let original = p[i]
                let h = FiniteDifferences.step(at: original)
                p[i] = original + h
                let up = loss(p)
                p[i] = original - h
                let down = loss(p)
                p[i] = original
                let numeric = (up - down) / (2 * h)
                let e = FiniteDifferences.error(analytic: gradient[i], numeric: numeric)
                if e > worst || e.isNaN { worst = e; worstIndex = i }
            }
            return GroupError(name: group.name, maxRelativeError: worst, worstIndex: worstIndex)
        }
    }

    /// The check for a model on one batch.
    public static func check(_ model: DataModel, parameters: [Double], inputs: [Double], targets: [Double], count: Int) -> [GroupError] {
        var gradient = [Double](repeating: 0, count: model.parameterCount)
        func evaluate(_ p: [Double]) -> Double {
            p.withUnsafeBufferPointer { pb in
                inputs.withUnsafeBufferPointer { x in
                    targets.withUnsafeBufferPointer { t in
                        model.loss(pb.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: count)
                    }
                }
            }
        }
        parameters.withUnsafeBufferPointer { pb in
            inputs.withUnsafeBufferPointer { x in
                targets.withUnsafeBufferPointer { t in
                    gradient.withUnsafeMutableBufferPointer { g in
                        _ = model.lossAndGradient(pb.baseAddress!, inputs: x.baseAddress!, targets: t.baseAddress!, count: count,
                                                  gradient: g.baseAddress!)
                    }
                }
            }
        }
        return check(groups: model.groups, parameters: parameters, loss: evaluate, gradient: gradient)
    }
}
