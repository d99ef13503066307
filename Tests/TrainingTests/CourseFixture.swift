import Foundation
import Testing

/// Tests/TrainingTests/Fixtures/course-programs.json: the course programs' numbers, written by
/// scripts/make-course-fixtures.py running the programs with NumPy.
enum CourseFixture {
    static func load() throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: "course-programs", withExtension: "json", subdirectory: "Fixtures"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func section(_ name: String) throws -> [String: Any] {
        try #require(try load()[name] as? [String: Any])
    }

    /// The parts compared bit for bit, read with JSONDecoder (whose number parsing is correctly
    /// rounded; JSONSerialization's can be an ulp off).
    struct Exact: Decodable {
        struct Stream: Decodable {
            var seed: UInt64
            var random_sample: [Double]
            var randn_first: [Double]
            var randn_1390: [Double]
            var uniform_m10_10: [Double]
            var randn_random_randn_randn: [Double]
        }
        struct TwoLayerLab: Decodable {
            var start: [Double]
        }
        var streams: [Stream]
        var two_layer_lab: TwoLayerLab
    }

    static func exact() throws -> Exact {
        let url = try #require(Bundle.module.url(forResource: "course-programs", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Exact.self, from: Data(contentsOf: url))
    }

    /// |a - b| <= tolerance * max(|b|, tiny).
    static func close(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
        abs(a - b) <= tolerance * max(abs(b), 1e-300)
    }
}
