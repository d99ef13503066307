import CairoCanvas
import Foundation
import Testing

/// The PNG writer: what libpng decodes is what was encoded, one stripe or several.
struct PNGWriterTests {
    /// A pattern with no two neighbouring rows alike (every filter and stripe boundary matters).
    static func pattern(width: Int, height: Int, channels: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height * channels)
        var state: UInt32 = 2463534242
        for i in out.indices {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5   // xorshift32
            // Mostly smooth (as plots are), with noise in the low bits.
            out[i] = UInt8(truncatingIfNeeded: (i / channels % width) / 7 + (i / (width * channels)) / 5 + Int(state & 7))
        }
        return out
    }

    @Test("a 4.2 Mpx image, deflated in stripes on several threads, decodes to its pixels")
    func bigImageRoundTrips() throws {
        let (w, h) = (2100, 2000)
        let rgb = Self.pattern(width: w, height: h, channels: 3)
        let png = try PNGFile.encode(rgb: rgb, width: w, height: h, dpi: 144, metadata: DocumentMetadata(title: "t", command: nil, software: "test"))
        let decoded = try PNGFile.decodeRGB(png)
        #expect(decoded.width == w && decoded.height == h)
        #expect(decoded.pixels == rgb)
        let chunks = try PNGChunks(png)
        #expect(chunks.chunkTypes.first == "IHDR" && chunks.chunkTypes.last == "IEND")
        #expect(chunks.chunkTypes.filter { $0 == "IDAT" }.count >= 2)   // at most 1 MiB each
        #expect(chunks.pixelsPerMeter?.x == 5669 && chunks.pixelsPerMeter?.unit == 1)
    }

    @Test("a small image in one stripe, and RGBA with its colour type, decode to their pixels")
    func smallImagesRoundTrip() throws {
        let rgb = Self.pattern(width: 37, height: 23, channels: 3)
        let meta = DocumentMetadata(title: nil, command: String(repeating: "descent plot run.csv ", count: 80), software: "test")
        let png = try PNGFile.encode(rgb: rgb, width: 37, height: 23, dpi: 72, metadata: meta)
        #expect(try PNGFile.decodeRGB(png).pixels == rgb)
        let chunks = try PNGChunks(png)
        #expect(chunks.texts["Software"] == "test")
        #expect(chunks.texts["Command"] == "(compressed)")   // over 1024 bytes: zTXt
        // Opaque RGBA decodes (composited on white) to its RGB.
        var rgba = [UInt8]()
        for i in 0..<(37 * 23) { rgba += rgb[(3 * i)..<(3 * i + 3)]; rgba.append(255) }
        let clear = try PNGFile.encode(rgba: rgba, width: 37, height: 23, dpi: 72, metadata: meta)
        #expect(try PNGChunks(clear).colorType == 6)
        #expect(try PNGFile.decodeRGB(clear).pixels == rgb)
    }
}
