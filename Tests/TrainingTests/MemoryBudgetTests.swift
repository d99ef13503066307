import Testing
@testable import Training

/// The memory estimates, against counts worked by hand.
@Suite("Memory budget")
struct MemoryBudgetTests {
    @Test("parameters of 2-3-3: 2*3 + 3 + 3*3 + 3 = 21; of 2-1e8-3: 2e8 + 1e8 + 3e8 + 3")
    func parameterCounts() {
        #expect(MemoryBudget.parameterCount(layers: [2, 3, 3]) == 21)
        #expect(MemoryBudget.parameterCount(layers: [2, 100_000_000, 3]) == 600_000_003)
        #expect(MemoryBudget.parameterCount(layers: [2, Int.max / 2, 3]) == nil)
    }

    @Test("network bytes: 8 copies of the parameters + 4 of the activations per row")
    func networkBytes() {
        // 21 parameters * 8 B * 8 + (2 + 3 + 3) units * 10 rows * 8 B * 4 = 1344 + 2560.
        #expect(MemoryBudget.network(layers: [2, 3, 3], rows: 10) == 3904)
        #expect(MemoryBudget.network(layers: [2, Int.max / 2, 3], rows: 10) == Int.max)
    }

    @Test("sizes read as landscape's: GiB with one decimal, TiB past 1024 GiB")
    func descriptions() {
        #expect(MemoryBudget.describe(4 << 30) == "4.0 GiB")
        #expect(MemoryBudget.describe(200_000_000_000) == "186.3 GiB")
        #expect(MemoryBudget.describe(3 << 40) == "3.0 TiB")
        #expect(MemoryBudget.describe(5 << 20) == "5 MiB")
        #expect(MemoryBudget.describe(Int.max) == "more memory than can be addressed")
    }
}
