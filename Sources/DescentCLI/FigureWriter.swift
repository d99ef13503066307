import Canvas
import CairoCanvas
import Plot

/// The one output path of every picture: writes a `Figure` to a file in the requested format
/// (PNG at `dpi`, SVG, PDF), atomically, with the title, command line and program as metadata,
/// and turns output failures into the user's error.
enum FigureWriter {
    /// The size in points of a figure of `pixels` at `dpi` (vector files keep the layout).
    static func size(pixels: (width: Int, height: Int), dpi: Double) -> Size {
        Size(Double(pixels.width) * 72 / dpi, Double(pixels.height) * 72 / dpi)
    }

    /// Writes `figure`; `title` (math text) names the document, or `documentTitle` as it is.
    /// `command` is the command line the file records (default: the one running).
    static func write(_ figure: Figure, to path: String, format: OutputFormat, dpi: Double, title: String?,
                      documentTitle: String? = nil, command: String? = nil) throws {
        let metadata = DocumentMetadata(title: documentTitle ?? title.map(MathText.plainText), command: command ?? CommandLineText.current,
                                        software: "descent \(DescentCommand.version)")
        do {
            try FigureFileRenderer.write(to: path, format: format, size: figure.size, dpi: dpi, metadata: metadata,
                                         transparent: figure.transparentBackground) { canvas in
                FigureRenderer.draw(figure, on: canvas)
            }
        } catch let error as OutputError {
            throw UserError(error.description)
        }
    }
}

/// The command line that is running, quoted so it can be pasted into a shell.
enum CommandLineText {
    static var current: String {
        var args = CommandLine.arguments
        if let first = args.first, first.hasSuffix("/descent") { args[0] = "descent" }
        return args.map(quote).joined(separator: " ")
    }

    static func quote(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || "-_./=:,+@%".unicodeScalars.contains(c)
        }
        if safe && !s.isEmpty { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

import Foundation
