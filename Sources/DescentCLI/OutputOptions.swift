import ArgumentParser
import CairoCanvas

/// Options every figure-writing command shares: output path, format, size and DPI.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output file (.png, .svg or .pdf); - writes to standard output (PNG unless --format).")
    var output: String?

    @Option(help: "Output format: png, svg or pdf (default: from the output's extension).")
    var format: String?

    @Option(help: "Figure size in pixels, WIDTHxHEIGHT (vector formats keep the same layout in points at --dpi).")
    var size: String = "960x600"

    @Option(help: "Pixels per inch for PNG output.")
    var dpi: Double = 144

    /// The format to write `path` in: `--format` if given, else from the extension
    /// (PNG for `-`, standard output).
    func resolvedFormat(for path: String) throws -> OutputFormat {
        if let format {
            guard let f = OutputFormat(rawValue: format.lowercased()) else {
                throw UserError("unknown format '\(format)': expected png, svg or pdf")
            }
            return f
        }
        if path == "-" { return .png }
        guard let f = OutputFormat(pathExtensionOf: path) else {
            throw UserError("\(path): cannot tell the format from the extension: expected .png, .svg or .pdf (or pass --format)")
        }
        return f
    }

    /// The figure size in pixels.
    func pixelSize() throws -> (width: Int, height: Int) {
        let p = try PixelSizeOption(size, option: "--size")
        return (p.width, p.height)
    }

    func validatedDPI() throws -> Double {
        guard dpi.isFinite, dpi >= 18, dpi <= 2400 else {
            throw UserError("--dpi \(dpi): expected a number from 18 to 2400")
        }
        return dpi
    }
}
