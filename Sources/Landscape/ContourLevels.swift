#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Contour levels between the smallest and largest value of a surface.
public enum ContourLevels {
    /// `count` levels evenly spaced strictly inside (low, high): low + k (high - low) / (count + 1).
    public static func linear(low: Double, high: Double, count: Int) -> [Double] {
        guard count > 0, low < high else { return [] }
        return (1...count).map { low + Double($0) * (high - low) / Double(count + 1) }
    }

    /// `count` levels with equal ratios strictly inside (low, high); needs 0 < low < high.
    public static func logarithmic(low: Double, high: Double, count: Int) -> [Double] {
        guard count > 0, low > 0, low < high else { return [] }
        let a = log(low), b = log(high)
        return (1...count).map { exp(a + Double($0) * (b - a) / Double(count + 1)) }
    }

    /// Whether a surface spans several decades (its positive values reach over 3 orders of magnitude).
    public static func spansDecades(smallestPositive: Double?, max: Double) -> Bool {
        guard let lo = smallestPositive, max > 0 else { return false }
        return max / lo >= 1e3
    }
}
