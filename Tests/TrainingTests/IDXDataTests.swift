import CZlib
import Foundation
import Testing
@testable import Training

/// The IDX reader on files the tests write: plain and gzipped, with and without the t10k- pair, and broken ones.
struct IDXDataTests {
    /// A fresh directory under the temporary folder.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func header(_ dims: [Int], type: UInt8 = 0x08) -> [UInt8] {
        [0, 0, type, UInt8(dims.count)] + dims.flatMap { d in (0..<4).map { UInt8((d >> (8 * (3 - $0))) & 0xFF) } }
    }

    static func write(_ bytes: [UInt8], to url: URL, gzip: Bool = false) throws {
        if gzip {
            let f = try #require(gzopen(url.path, "wb"))
            _ = bytes.withUnsafeBytes { gzwrite(f, $0.baseAddress, UInt32($0.count)) }
            gzclose(f)
        } else {
            try Data(bytes).write(to: url)
        }
    }

    /// Three 2 x 2 images (pixels 0, 51, 255, ...) with labels 0, 2, 1.
    static let pixels: [UInt8] = [0, 51, 102, 255, 255, 0, 0, 0, 10, 20, 30, 40]
    static let labels: [UInt8] = [0, 2, 1]

    @Test(arguments: [false, true])
    func readsTrainingAndTestSets(gzip: Bool) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ext = gzip ? ".gz" : ""
        try Self.write(Self.header([3, 2, 2]) + Self.pixels, to: dir.appendingPathComponent("train-images-idx3-ubyte" + ext), gzip: gzip)
        try Self.write(Self.header([3]) + Self.labels, to: dir.appendingPathComponent("train-labels-idx1-ubyte" + ext), gzip: gzip)
        try Self.write(Self.header([1, 2, 2]) + [255, 255, 0, 51], to: dir.appendingPathComponent("t10k-images-idx3-ubyte" + ext), gzip: gzip)
        try Self.write(Self.header([1]) + [1], to: dir.appendingPathComponent("t10k-labels-idx1-ubyte" + ext), gzip: gzip)
        let (train, test) = try IDXData.load(directory: dir.path)
        #expect(train.count == 3 && train.featureCount == 4 && train.classCount == 3)
        #expect(train.inputs == Self.pixels.map { Double($0) / 255 })
        #expect(train.inputs[1] == 0.2 && train.inputs[3] == 1)
        #expect(train.targets == [0, 2, 1])
        // One-hot for a model with 3 outputs.
        #expect(train.targets(forOutputs: 3) == [1, 0, 0, 0, 0, 1, 0, 1, 0])
        let t = try #require(test)
        #expect(t.count == 1 && t.inputs == [1, 1, 0, 0.2] && t.targets == [1] && t.classCount == 3)
    }

    @Test func withoutTestFilesThereIsNoTestSet() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(Self.header([3, 2, 2]) + Self.pixels, to: dir.appendingPathComponent("train-images-idx3-ubyte"))
        try Self.write(Self.header([3]) + Self.labels, to: dir.appendingPathComponent("train-labels-idx1-ubyte.gz"), gzip: true)
        let (train, test) = try IDXData.load(directory: dir.path)
        #expect(train.count == 3 && test == nil)
    }

    static func failure(images: [UInt8], labels: [UInt8]) throws -> String {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(images, to: dir.appendingPathComponent("train-images-idx3-ubyte"))
        try Self.write(labels, to: dir.appendingPathComponent("train-labels-idx1-ubyte"))
        do {
            _ = try IDXData.load(directory: dir.path)
            return "no error"
        } catch let e as IDXData.Failure {
            return e.description.replacingOccurrences(of: dir.path, with: "DIR")
        }
    }

    @Test func wrongMagicNumber() throws {
        let m = try Self.failure(images: Self.header([3, 2, 2], type: 0x09) + Self.pixels, labels: Self.header([3]) + Self.labels)
        #expect(m == "DIR/train-images-idx3-ubyte: magic number 00 00 09 03, expected 00 00 08 03 (IDX images (idx3-ubyte))")
        let swapped = try Self.failure(images: Self.header([3]) + Self.labels, labels: Self.header([3]) + Self.labels)
        #expect(swapped.hasPrefix("DIR/train-images-idx3-ubyte: magic number 00 00 08 01, expected 00 00 08 03"))
    }

    @Test func truncatedData() throws {
        let m = try Self.failure(images: Self.header([3, 2, 2]) + Self.pixels.dropLast(2), labels: Self.header([3]) + Self.labels)
        #expect(m == "DIR/train-images-idx3-ubyte: truncated data: 10 bytes after the header, expected 12 (3 x 2 x 2)")
        let header = try Self.failure(images: Array(Self.header([3, 2, 2]).prefix(9)), labels: Self.header([3]) + Self.labels)
        #expect(header.hasPrefix("DIR/train-images-idx3-ubyte: truncated header: 9 bytes, expected 16"))
    }

    @Test func imageAndLabelCountsDiffer() throws {
        let m = try Self.failure(images: Self.header([3, 2, 2]) + Self.pixels, labels: Self.header([2]) + [0, 1])
        #expect(m == "DIR/train-labels-idx1-ubyte: 2 labels, expected 3, one for each image in DIR/train-images-idx3-ubyte")
    }

    @Test func missingDirectory() throws {
        #expect(throws: IDXData.Failure.self) { try IDXData.load(directory: "/nonexistent/mnist") }
    }

    @Test("--standardize: the course's normalize_fit, population std, tiny std clamped to 1e-6")
    func standardization() {
        let data = Dataset(name: "t", featureNames: ["a", "b"], targetNames: ["y"], inputs: [1, 5, 3, 5, 5, 5], targets: [0, 1, 0])
        let z = Standardization(fit: data)
        #expect(z.mean == [3, 5])
        #expect(z.std[0] == (8.0 / 3).squareRoot() && z.std[1] == 1e-6)
        let s = z.apply(data)
        #expect(s.inputs[0] == -2 / (8.0 / 3).squareRoot() && s.inputs[1] == 0 && s.inputs[4] == 2 / (8.0 / 3).squareRoot())
    }
}
