/// How data values map onto an axis, a colour bar or a colour map: the one scale type of the
/// figure model (as plotters' `Ranged`): forward and inverse transform, fractions of a range,
/// and tick proposals, for linear and base-10 log scales.
public enum AxisScale: Sendable, Equatable {
    case linear
    /// Base-10 logarithmic; non-positive values are not drawn.
    case log

    /// The value in the axis' linear space (log10 for `.log`); nil where undefined.
    @inlinable
    public func transform(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log: return v > 0 ? log10(v) : -.infinity
        }
    }

    /// The inverse of `transform`.
    @inlinable
    public func inverse(_ t: Double) -> Double {
        switch self {
        case .linear: return t
        case .log: return pow(10, t)
        }
    }

    /// Whether a value can be placed on this scale.
    @inlinable
    public func accepts(_ v: Double) -> Bool {
        v.isFinite && (self == .linear || v > 0)
    }

    /// Where `v` lies between `lower` (0) and `upper` (1) in this scale's space (unclamped).
    @inlinable
    public func fraction(_ v: Double, lower: Double, upper: Double) -> Double {
        let t0 = transform(lower)
        return (transform(v) - t0) / (transform(upper) - t0)
    }

    /// The value at fraction `t` of the range from `lower` to `upper`.
    @inlinable
    public func value(atFraction t: Double, lower: Double, upper: Double) -> Double {
        let t0 = transform(lower)
        return inverse(t0 + t * (transform(upper) - t0))
    }

    /// Tick proposals over [lower, upper]: nice 1-2-2.5-5 steps on a linear scale, decades
    /// (or 1-2-5, 1-3, 1..9 per decade) on a log scale; at most about `maxTicks` labelled.
    public func ticks(lower: Double, upper: Double, maxTicks: Int, integer: Bool = false) -> [Tick] {
        switch self {
        case .linear: return NiceTickLocator.ticks(lower: lower, upper: upper, maxTicks: maxTicks, integer: integer)
        case .log: return LogTickLocator.ticks(lower: lower, upper: upper, maxTicks: maxTicks)
        }
    }
}

/// Maps data values along one axis to canvas coordinates.
public struct AxisMapping: Sendable, Equatable {
    public var scale: AxisScale
    /// The visible data interval (lower, upper), in data units.
    public var lower: Double
    public var upper: Double
    /// Canvas coordinates of `lower` and `upper` (for y, `start` is the bottom).
    public var start: Double
    public var end: Double

    @usableFromInline let t0: Double
    @usableFromInline let factor: Double

    public init(scale: AxisScale, lower: Double, upper: Double, start: Double, end: Double) {
        self.scale = scale; self.lower = lower; self.upper = upper; self.start = start; self.end = end
        t0 = scale.transform(lower)
        let span = scale.transform(upper) - t0
        factor = span != 0 ? (end - start) / span : 0
    }

    /// Canvas coordinate of `v` (may lie outside the axis; -inf/inf/NaN for unplaceable values).
    @inlinable
    public func map(_ v: Double) -> Double {
        start + (scale.transform(v) - t0) * factor
    }

    /// The data value at canvas coordinate `c`.
    public func invert(_ c: Double) -> Double {
        scale.inverse(t0 + (c - start) / factor)
    }

    /// Whether `v` lies within the visible interval (with a small tolerance).
    public func contains(_ v: Double) -> Bool {
        let t = scale.transform(v), a = scale.transform(lower), b = scale.transform(upper)
        let eps = abs(b - a) * 1e-9
        return t >= min(a, b) - eps && t <= max(a, b) + eps
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
