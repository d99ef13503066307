import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads MNIST's IDX files (LeCun et al.): `train-images-idx3-ubyte` and `train-labels-idx1-ubyte`
/// in a directory, gzipped (`.gz`) or not, and the `t10k-` test pair when present. Pixels are
/// scaled to [0, 1] (x / 255), one row of rows x cols features per image; labels are classes
/// 0..<C (one-hot for a model with C outputs).
public enum IDXData {
    /// A problem with a file, naming it.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// One IDX file: its dimensions and its unsigned bytes.
    public struct Array3 {
        public var dimensions: [Int]
        public var bytes: [UInt8]
    }

    /// The training set and the test set when the t10k- files are there.
    public static func load(directory: String) throws -> (train: Dataset, test: Dataset?) {
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        func find(_ base: String) -> String? {
            for path in ["\(dir)/\(base)", "\(dir)/\(base).gz"] where fileExists(path) { return path }
            return nil
        }
        guard let trainImages = find("train-images-idx3-ubyte") else {
            throw Failure(description: "\(dir): no train-images-idx3-ubyte (or .gz): expected MNIST's IDX files in this directory")
        }
        guard let trainLabels = find("train-labels-idx1-ubyte") else {
            throw Failure(description: "\(dir): no train-labels-idx1-ubyte (or .gz) beside \(trainImages)")
        }
        let testImages = find("t10k-images-idx3-ubyte"), testLabels = find("t10k-labels-idx1-ubyte")
        if (testImages == nil) != (testLabels == nil) {
            throw Failure(description: "\(testImages ?? testLabels!): the test set needs both t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte")
        }
        var pairs = [(trainImages, trainLabels, "train")]
        if let ti = testImages, let tl = testLabels { pairs.append((ti, tl, "test")) }
        let loaded = try pairs.map { try (read(images: $0.0), read(labels: $0.1), $0.0, $0.1, $0.2) }
        let width = loaded[0].0.dimensions[1] * loaded[0].0.dimensions[2]
        for (images, labels, ip, lp, _) in loaded {
            guard images.dimensions[1] * images.dimensions[2] == width else {
                throw Failure(description: "\(ip): images of \(images.dimensions[1]) x \(images.dimensions[2]) pixels, expected \(loaded[0].0.dimensions[1]) x \(loaded[0].0.dimensions[2]) as in \(trainImages)")
            }
            guard images.dimensions[0] == labels.dimensions[0] else {
                throw Failure(description: "\(lp): \(labels.dimensions[0]) labels, expected \(images.dimensions[0]), one for each image in \(ip)")
            }
        }
        let classes = Int(loaded.map { $0.1.bytes.max() ?? 0 }.max() ?? 0) + 1
        let features = (0..<width).map { "pixel\($0)" }
        let sets = loaded.map { images, labels, _, _, part in
            Dataset(name: part == "train" ? dir : "\(dir) (test)", featureNames: features, targetNames: ["label"],
                    inputs: images.bytes.map { Double($0) / 255 }, targets: labels.bytes.map(Double.init), classCount: classes)
        }
        return (sets[0], sets.count > 1 ? sets[1] : nil)
    }

    /// An idx3-ubyte image file: magic 0x00000803, count, rows, cols (big-endian), then the pixels.
    public static func read(images path: String) throws -> Array3 {
        try read(path, dimensions: 3, what: "images (idx3-ubyte)")
    }

    /// An idx1-ubyte label file: magic 0x00000801, count, then the labels.
    public static func read(labels path: String) throws -> Array3 {
        try read(path, dimensions: 1, what: "labels (idx1-ubyte)")
    }

    static func read(_ path: String, dimensions: Int, what: String) throws -> Array3 {
        let bytes = try contents(path)
        let magic: [UInt8] = [0, 0, 0x08, UInt8(dimensions)]
        guard bytes.count >= 4, Array(bytes[0..<4]) == magic else {
            let found = bytes.prefix(4).map { String(format2: $0) }.joined(separator: " ")
            throw Failure(description: "\(path): magic number \(found.isEmpty ? "missing" : found), expected 00 00 08 0\(dimensions) (IDX \(what))")
        }
        let headerSize = 4 + 4 * dimensions
        guard bytes.count >= headerSize else {
            throw Failure(description: "\(path): truncated header: \(bytes.count) bytes, expected \(headerSize) (magic and \(dimensions) dimension(s))")
        }
        let dims = (0..<dimensions).map { d in
            (0..<4).reduce(0) { $0 << 8 | Int(bytes[4 + 4 * d + $1]) }
        }
        let size = dims.reduce(1, *)
        guard bytes.count - headerSize == size else {
            let shape = dims.map(String.init).joined(separator: " x ")
            let kind = bytes.count - headerSize < size ? "truncated data" : "extra data"
            throw Failure(description: "\(path): \(kind): \(bytes.count - headerSize) bytes after the header, expected \(size) (\(shape))")
        }
        return Array3(dimensions: dims, bytes: Array(bytes[headerSize...]))
    }

    /// The file's bytes, gunzipped when it is gzip (zlib reads plain files as they are).
    static func contents(_ path: String) throws -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw Failure(description: "\(path): cannot open the file")
        }
        defer { gzclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 {
                throw Failure(description: "\(path): cannot read the file (a damaged gzip stream?)")
            }
            if n == 0 { break }
            out += chunk[0..<Int(n)]
        }
        var code: Int32 = 0
        _ = gzerror(file, &code)
        if code != Z_OK && code != Z_STREAM_END {
            throw Failure(description: "\(path): the gzip stream ends early or is damaged (zlib error \(code))")
        }
        return out
    }

    static func fileExists(_ path: String) -> Bool {
        guard let f = fopen(path, "rb") else { return false }
        fclose(f)
        return true
    }
}

private extension String {
    init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
