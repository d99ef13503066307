import Testing
@testable import Plot

@Suite("Linear ticks")
struct NiceTickLocatorTests {
    @Test("hand-worked ranges", arguments: [
        // (lower, upper, maxTicks, expected values) worked by hand from the 1-2-2.5-5 rule.
        (0.0, 10.0, 5, [0.0, 2, 4, 6, 8, 10]),           // raw step 2 -> 2
        (0.0, 1.0, 4, [0.0, 0.25, 0.5, 0.75, 1.0]),      // raw 0.25 -> 2.5e-1
        (-3.7, 12.2, 6, [0.0, 5, 10]),                   // raw 2.65 -> 5
        (0.0012, 0.0047, 5, [0.002, 0.003, 0.004]),      // raw 7e-4 -> 1e-3
        (95.0, 105.0, 5, [96.0, 98, 100, 102, 104]),     // raw 2 -> 2
        (-1.0, 1.0, 4, [-1.0, -0.5, 0, 0.5, 1.0]),       // raw 0.5 -> 5e-1
    ])
    func values(lower: Double, upper: Double, maxTicks: Int, expected: [Double]) {
        let got = NiceTickLocator.values(lower: lower, upper: upper, maxTicks: maxTicks)
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) { #expect(abs(g - e) <= 1e-12 * max(1, abs(e))) }
    }

    @Test("steps are 1, 2, 2.5 or 5 times a power of ten, and cover the budget")
    func stepsAreNice() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<2000 {
            let a = generator.uniform(-1e6, 1e6), span = pow(10, generator.uniform(-6, 6))
            let n = Int(generator.uniform(2, 11))
            let s = NiceTickLocator.step(lower: a, upper: a + span, maxTicks: n)
            let mantissa = s / pow(10, floor(log10(s)))
            #expect([1.0, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(s)")
            #expect(span / s <= Double(n) * (1 + 1e-9), "too many intervals for \(a)...\(a + span), n=\(n)")
        }
    }

    @Test("labels carry as many decimals as the step needs and no offset")
    func labels() {
        #expect(NiceTickLocator.ticks(lower: 0, upper: 10, maxTicks: 4).map(\.label) == ["0.0", "2.5", "5.0", "7.5", "10.0"])
        #expect(NiceTickLocator.ticks(lower: 0, upper: 100, maxTicks: 4).map(\.label) == ["0", "25", "50", "75", "100"])
        #expect(NiceTickLocator.ticks(lower: 19.55, upper: 19.65, maxTicks: 5).map(\.label) == ["19.56", "19.58", "19.60", "19.62", "19.64"])
        #expect(NiceTickLocator.ticks(lower: -2, upper: 2, maxTicks: 4).map(\.label) == ["\u{2212}2", "\u{2212}1", "0", "1", "2"])
        #expect(NiceTickLocator.ticks(lower: 0, upper: 3e6, maxTicks: 3).map(\.label) == ["0", "$10^{6}$", "$2\u{00D7}10^{6}$", "$3\u{00D7}10^{6}$"])
    }
}

/// A tiny deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * Double(next() >> 11) / Double(1 << 53)
    }
}

import Foundation
