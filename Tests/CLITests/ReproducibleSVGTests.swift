import Testing
import Canvas
import CairoCanvas

/// The same drawing gives the same SVG bytes whatever the process drew before.
@Suite("Reproducible SVG")
struct ReproducibleSVGTests {
    func svg() throws -> [UInt8] {
        try FigureFileRenderer.render(format: .svg, size: Size(120, 80), dpi: 144, metadata: DocumentMetadata(software: "test")) { canvas in
            canvas.fill(.rect(Rect(x: 10, y: 10, width: 50, height: 30)), color: Color(hex: 0x0072B2))
            canvas.drawText("x", at: Point(70, 40), font: Font(family: "DejaVu Sans", size: 12), color: .black)
            canvas.clip(to: Rect(x: 0, y: 0, width: 110, height: 75))
            canvas.drawImage(RasterImage(width: 2, height: 2, rgba: [UInt8](repeating: 200, count: 16)), in: Rect(x: 80, y: 50, width: 20, height: 20), smooth: false)
        }
    }

    @Test("two renders in one process are byte-identical, their glyphs and clips numbered from 1")
    func sameBytes() throws {
        let first = try svg()
        _ = try FigureFileRenderer.render(format: .png, size: Size(50, 50), dpi: 72, metadata: DocumentMetadata(software: "test")) { _ in }
        _ = try FigureFileRenderer.render(format: .svg, size: Size(50, 50), dpi: 72, metadata: DocumentMetadata(software: "test")) { canvas in
            canvas.clip(to: Rect(x: 0, y: 0, width: 9, height: 9))
            canvas.drawText("yz", at: Point(1, 9), font: Font(family: "DejaVu Sans", size: 12), color: .black)
        }
        let second = try svg()
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("<path id=\"glyph1\""))
        #expect(text.contains("<clipPath id=\"clip1\""), "clips are numbered within the file too")
        #expect(text.contains("<image "))
    }
}
