/// One figure of the course set as its spec file describes it: id, title, course source,
/// size, a grid of panels and the course's numbers the figure must reproduce.
public struct FigureSpec {
    /// One panel: its mosaic letter, its kind, and its options (read by the panel's builder,
    /// which refuses unknown keys).
    public struct Panel {
        public var name: Character
        public var kind: String
        public var kindPosition: SpecPosition
        public var options: SpecMap
    }

    /// A number (or several) the figure must show, as the course states it.
    public struct Expectation: Sendable {
        public var key: String
        public var values: [Double]
        public var position: SpecPosition
    }

    public var file: String
    public var text: String
    public var id: String
    public var title: String?
    public var source: String?
    /// Pixels at 144 dpi, as the commands' --size.
    public var size: (width: Int, height: Int)
    public var mosaic: String
    public var panels: [Panel]
    public var letters: Bool
    public var shareX: String
    public var shareY: String
    public var expectations: [Expectation]
    /// Relative tolerance of the expectations.
    public var tolerance: Double
    /// Relative heights of the mosaic's rows and widths of its columns (matplotlib's
    /// `height_ratios`, `width_ratios`); nil for equal.
    public var heightRatios: [Double]?
    public var widthRatios: [Double]?
    /// The animation to write beside the still figure, if the spec asks for one.
    public var animation: Animation?

    /// `animate: {steps: 40, every: 2, fps: 8, hold: 2, width: 960}`: frames that reveal the
    /// paths' first 0, every, 2 every, ..., steps steps, played at `fps` with the last frame held
    /// `hold` seconds, `width` pixels wide.
    public struct Animation: Sendable, Equatable {
        public var steps: Int
        public var every: Int
        public var fps: Double
        public var hold: Double
        public var width: Int

        /// The steps each frame reveals.
        public var frameSteps: [Int] {
            var out = Array(stride(from: 0, through: steps, by: every))
            if out.last != steps { out.append(steps) }
            return out
        }

        /// How long each frame is shown, in seconds.
        public var delays: [Double] {
            let n = frameSteps.count
            return (0..<n).map { $0 == n - 1 ? hold : 1 / fps }
        }
    }

    public static let topLevelKeys = ["id", "title", "source", "size", "layout", "columns", "letters", "share-x", "share-y",
                                      "panels", "expect", "tolerance", "animate", "height-ratios", "width-ratios"]
    static let sharing = ["none", "all", "row", "column"]

    /// Reads and checks the spec file at `path` (the panels' own options are checked by their builders).
    public static func load(path: String) throws -> FigureSpec {
        let (node, text) = try SpecReader.read(path: path)
        return try FigureSpec(node, file: path, text: text)
    }

    public init(_ node: SpecNode, file: String, text: String) throws {
        self.file = file; self.text = text
        let top = try SpecMap(node, file: file, context: "the spec")
        id = try top.requiredString("id")
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw SpecError(file, top.entry("id")?.value.position, "'id': expected letters, digits and '-' (the file name of the figure), found '\(id)'")
        }
        title = try top.string("title")
        source = try top.string("source")
        size = (1200, 750)
        if let node = top.node("size") {
            guard case let .scalar(s, _, p) = node, let parsed = Self.pixelSize(s) else {
                throw SpecError(file, node.position, "'size': expected WIDTHxHEIGHT in pixels at 144 dpi, e.g. 1200x750")
            }
            guard (100...8000).contains(parsed.0), (100...8000).contains(parsed.1) else {
                throw SpecError(file, p, "'size': \(s) is out of range (100 to 8000 pixels a side)")
            }
            size = parsed
        }
        letters = try top.bool("letters") ?? false
        tolerance = try top.number("tolerance") ?? 1e-6
        guard tolerance >= 0, tolerance.isFinite else { throw SpecError(file, top.entry("tolerance")?.value.position, "'tolerance': expected a relative tolerance >= 0") }
        shareX = try top.string("share-x") ?? "none"
        shareY = try top.string("share-y") ?? "none"
        for (key, value) in [("share-x", shareX), ("share-y", shareY)] where !Self.sharing.contains(value) {
            throw SpecError(file, top.entry(key)?.value.position, "'\(key)': expected one of \(Self.sharing.joined(separator: ", ")), found '\(value)'")
        }

