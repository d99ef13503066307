/// The centred finite-difference step and error formula every gradient check in descent uses
/// (`train --check-gradients` in Training, `graph --check` in Autodiff), written once.
public enum FiniteDifferences {
    /// The step h = 1e-6 max(1, |x|) of the centred difference (f(x + h) - f(x - h)) / 2h.
    @inline(__always)
    public static func step(at x: Double) -> Double {
        1e-6 * max(1, abs(x))
    }

    /// |analytic - numeric| / max(1, |analytic|, |numeric|): relative for large gradients,
    /// absolute below 1, so a gradient that is zero analytically and 1e-10 numerically passes.
    @inline(__always)
    public static func error(analytic: Double, numeric: Double) -> Double {
        abs(analytic - numeric) / max(1, abs(analytic), abs(numeric))
    }
}
