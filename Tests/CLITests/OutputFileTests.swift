import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What written files carry: PNG size, DPI and text chunks; SVG and PDF structure.
@Suite("Output files")
struct OutputFileTests {
    @Test("PNG: pixel size from --size, pHYs from --dpi, Software/Title/Command text chunks")
    func pngMetadata() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("loss.png")
        let r = try DescentProcess.run(["plot", Repository.example("two-layer-lab.txt"), "-o", out,
                                        "--size", "800x500", "--dpi", "200", "--title", "Lab $\\eta$"])
        #expect(r.status == 0, "\(r.stderr)")
        let png = try PNGChunks([UInt8](Data(contentsOf: URL(fileURLWithPath: out))))
        #expect(png.width == 800 && png.height == 500)
        // 200 dpi = 200 / 0.0254 pixels per metre, rounded.
        #expect(png.pixelsPerMeter?.x == 7874 && png.pixelsPerMeter?.y == 7874 && png.pixelsPerMeter?.unit == 1)
        #expect(png.texts["Software"]?.hasPrefix("descent ") == true)
        #expect(png.texts["Title"] == "Lab η")
        let command = try #require(png.texts["Command"])
        #expect(command.hasPrefix("descent plot "))
        #expect(command.contains("--dpi 200"))
        #expect(command.contains("'Lab $\\eta$'"))
    }

    @Test("SVG: valid XML, page in points (pixels × 72 / dpi), paths and glyphs drawn")
    func svgStructure() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("loss.svg")
        let r = try DescentProcess.run(["plot", Repository.example("two-layer-lab.txt"), "-o", out, "--size", "800x500", "--dpi", "144"])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let doc = try XMLDocument(data: data)
        let root = try #require(doc.rootElement())
        #expect(root.name == "svg")
        let attributes = Dictionary(uniqueKeysWithValues: (root.attributes ?? []).map { ($0.localName ?? $0.name ?? "", $0.stringValue ?? "") })
        #expect(attributes["width"] == "400pt")
        #expect(attributes["height"] == "250pt")
        #expect(attributes["viewBox"] == "0 0 400 250")
        let paths = try doc.nodes(forXPath: "//*[local-name()='path']")
        #expect(paths.count > 20, "axes, ticks, grid, curve and glyph outlines")
        let glyphUses = try doc.nodes(forXPath: "//*[local-name()='use']")
        #expect(glyphUses.count > 20, "tick labels and axis labels are drawn as glyphs")
    }

    @Test("PDF: one page of the right size, title and creator metadata, embedded DejaVu font")
    func pdfStructure() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("loss.pdf")
        let r = try DescentProcess.run(["plot", Repository.example("two-layer-lab.txt"), "-o", out, "--size", "800x500",
                                        "--title", "Two-layer lab"])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("%%EOF"))
        #expect(text.components(separatedBy: "/Type /Page\n").count - 1 == 1 || text.components(separatedBy: "/Type /Page ").count - 1 >= 1)
        #expect(text.contains("/MediaBox [ 0 0 400 250 ]"))
        #expect(text.contains("/Title (Two-layer lab)"))
        #expect(text.contains("/Creator (descent "))
        #expect(text.contains("DejaVuSans"))
    }

    @Test("the format follows --format over the extension")
    func formatFlag() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let out = dir.path("figure.out")
        let r = try DescentProcess.run(["plot", Repository.example("two-layer-lab.txt"), "-o", out, "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        let head = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)).prefix(200), as: UTF8.self)
        #expect(head.contains("<svg"))
    }
}
