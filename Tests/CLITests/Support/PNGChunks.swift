import Foundation

/// Reads a PNG's chunk list directly from its bytes (independently of libpng), for
/// checking what the file carries: IHDR size, pHYs density and tEXt/zTXt keywords.
struct PNGChunks {
    var width = 0, height = 0
    /// IHDR colour type: 2 RGB, 6 RGB with alpha.
    var colorType: UInt8 = 0
    var pixelsPerMeter: (x: UInt32, y: UInt32, unit: UInt8)?
    var texts: [String: String] = [:]
    var chunkTypes: [String] = []

    init(_ bytes: [UInt8]) throws {
        let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else { throw CocoaError(.fileReadCorruptFile) }
        func u32(_ i: Int) -> UInt32 { bytes[i..<i + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        var i = 8
        while i + 8 <= bytes.count {
            let length = Int(u32(i))
            let type = String(decoding: bytes[i + 4..<i + 8], as: UTF8.self)
            let data = Array(bytes[i + 8..<i + 8 + length])
            chunkTypes.append(type)
            switch type {
            case "IHDR":
                width = Int(u32(i + 8)); height = Int(u32(i + 12)); colorType = data[9]
            case "pHYs":
                pixelsPerMeter = (u32(i + 8), u32(i + 12), data[8])
            case "tEXt":
                if let nul = data.firstIndex(of: 0) {
                    texts[String(decoding: data[..<nul], as: UTF8.self)] = String(decoding: data[(nul + 1)...], as: UTF8.self)
                }
            case "zTXt":
                if let nul = data.firstIndex(of: 0) { texts[String(decoding: data[..<nul], as: UTF8.self)] = "(compressed)" }
            default: break
            }
            i += 12 + length
        }
    }
}
