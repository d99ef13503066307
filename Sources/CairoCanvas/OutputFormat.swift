/// The file formats a figure can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf

    /// The format named by a path's extension (case-insensitive), if it is one we write.
    public init?(pathExtensionOf path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(rawValue: name[name.index(after: dot)...].lowercased())
    }

    /// Whether the output is a raster whose pixel size depends on the DPI.
    public var isRaster: Bool { self == .png }
}

/// What a written file says about itself: title and the command line that made it.
public struct DocumentMetadata: Sendable, Equatable {
    public var title: String?
    /// The exact command line that produced the file.
    public var command: String?
    /// The producing program, e.g. "descent 0.1.0".
    public var software: String

    public init(title: String? = nil, command: String? = nil, software: String) {
        self.title = title; self.command = command; self.software = software
    }
}

/// A failure to render or write an output file.
public struct OutputError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
