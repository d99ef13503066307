import Foundation
import Testing
@testable import Training

/// NumPy's legacy stream (np.random.seed) bit for bit against NumPy's own first values.
struct NumPyRandomTests {
    static let seeds: [UInt64] = [0, 1, 42, 12345, 4_294_967_295]

    static func stream(_ seed: UInt64) throws -> CourseFixture.Exact.Stream {
        try #require(try CourseFixture.exact().streams.first { $0.seed == seed })
    }

    @Test(arguments: seeds)
    func randomSample(seed: UInt64) throws {
        var rng = try #require(NumPyRandom(seed: seed))
        let expected = try Self.stream(seed).random_sample
        #expect(expected.map { _ in rng.uniform() } == expected)
    }

    @Test(arguments: seeds)
    func randnAcrossTheRefill(seed: UInt64) throws {
        let s = try Self.stream(seed)
        var rng = try #require(NumPyRandom(seed: seed))
        let values = (0..<1400).map { _ in rng.normal() }
        #expect(Array(values[0..<8]) == s.randn_first)
        #expect(Array(values[1390...]) == s.randn_1390)
    }

    @Test(arguments: seeds)
    func uniformAndMixedDraws(seed: UInt64) throws {
        let s = try Self.stream(seed)
        var rng = try #require(NumPyRandom(seed: seed))
        #expect((0..<6).map { _ in rng.uniform(-10, 10) } == s.uniform_m10_10)
        // randn keeps its second value across a random_sample call, as NumPy's legacy gauss.
        var mixed = try #require(NumPyRandom(seed: seed))
        #expect([mixed.normal(), mixed.uniform(), mixed.normal(), mixed.normal()] == s.randn_random_randn_randn)
    }

    @Test func seedOutsideNumPysRangeIsRefused() {
        #expect(NumPyRandom(seed: 4_294_967_296) == nil)
        #expect(NumPyRandom(seed: 4_294_967_295) != nil)
    }
}
