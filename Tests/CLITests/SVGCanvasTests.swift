import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Canvas
@testable import CairoCanvas

/// The SVG writer: its number format, its structure (glyphs, transforms, clips) and its text
/// measurement, which must be the raster backend's.
@Suite("SVG writer")
struct SVGCanvasTests {
    static let font = Font(family: "DejaVu Sans", size: 12)

    /// Draws on a fresh SVG canvas of 200 x 100 points and returns the document as text.
    func svg(transparent: Bool = true, _ draw: (SVGCanvas) -> Void) throws -> String {
        let canvas = try SVGCanvas(size: Size(200, 100), pixelsPerPoint: 2, software: "test")
        if !transparent { canvas.paintPage(.white) }
        draw(canvas)
        return String(decoding: try canvas.document(metadata: DocumentMetadata(title: "a < b & c", software: "test")), as: UTF8.self)
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    // Expected strings are Python's ("%.3f" % v).rstrip("0").rstrip("."), "-0" read as "0".
    @Test("numbers: 3 decimals, trailing zeros trimmed, no negative zero, NaN and infinities kept out",
          arguments: [(0.0, "0"), (-0.0005, "-0.001"), (1e-7, "0"), (-1e-7, "0"), (12345.6789, "12345.679"),
                      (-12345.6789, "-12345.679"), (0.1, "0.1"), (2.5, "2.5"), (-3.0, "-3"), (1.0 / 3, "0.333"),
                      (0.0015, "0.002"), (999.9996, "1000"), (72.25, "72.25"), (1e12 + 0.5, "1000000000000.5"),
                      (Double.nan, "0"), (Double.infinity, "0"), (-Double.infinity, "0")])
    func numberFormat(value: Double, expected: String) {
        var text = SVGText()
        text.number(value)
        #expect(String(decoding: text.bytes, as: UTF8.self) == expected)
    }

    // Expected strings as above, with "%.6f".
    @Test("transform coefficients: 6 decimals", arguments: [(1.0 / 3, "0.333333"), (2.0 / 3, "0.666667"), (-0.5, "-0.5"),
                                                          (1.1288888888, "1.128889"), (-1e-7, "0"), (6.123233995736766e-17, "0")])
    func coefficientFormat(value: Double, expected: String) {
        var text = SVGText()
        text.number(value, places: 6)
        #expect(String(decoding: text.bytes, as: UTF8.self) == expected)
    }

    @Test("base64 agrees with Foundation's for every remainder length")
    func base64() {
        for n in 0..<8 {
            let data = (0..<n).map { UInt8(truncatingIfNeeded: $0 * 77 + 3) }
            var text = SVGText()
            text.base64(data)
            #expect(String(decoding: text.bytes, as: UTF8.self) == Data(data).base64EncodedString())
        }
    }

    @Test("a document with every kind of mark parses as XML, page in points, title escaped")
    func wellFormed() throws {
        let text = try svg(transparent: false) { c in
            c.stroke(.polyline([Point(0, 0), Point(50, 50)]), style: StrokeStyle(color: .black, width: 1, dash: [2, 1]))
            c.fill(.circle(center: Point(30, 30), radius: 5), color: Color(hex: 0x0072B2, alpha: 0.5))
            c.save()
            c.clip(to: Rect(x: 0, y: 0, width: 100, height: 50))
            c.rotate(by: 0.3)
            c.drawText("x<y & \"z\"", at: Point(10, 20), font: Self.font, color: .black)
            c.drawImage(RasterImage(width: 1, height: 1, rgba: [255, 0, 0, 128]), in: Rect(x: 1, y: 1, width: 4, height: 4), smooth: true)
            c.restore()
        }
        let doc = try XMLDocument(data: Data(text.utf8))
        let root = try #require(doc.rootElement())
        #expect(root.name == "svg")
        let attributes = Dictionary(uniqueKeysWithValues: (root.attributes ?? []).map { ($0.localName ?? $0.name ?? "", $0.stringValue ?? "") })
        #expect(attributes["width"] == "200pt")
        #expect(attributes["viewBox"] == "0 0 200 100")
        #expect(try doc.nodes(forXPath: "//*[local-name()='title']").first?.stringValue == "a < b & c")
        #expect(text.contains("<rect width=\"200\" height=\"100\" fill=\"#ffffff\"/>"))
        #expect(text.contains("stroke-dasharray=\"2,1\""))
        #expect(text.contains("fill=\"#0072b2\" fill-opacity=\"0.5\""))
    }

    @Test("a glyph used twice is defined once and placed twice")
    func glyphsDefinedOnce() throws {
        let text = try svg { c in
            c.drawText("aa", at: Point(10, 20), font: Self.font, color: .black)
            c.drawText("a", at: Point(10, 60), font: Self.font, color: .black)
        }
        #expect(count("<path id=\"glyph", in: text) == 1)
        #expect(count("<use xlink:href=\"#glyph1\"", in: text) == 3)
        // The second "a" of the run sits one advance further along: the width of "a" measured.
        let advance = try MeasuringCanvas.with { $0.measureText("a", font: Self.font).width }
        var x = SVGText()
        x.number(10 + advance)
        #expect(text.contains("x=\"\(String(decoding: x.bytes, as: UTF8.self))\" y=\"20\""))
    }

    @Test("a glyph of another size or weight gets its own definition")
    func glyphsPerFont() throws {
        let text = try svg { c in
            c.drawText("a", at: Point(10, 20), font: Self.font, color: .black)
            c.drawText("a", at: Point(10, 40), font: Self.font.withSize(20), color: .black)
            c.drawText("a", at: Point(10, 60), font: Font(size: 12, bold: true), color: .black)
        }
        #expect(count("<path id=\"glyph", in: text) == 3)
    }

    @Test("a translated path carries the offset in its coordinates, not a transform")
    func translatedPath() throws {
        let text = try svg { c in
            c.translate(by: Point(16, 16))
            c.translate(by: Point(0.5, -1))
            c.stroke(.polyline([Point(0, 0), Point(10, 5)]), style: StrokeStyle(color: .black, width: 1.5))
        }
        #expect(text.contains("d=\"M16.5 15L26.5 20\""))
        #expect(!text.contains("transform"))
        #expect(text.contains("stroke-width=\"1.5\""))
    }

    @Test("a rotated label sits in a group with the rotation, its glyphs in user space")
    func rotatedLabel() throws {
        let text = try svg { c in
            c.translate(by: Point(20, 80))
            c.rotate(by: Double.pi / 2)
            c.drawText("a", at: Point(0, 0), font: Self.font, color: .black)
        }
        // Counter-clockwise on screen (y down): x' = y + 20, y' = -x + 80.
        #expect(text.contains("transform=\"matrix(0,-1,1,0,20,80)\""))
        #expect(text.contains("<use xlink:href=\"#glyph1\" x=\"0\" y=\"0\"/>"))
    }

    @Test("a scaled stroke is written in user space, so its width and dashes scale with it")
    func scaledStroke() throws {
        let text = try svg { c in
            c.scale(by: 0.5)
            c.stroke(.polyline([Point(0, 0), Point(10, 0)]), style: StrokeStyle(color: .black, width: 2, dash: [4, 2]))
        }
        #expect(text.contains("stroke-width=\"2\""))
        #expect(text.contains("stroke-dasharray=\"4,2\""))
        #expect(text.contains("transform=\"matrix(0.5,0,0,0.5,0,0)\" d=\"M0 0L10 0\""))
    }

    @Test("a panel's scale keeps 6 decimals, so a coordinate of 1000 lands within 0.001 point")
    func scalePrecision() throws {
        let text = try svg { c in
            c.translate(by: Point(10.25, 0))
            c.scale(by: 1.0 / 3)
            c.fill(.rect(Rect(x: 1000, y: 0, width: 3, height: 3)), color: .black)
        }
        #expect(text.contains("transform=\"matrix(0.333333,0,0,0.333333,10.25,0)\" d=\"M1000 0L1003 0"))
    }

    @Test("clip groups close at the matching restore, or at the end of the document")
    func clipGroupsBalanced() throws {
        let text = try svg { c in
            c.save()
            c.clip(to: Rect(x: 0, y: 0, width: 100, height: 50))
            c.save()
            c.translate(by: Point(10, 10))
            c.clip(to: Rect(x: 0, y: 0, width: 20, height: 20))
            c.fill(.rect(Rect(x: 0, y: 0, width: 40, height: 40)), color: .black)
            c.restore()
            c.fill(.rect(Rect(x: 0, y: 60, width: 5, height: 5)), color: .black)
            c.restore()
            c.restore() // unbalanced: ignored
            c.clip(to: Rect(x: 0, y: 0, width: 1, height: 1))
        }
        #expect(count("<g clip-path=\"url(#clip", in: text) == 3)
        #expect(count("<clipPath id=\"clip", in: text) == 3)
        #expect(text.contains("<clipPath id=\"clip2\"><rect x=\"10\" y=\"10\" width=\"20\" height=\"20\"/></clipPath>"))
        #expect(count("</g>", in: text) == 3)
        _ = try XMLDocument(data: Data(text.utf8))
        // The inner clip closes before the second fill, the outer one after it.
        let inner = try #require(text.range(of: "M0 60"))
        let firstClose = try #require(text.range(of: "</g>"))
        #expect(firstClose.lowerBound < inner.lowerBound)
    }

    @Test("NaN and infinite points break a path there; a path with none left, or text at NaN, is not written")
    func nonFinite() throws {
        let text = try svg { c in
            c.stroke(.polyline([Point(0, 0), Point(1, 1), Point(.nan, 2), Point(3, 3), Point(4, .infinity), Point(5, 5), Point(6, 6)]),
                     style: StrokeStyle(color: .black))
            c.fill(.polygon([Point(.nan, 0), Point(.infinity, 1)]), color: .black)
            c.drawText("a", at: Point(.nan, 3), font: Self.font, color: .black)
            c.drawImage(RasterImage(width: 1, height: 1, rgba: [0, 0, 0, 255]), in: Rect(x: .nan, y: 0, width: 1, height: 1), smooth: false)
        }
        #expect(text.contains("d=\"M0 0L1 1M3 3M5 5L6 6\""))
        #expect(count("<path", in: text) == 1)
        #expect(!text.contains("<use") && !text.contains("<image"))
        #expect(!text.lowercased().contains("nan") && !text.contains("inf"))
    }

    @Test("images: a PNG data URI, pixelated when nearest, smooth otherwise")
    func images() throws {
        let text = try svg { c in
            c.drawImage(RasterImage(width: 2, height: 1, rgba: [255, 0, 0, 255, 0, 0, 255, 64]), in: Rect(x: 10, y: 10, width: 20, height: 10), smooth: false)
            c.drawImage(RasterImage(width: 1, height: 1, rgba: [0, 255, 0, 255]), in: Rect(x: 40, y: 10, width: 5, height: 5), smooth: true)
        }
        #expect(count("xlink:href=\"data:image/png;base64,iVBORw0KGgo", in: text) == 2)
        #expect(count("image-rendering:pixelated", in: text) == 1)
        #expect(text.contains("<image x=\"10\" y=\"10\" width=\"20\" height=\"10\" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\""))
        // The embedded PNG keeps the alpha channel (colour type 6 in its header).
        let start = try #require(text.range(of: "base64,")).upperBound
        let encoded = text[start...].prefix { $0 != "\"" }
        let png = try #require(Data(base64Encoded: String(encoded)))
        #expect(png[png.startIndex + 25] == 6)
    }

    @Test("measureText gives exactly what the Cairo canvas gives", arguments: ["x", "Loss (log scale)", "∂L/∂w = −0.25", "fi ff W.A."])
    func measureMatchesCairo(text: String) throws {
        let svg = try SVGCanvas(size: Size(10, 10), pixelsPerPoint: 2, software: "test")
        for font in [Self.font, Font(size: 9.5, italic: true), Font(family: "DejaVu Sans Mono", size: 14, bold: true)] {
            let cairo = try MeasuringCanvas.with { $0.measureText(text, font: font) }
            #expect(svg.measureText(text, font: font) == cairo)
        }
    }
}
