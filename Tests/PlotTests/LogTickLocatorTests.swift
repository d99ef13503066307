import Testing
@testable import Plot

@Suite("Log ticks")
struct LogTickLocatorTests {
    func labelled(_ ticks: [Tick]) -> [Tick] { ticks.filter { !$0.label.isEmpty } }

    @Test("several decades: one labelled tick per decade, minor ticks at 2…9")
    func decades() {
        let ticks = LogTickLocator.ticks(lower: 1e-3, upper: 1e2, maxTicks: 8)
        #expect(labelled(ticks).map(\.value).map { log10($0).rounded() } == [-3, -2, -1, 0, 1, 2])
        #expect(labelled(ticks).map(\.label) == ["0.001", "0.01", "0.1", "1", "10", "100"])
        // 5 full decades have 8 minor ticks each.
        #expect(ticks.filter { !$0.isMajor }.count == 5 * 8)
    }

    @Test("far-off decades are written as powers of ten")
    func powers() {
        let ticks = LogTickLocator.ticks(lower: 1e-8, upper: 1e-5, maxTicks: 8)
        #expect(labelled(ticks).map(\.label) == ["$10^{-8}$", "$10^{-7}$", "$10^{-6}$", "$10^{-5}$"])
    }

    @Test("too many decades for the budget: every k-th decade labelled")
    func thinned() {
        let ticks = LogTickLocator.ticks(lower: 1e-20, upper: 1e20, maxTicks: 5)
        let exps = labelled(ticks).map { Int(log10($0.value).rounded()) }
        #expect(exps.count <= 5 && exps.count >= 3)
        #expect(Set(zip(exps, exps.dropFirst()).map { $1 - $0 }).count == 1)
    }

    @Test("less than one decade still shows at least three labelled ticks", arguments: [
        (0.3, 2.0), (0.05, 0.4), (20.0, 30.0), (1.96e1, 2.04e1), (0.11, 0.19), (3.0, 9.0),
    ])
    func subDecade(lower: Double, upper: Double) {
        let ticks = LogTickLocator.ticks(lower: lower, upper: upper, maxTicks: 6)
        let l = labelled(ticks)
        #expect(l.count >= 3, "\(lower)...\(upper): \(l.map(\.label))")
        #expect(l.allSatisfy { $0.value >= lower * (1 - 1e-9) && $0.value <= upper * (1 + 1e-9) })
        #expect(l.allSatisfy { !$0.label.contains("e") && !$0.label.contains("+") }, "no offset or e-notation")
    }

    @Test("1-2-5 ticks when there are too few decades")
    func oneTwoFive() {
        let l = labelled(LogTickLocator.ticks(lower: 0.05, upper: 2.6, maxTicks: 8))
        #expect(l.map(\.label) == ["0.05", "0.1", "0.2", "0.5", "1", "2"])
    }
}

import Foundation

@Suite("Tick locators at the edges of Double")
struct ExtremeTickTests {
    @Test("ranges reaching the largest finite Double or the smallest normal one", arguments: [
        (0.04, Double.greatestFiniteMagnitude), (Double.leastNormalMagnitude, 1.0), (1e300, 1.7e308),
    ])
    func extremes(lower: Double, upper: Double) {
        let ticks = LogTickLocator.ticks(lower: lower, upper: upper, maxTicks: 8)
        #expect(ticks.allSatisfy { $0.value.isFinite && $0.value > 0 })
        #expect(ticks.filter { !$0.label.isEmpty }.count >= 3)
        let linear = NiceTickLocator.ticks(lower: -upper, upper: upper, maxTicks: 8)
        #expect(linear.allSatisfy { $0.value.isFinite })
    }
}

@Suite("Log ticks on short axes")
struct ShortLogAxisTests {
    @Test("one and a half decades with room for four labels: 1-3 multiples, not linear ticks")
    func oneThree() {
        let ticks = LogTickLocator.ticks(lower: 0.0095, upper: 0.33, maxTicks: 4).filter { !$0.label.isEmpty }
        #expect(ticks.map(\.label) == ["0.01", "0.03", "0.1", "0.3"])
    }

    @Test("two decades with room for two labels: the decades")
    func decadesOnly() {
        let ticks = LogTickLocator.ticks(lower: 0.0095, upper: 0.33, maxTicks: 2).filter { !$0.label.isEmpty }
        #expect(ticks.map(\.label) == ["0.01", "0.1"])
    }
}
