/// A `subplot_mosaic`-style layout string ("AB;CC") read into named rectangular areas.
public struct FigureMosaic: Sendable, Equatable {
    /// One named area of the grid.
    public struct Area: Sendable, Equatable {
        public var name: Character
        public var row: Int, column: Int, rowSpan: Int, columnSpan: Int
    }

    /// A mosaic that is not a grid of rectangles.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    public var rows: Int
    public var columns: Int
    /// Areas in order of their first cell (row by row).
    public var areas: [Area]

    public static func parse(_ text: String) throws -> FigureMosaic {
        let lines = text.split(whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }.map(Array.init)
        guard let width = lines.first?.count, width > 0 else { throw Failure("the mosaic \"\(text)\" has no cells") }
        for (r, line) in lines.enumerated() where line.count != width {
            throw Failure("mosaic row \(r + 1) has \(line.count) cells, the first row \(width)")
        }
        var areas: [Area] = []
        var seen: Set<Character> = []
        for r in lines.indices {
            for c in 0..<width {
                let name = lines[r][c]
                guard name != ".", !seen.contains(name) else { continue }
                seen.insert(name)
                var w = 1, h = 1
                while c + w < width && lines[r][c + w] == name { w += 1 }
                while r + h < lines.count && lines[r + h][c] == name { h += 1 }
                // Every cell named `name` must lie in that rectangle, and the rectangle be all `name`.
                for rr in lines.indices {
                    for cc in 0..<width where lines[rr][cc] == name {
                        guard rr >= r, rr < r + h, cc >= c, cc < c + w else {
                            throw Failure("mosaic panel '\(name)' is not a rectangle")
                        }
                    }
                }
                for rr in r..<(r + h) { for cc in c..<(c + w) where lines[rr][cc] != name {
                    throw Failure("mosaic panel '\(name)' is not a rectangle")
                } }
                areas.append(Area(name: name, row: r, column: c, rowSpan: h, columnSpan: w))
            }
        }
        return FigureMosaic(rows: lines.count, columns: width, areas: areas)
    }
}
