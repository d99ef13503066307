import Foundation

/// What the figure set keeps of one rendered figure: in `figures.json` for scripts and tests,
/// and in the manifest with the content hash that lets an unchanged figure be skipped.
struct FigureRecord: Codable, Sendable {
    /// One `expect` entry and how it came out.
    struct Expectation: Codable, Sendable {
        var key: String
        var expected: [Double]
        var computed: [Double]?
        var passed: Bool
    }

    var id: String
    var title: String?
    var source: String?
    var spec: String
    var files: [String]
    /// Every value the figure's panels computed, by name.
    var values: [String: [Double]]
    var expectations: [Expectation]
    /// The files the figure read (run logs), for the hash.
    var inputs: [String]
    /// Hash of the spec, its inputs and the binary; nil in figures.json.
    var hash: String?
    /// How long the figure took to render last time (the slowest start first next time).
    var seconds: Double?

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return d
    }
}

/// The 64-bit FNV-1a hash of byte strings, as hex (content hashes for the skip-unchanged manifest).
struct ContentHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for b in bytes { state = (state ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    }

    mutating func add(_ text: String) { add(Array(text.utf8)); add([0]) }

    /// A file's bytes, or a marker when it cannot be read (so a vanished input changes the hash).
    mutating func add(file path: String) {
        add(path)
        if let data = FileManager.default.contents(atPath: path) {
            data.withUnsafeBytes { add($0) }
        } else {
            add("<missing>")
        }
    }

    var hex: String { String(state, radix: 16) }

    /// The running binary's identity: its version, and its size and modification time (as make
    /// judges a rebuilt tool; hashing the whole static binary would cost more than the check saves).
    static let binary: String = {
        var h = ContentHash()
        h.add(DescentCommand.version)
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        h.add(exe)
        if let a = try? FileManager.default.attributesOfItem(atPath: exe) {
            h.add("\((a[.size] as? NSNumber)?.int64Value ?? -1)")
            h.add("\(((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1).bitPattern)")
        }
        return h.hex
    }()
}
