#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NumPy's legacy global random stream, bit for bit: `np.random.seed(n)` (MT19937 seeded by
/// Knuth's linear recurrence from a 32-bit integer, as `mt19937_seed`), `random_sample`
/// (53 bits from two 32-bit words), `randn` (the legacy polar method, which caches its second
/// value) and `uniform(low, high)` = low + (high - low) random_sample.
public struct NumPyRandom: Sendable {
    private var key = [UInt32](repeating: 0, count: 624)
    private var position = 624
    private var cachedGauss: Double?

    /// The stream after `np.random.seed(seed)`; nil when the seed is outside 0..2^32-1, which NumPy rejects.
    public init?(seed: UInt64) {
        guard seed <= UInt64(UInt32.max) else { return nil }
        var s = UInt32(seed)
        for i in 0..<624 {
            key[i] = s
            s = 1_812_433_253 &* (s ^ (s >> 30)) &+ UInt32(i + 1)
        }
    }

    /// The next 32-bit output of MT19937 (Matsumoto and Nishimura 1998), tempered.
    public mutating func next32() -> UInt32 {
        if position >= 624 { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7FFF_FFFF, matrix: UInt32 = 0x9908_B0DF
        for i in 0..<624 {
            let y = (key[i] & upper) | (key[(i + 1) % 624] & lower)
            key[i] = key[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrix)
        }
        position = 0
    }

    /// `np.random.random_sample()`: ((a >> 5) 2^26 + (b >> 6)) / 2^53.
    public mutating func uniform() -> Double {
        let a = next32() >> 5, b = next32() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) / 9_007_199_254_740_992.0
    }

    /// `np.random.randn()`: the polar method on x1, x2 = 2 u - 1 until 0 < r2 < 1; returns
    /// f x2 and keeps f x1 for the next call, f = sqrt(-2 log(r2) / r2).
    public mutating func normal() -> Double {
        if let g = cachedGauss {
            cachedGauss = nil
            return g
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * uniform() - 1.0
            x2 = 2.0 * uniform() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }
}

extension NumPyRandom: RandomSource {}