        guard let panelsNode = top.node("panels") else { throw top.missing("panels") }
        var panels: [Panel] = []
        switch panelsNode {
        case .list(let items, _):
            guard !items.isEmpty else { throw SpecError(file, panelsNode.position, "'panels': expected at least one panel") }
            let names = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            guard items.count <= names.count else { throw SpecError(file, panelsNode.position, "'panels': at most 26 panels") }
            for (i, item) in items.enumerated() { panels.append(try Self.panel(item, name: names[i], file: file)) }
        case .map(let entries, _):
            for entry in entries {
                guard entry.key.count == 1, let name = entry.key.first, name != "." else {
                    throw SpecError(file, entry.keyPosition, "'panels': name each panel by its one-letter mosaic cell, found '\(entry.key)'")
                }
                panels.append(try Self.panel(entry.value, name: name, file: file))
            }
        case .scalar:
            throw SpecError(file, panelsNode.position, "'panels': expected a list of panels (or a mapping from mosaic letters to panels)")
        }
        self.panels = panels

        let columns = try top.integer("columns")
        if let layout = try top.string("layout") {
            mosaic = layout
            let cells = Set(layout.filter { !$0.isWhitespace && $0 != ";" && $0 != "." })
            for p in panels where !cells.contains(p.name) {
                throw SpecError(file, top.entry("layout")?.value.position, "'layout' \"\(layout)\" has no cell for panel '\(p.name)'")
            }
            for c in cells.sorted() where !panels.contains(where: { $0.name == c }) {
                throw SpecError(file, top.entry("layout")?.value.position, "'layout' \"\(layout)\" names '\(c)', which is not a panel")
            }
        } else {
            let perRow = max(1, min(columns ?? panels.count, panels.count))
            var rows: [String] = []
            for start in stride(from: 0, to: panels.count, by: perRow) {
                var row = String(panels[start..<min(panels.count, start + perRow)].map(\.name))
                row += String(repeating: ".", count: perRow - row.count)
                rows.append(row)
            }
            mosaic = rows.joined(separator: ";")
        }

        let rows = mosaic.split(separator: ";").map { $0.filter { !$0.isWhitespace } }
        for (key, count) in [("height-ratios", rows.count), ("width-ratios", rows.first?.count ?? 1)] {
            guard let ratios = try top.numbers(key) else { continue }
            guard ratios.count == count, ratios.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw SpecError(file, top.entry(key)?.value.position, "'\(key)': expected \(count) positive numbers, one per \(key == "height-ratios" ? "row" : "column") of the layout")
            }
            if key == "height-ratios" { heightRatios = ratios } else { widthRatios = ratios }
        }

        if let node = top.node("animate") {
            let a = try SpecMap(node, file: file, context: "'animate'")
            guard let steps = try a.integer("steps") else { throw a.missing("steps") }
            let every = try a.integer("every") ?? 1, fps = try a.number("fps") ?? 6, hold = try a.number("hold") ?? 2
            let width = try a.integer("width") ?? 960
            guard (1...10_000).contains(steps) else { throw SpecError(file, a.entry("steps")?.value.position, "'steps': expected 1 to 10000") }
            guard every >= 1, (steps + every - 1) / every <= 500 else {
                throw SpecError(file, a.entry("every")?.value.position, "'every': expected a whole number >= 1 giving at most 500 frames")
            }
            guard fps > 0, fps <= 60 else { throw SpecError(file, a.entry("fps")?.value.position, "'fps': expected 0 to 60 frames a second") }
            guard hold >= 0, hold <= 60 else { throw SpecError(file, a.entry("hold")?.value.position, "'hold': expected 0 to 60 seconds") }
            guard (100...4000).contains(width) else { throw SpecError(file, a.entry("width")?.value.position, "'width': expected 100 to 4000 pixels") }
            try a.finish()
            animation = Animation(steps: steps, every: every, fps: fps, hold: hold, width: width)
        }

        var expectations: [Expectation] = []
        if let node = top.node("expect") {
            let map = try SpecMap(node, file: file, context: "'expect'")
            for key in map.keys {
                let entry = map.entry(key)!
                expectations.append(Expectation(key: key, values: try SpecValues.numbers(entry.value, file: file, what: "expect '\(key)'"),
                                                position: entry.keyPosition))
            }
        }
        self.expectations = expectations
        try top.finish()
    }

    static func panel(_ node: SpecNode, name: Character, file: String) throws -> Panel {
        let options = try SpecMap(node, file: file, context: "panel '\(name)'")
        guard let kindEntry = options.entry("kind") else { throw options.missing("kind") }
        guard case let .scalar(kind, _, p) = kindEntry.value else {
            throw SpecError(file, kindEntry.value.position, "'kind': expected a panel kind, found \(kindEntry.value.kindName)")
        }
        return Panel(name: name, kind: kind, kindPosition: p, options: options)
    }

    /// "1200x750" -> (1200, 750).
    public static func pixelSize(_ s: String) -> (Int, Int)? {
        let parts = s.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else { return nil }
        return (w, h)
    }
}
