import Testing
@testable import Plot

/// Ticks on data with a large offset and a small spread are distinct and readable, relative
/// to an offset that the axis label names.
@Suite("Tick offsets")
struct TickOffsetTests {
    /// The number a label shows (typographic minus and math markup undone).
    func number(_ label: String) -> Double? {
        Double(label.replacingOccurrences(of: "\u{2212}", with: "-"))
    }

    @Test("1,000,000.125 … 1,000,000.5: labels distinct, label + 1,000,000 = tick, axis label names the offset",
          arguments: [(1_000_000.125, 1_000_000.5, 1_000_000.0, "loss \u{2212} 1,000,000"),
                      (1e9 + 10, 1e9 + 50, 1e9, "loss \u{2212} 1,000,000,000"),
                      (-1_000_000.5, -1_000_000.125, -1_000_001.0, "loss + 1,000,001")])
    func offsetLabels(lower: Double, upper: Double, offset: Double, axisLabel: String) throws {
        var ticks = NiceTickLocator.ticks(lower: lower, upper: upper, maxTicks: 6)
        #expect(ticks.count >= 3)
        let label = TickOffset.apply(&ticks, scale: .linear, label: "loss")
        #expect(label == axisLabel)
        let labels = ticks.map(\.label)
        #expect(Set(labels).count == labels.count, "distinct: \(labels)")
        for t in ticks {
            let shown = try #require(number(t.label), "plain number: \(t.label)")
            #expect(abs(shown + offset - t.value) < 1e-6 * max(1, abs(t.value)), "\(t.label) + \(offset) vs \(t.value)")
            #expect(t.label.count <= 6, "short: \(t.label)")
        }
    }

    @Test("ordinary ranges keep their labels and their axis label", arguments: [(0.0, 2.5), (0.0, 10_000.0), (1e6, 5e6), (0.001, 0.004)])
    func noOffset(lower: Double, upper: Double) {
        var ticks = NiceTickLocator.ticks(lower: lower, upper: upper, maxTicks: 6)
        let before = ticks
        #expect(TickOffset.apply(&ticks, scale: .linear, label: "loss") == "loss")
        #expect(ticks == before)
    }
}
