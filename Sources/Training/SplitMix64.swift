#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The seeded generator behind every random number in training: SplitMix64 (Steele, Lea and
/// Flood 2014) for 64-bit words, 53-bit uniforms in [0, 1), and Box-Muller normals.
///
/// Only integer arithmetic, one IEEE division-free scaling, `log`, `sqrt`, `cos` and `sin` are
/// used, so a seed gives the same numbers on every machine with a correctly rounded libm
/// (glibc, macOS).
public struct SplitMix64: Sendable {
    public private(set) var state: UInt64
    private var spareNormal: Double?

    public init(seed: UInt64) { state = seed }

    /// The next 64-bit word: state += 0x9E3779B97F4A7C15, then the SplitMix64 finaliser.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number in [0, 1): the top 53 bits of `next()` times 2^-53.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform number in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A standard normal number by Box-Muller: u1 = 1 - uniform() in (0, 1], u2 = uniform(),
    /// r = sqrt(-2 log u1); returns r cos(2 pi u2), then r sin(2 pi u2) on the next call.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let u1 = 1 - uniform()
        let u2 = uniform()
        let r = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = r * sin(angle)
        return r * cos(angle)
    }

    /// A uniform integer in 0..<bound (multiply-shift on 64 bits; bound must be positive).
    public mutating func integer(below bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Fisher-Yates shuffle of `values` in place, from the last element down.
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = integer(below: i + 1)
            values.swapAt(i, j)
        }
    }

    /// An independent stream for one purpose (weights, data, shuffling), derived from `seed`.
    public static func stream(seed: UInt64, purpose: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (purpose &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mixer.next())
    }
}

/// Stream numbers passed to `SplitMix64.stream(seed:purpose:)`.
public enum RandomPurpose {
    public static let weights: UInt64 = 1
    public static let data: UInt64 = 2
    public static let shuffle: UInt64 = 3
    public static let split: UInt64 = 4
}
