import CZlib
import Foundation
import Testing

/// `animate:` in a spec: the APNG's chunks read back by the PNG specification's rules (CRCs,
/// frame count, consecutive sequence numbers, each frame's rectangle inside the image and its
/// data inflating to exactly its rows), and the frames written with --frames.
@Suite("Animations")
struct AnimationTests {
    struct Chunk { var type: String; var data: [UInt8] }

    func chunks(_ bytes: [UInt8]) -> [Chunk] {
        var out: [Chunk] = []
        var i = 8
        while i + 12 <= bytes.count {
            let n = Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            let body = Array(bytes[(i + 4)..<(i + 8 + n)])
            let crc = UInt32(bytes[i + 8 + n]) << 24 | UInt32(bytes[i + 9 + n]) << 16 | UInt32(bytes[i + 10 + n]) << 8 | UInt32(bytes[i + 11 + n])
            #expect(UInt32(body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }) == crc)
            out.append(Chunk(type: String(decoding: body[0..<4], as: UTF8.self), data: Array(body[4...])))
            i += 12 + n
        }
        return out
    }

    func be32(_ d: [UInt8], _ at: Int) -> Int { Int(d[at]) << 24 | Int(d[at + 1]) << 16 | Int(d[at + 2]) << 8 | Int(d[at + 3]) }

    func inflatedCount(_ data: [UInt8]) -> Int {
        var stream = z_stream()
        inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { inflateEnd(&stream) }
        var input = data, total = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeMutableBufferPointer { inp in
            stream.next_in = inp.baseAddress; stream.avail_in = uInt(inp.count)
            while true {
                let status = buffer.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress; stream.avail_out = uInt(out.count)
                    let s = inflate(&stream, Z_NO_FLUSH)
                    total += out.count - Int(stream.avail_out)
                    return s
                }
                if status != Z_OK { return status == Z_STREAM_END ? total : -1 }
            }
        }
    }

    @Test("gd-steps with animate: one frame per step, a valid APNG whose frames cover what changed, frames on disk")
    func animatedGradientDescent() throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = """
        id: anim
        size: 800x500
        animate: {steps: 4, fps: 5, hold: 1, width: 400}
        panels:
          - kind: gd-steps
            function: w^2
            start: 2
            lr: [0.3]
            steps: 4
            range: [-2.5, 2.5]
        """
        let (result, _) = try FigureSetTests().figures(["anim": spec], extra: ["--frames", dir.path("frames")], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: dir.path("out/anim.apng")))
        let all = chunks(Array(bytes))
        #expect(all.first?.type == "IHDR" && all.last?.type == "IEND")
        let width = be32(all[0].data, 0), height = be32(all[0].data, 4)
        #expect(width == 400)
        let control = try #require(all.first { $0.type == "acTL" })
        #expect(be32(control.data, 0) == 5)   // steps 0, 1, 2, 3, 4
        // Sequence numbers run 0, 1, 2, ... over fcTL and fdAT chunks, in file order.
        let sequenced = all.filter { $0.type == "fcTL" || $0.type == "fdAT" }
        #expect(sequenced.enumerated().allSatisfy { be32($0.element.data, 0) == $0.offset })
        // Each frame's rectangle lies in the image, and its data inflates to its filtered rows.
        var k = 0
        while k < all.count {
            guard all[k].type == "fcTL" else { k += 1; continue }
            let d = all[k].data
            let (w, h, x, y) = (be32(d, 4), be32(d, 8), be32(d, 12), be32(d, 16))
            #expect(x + w <= width && y + h <= height && w > 0 && h > 0)
            var data: [UInt8] = []
            k += 1
            while k < all.count, all[k].type == "IDAT" || all[k].type == "fdAT" {
                data += all[k].type == "IDAT" ? all[k].data : Array(all[k].data[4...]); k += 1
            }
            #expect(inflatedCount(data) == h * (1 + 3 * w))
        }
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.path("frames/anim")).sorted()
        #expect(frames == ["frame-000.png", "frame-001.png", "frame-002.png", "frame-003.png", "frame-004.png"])
        let gallery = try String(contentsOfFile: dir.path("out/index.html"), encoding: .utf8)
        #expect(gallery.contains("<img src=\"anim.apng\""))
    }

    @Test("animate: bad settings name the key and line", arguments: [
        ("animate: {every: 2}", "anim.yaml:2:10: 'animate': missing 'steps'"),
        ("animate: {steps: 4, fps: 0}", "'fps': expected 0 to 60 frames a second"),
        ("animate: {steps: 4, frames: 3}", "unknown key 'frames' in 'animate'"),
    ])
    func badAnimation(line: String, message: String) throws {
        let dir = try TemporaryDirectory(); defer { dir.cleanup() }
        let spec = "id: anim\n\(line)\npanels:\n  - kind: gd-steps\n    function: w^2\n    start: 2\n    lr: [0.3]\n"
        let (result, _) = try FigureSetTests().figures(["anim": spec], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
