import CZlib

/// Assembles PNG frames of one size into an animated PNG (APNG, as Firefox, Chromium and Safari
/// play it): the first frame's IHDR and metadata chunks, an `acTL` (frame count, loops), then per
/// frame an `fcTL` (size, delay) and its image data, as `IDAT` for the first frame (so viewers
/// without APNG show it) and as `fdAT` for the others.
public enum APNGFile {
    /// One PNG chunk: its four-letter type and data.
    struct Chunk {
        var type: String
        var data: [UInt8]
    }

    /// Builds the APNG from `frames` (packed RGB rows of one width and height); frame k is shown
    /// for `delays[k]` seconds; `loops` 0 plays forever. Each frame after the first is stored as
    /// the rectangle where it differs from the one before (drawn over it), so a path that grows
    /// over a fixed background costs little more than the still figure.
    public static func assemble(frames: [[UInt8]], width: Int, height: Int, delays: [Double], dpi: Double,
                                metadata: DocumentMetadata, loops: Int = 0) throws -> [UInt8] {
        guard !frames.isEmpty, delays.count == frames.count else { throw OutputError("an animation needs one delay per frame") }
        guard frames.allSatisfy({ $0.count == width * height * 3 }) else { throw OutputError("animation frames differ in size") }
        let first = try chunks(PNGFile.encode(rgb: frames[0], width: width, height: height, dpi: dpi, metadata: metadata))
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        write(first[0], to: &out)
        write(Chunk(type: "acTL", data: be32(frames.count) + be32(loops)), to: &out)
        // Metadata (pHYs, text) of the first frame, before the image data.
        for chunk in first where !["IHDR", "IDAT", "IEND"].contains(chunk.type) { write(chunk, to: &out) }
        var sequence = 0
        func control(_ k: Int, _ r: (x: Int, y: Int, width: Int, height: Int)) -> Chunk {
            // Delay in 1/1000 s; dispose none, blend source (the rectangle replaces what was there).
            let delay = UInt16(clamping: Int((delays[k] * 1000).rounded()))
            defer { sequence += 1 }
            return Chunk(type: "fcTL", data: be32(sequence) + be32(r.width) + be32(r.height) + be32(r.x) + be32(r.y)
                         + [UInt8(delay >> 8), UInt8(delay & 0xFF), 0x03, 0xE8, 0, 0])
        }
        write(control(0, (0, 0, width, height)), to: &out)
        for chunk in first where chunk.type == "IDAT" { write(chunk, to: &out) }
        for k in frames.indices.dropFirst() {
            // A frame equal to the one before still needs a rectangle: one pixel.
            let r = changedRectangle(frames[k - 1], frames[k], width: width, height: height) ?? (0, 0, 1, 1)
            var crop = [UInt8](); crop.reserveCapacity(r.width * r.height * 3)
            for y in r.y..<(r.y + r.height) {
                let start = (y * width + r.x) * 3
                crop += frames[k][start..<(start + r.width * 3)]
            }
            let png = try chunks(PNGFile.encode(rgb: crop, width: r.width, height: r.height, dpi: dpi, metadata: DocumentMetadata(title: nil, command: nil, software: "")))
            write(control(k, r), to: &out)
            for chunk in png where chunk.type == "IDAT" {
                write(Chunk(type: "fdAT", data: be32(sequence) + chunk.data), to: &out)
                sequence += 1
            }
        }
        write(Chunk(type: "IEND", data: []), to: &out)
        return out
    }

    /// The smallest rectangle outside which `a` and `b` are equal; nil when they are equal.
    static func changedRectangle(_ a: [UInt8], _ b: [UInt8], width: Int, height: Int) -> (x: Int, y: Int, width: Int, height: Int)? {
        var minX = width, minY = height, maxX = -1, maxY = -1
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                for y in 0..<height {
                    let row = y * width * 3
                    var x = 0
                    while x < width, pa[row + 3 * x] == pb[row + 3 * x], pa[row + 3 * x + 1] == pb[row + 3 * x + 1], pa[row + 3 * x + 2] == pb[row + 3 * x + 2] { x += 1 }
                    guard x < width else { continue }
                    var last = width - 1
                    while last > x, pa[row + 3 * last] == pb[row + 3 * last], pa[row + 3 * last + 1] == pb[row + 3 * last + 1], pa[row + 3 * last + 2] == pb[row + 3 * last + 2] { last -= 1 }
                    minX = min(minX, x); maxX = max(maxX, last); minY = min(minY, y); maxY = y
                }
            }
        }
        guard maxX >= 0 else { return nil }
        return (minX, minY, maxX - minX + 1, maxY - minY + 1)
    }

    /// The chunks of a PNG, with their CRCs checked.
    static func chunks(_ png: [UInt8]) throws -> [Chunk] {
        guard png.count >= 8, png[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw OutputError("an animation frame is not a PNG")
        }
        var out: [Chunk] = []
        var i = 8
        while i + 12 <= png.count {
            let length = Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3])
            guard i + 12 + length <= png.count else { throw OutputError("an animation frame's PNG chunk runs past its end") }
            let type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
            out.append(Chunk(type: type, data: Array(png[(i + 8)..<(i + 8 + length)])))
            i += 12 + length
            if type == "IEND" { break }
        }
        guard out.first?.type == "IHDR", out.contains(where: { $0.type == "IDAT" }) else { throw OutputError("an animation frame's PNG has no image data") }
        return out
    }

    static func write(_ chunk: Chunk, to out: inout [UInt8]) {
        out += be32(chunk.data.count)
        let typeAndData = Array(chunk.type.utf8) + chunk.data
        out += typeAndData
        let crc = typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        out += be32(Int(crc))
    }

    static func be32(_ v: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }
}
