/// A grid of terminal cells, each a Unicode braille character of 2×4 dots, so a cell
/// grid of `columns × rows` gives `2·columns × 4·rows` dots.
///
/// Dot coordinates run from the top-left: x to the right in `0..<dotWidth`, y down in
/// `0..<dotHeight`; dots outside are ignored. Each set dot remembers a colour index
/// (any non-negative number the caller maps to a colour); a cell's colour is the index
/// that owns the most of its dots. A text overlay can put one-column characters over
/// cells, replacing their dots.
public struct BrailleCanvas: Sendable, Equatable {
    /// Size in cells.
    public let columns: Int
    public let rows: Int
    /// Colour index of every dot, row-major; -1 where unset.
    private var dots: [Int32]
    /// Overlay characters by cell index.
    private var overlay: [Int: Character] = [:]

    /// The character of an empty cell.
    public static let blank: Character = " "

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        dots = Array(repeating: -1, count: self.columns * 2 * self.rows * 4)
    }

    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    // MARK: Dots

    /// Sets the dot at (x, y) to `colour` (the last write wins); ignored outside the grid.
    public mutating func set(_ x: Int, _ y: Int, colour: Int = 0) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        dots[y * dotWidth + x] = Int32(clamping: max(0, colour))
    }

    /// The colour index of the dot at (x, y), or nil when it is unset or outside.
    public func colour(atDot x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return nil }
        let c = dots[y * dotWidth + x]
        return c < 0 ? nil : Int(c)
    }

    public func isSet(_ x: Int, _ y: Int) -> Bool { colour(atDot: x, y) != nil }

    /// A straight run of dots from (x0, y0) to (x1, y1), both ends included (Bresenham).
    public mutating func line(from x0: Int, _ y0: Int, to x1: Int, _ y1: Int, colour: Int = 0) {
        // The walk visits every dot between the ends: callers clip far-away ends first.
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x, y, colour: colour)
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// Every `step`-th dot of column `x` between rows `y0` and `y1` (inclusive), counted
    /// from the top edge so that dotted runs line up.
    public mutating func verticalRun(x: Int, from y0: Int, to y1: Int, step: Int = 1, colour: Int = 0) {
        let lo = max(0, min(y0, y1)), hi = min(dotHeight - 1, max(y0, y1))
        guard lo <= hi else { return }
        let s = max(1, step)
        for y in lo...hi where y % s == 0 { set(x, y, colour: colour) }
    }

    /// Every `step`-th dot of row `y` between columns `x0` and `x1` (inclusive).
    public mutating func horizontalRun(y: Int, from x0: Int, to x1: Int, step: Int = 1, colour: Int = 0) {
        let lo = max(0, min(x0, x1)), hi = min(dotWidth - 1, max(x0, x1))
        guard lo <= hi else { return }
        let s = max(1, step)
        for x in lo...hi where x % s == 0 { set(x, y, colour: colour) }
    }

    // MARK: Text overlay

    /// Writes `text` over the cells of `row` from `column` on, one character per cell;
    /// characters past the right edge are dropped, and characters that do not take
    /// exactly one terminal column are shown as `?`.
    public mutating func text(_ text: String, column: Int, row: Int) {
        guard row >= 0, row < rows else { return }
        var c = column
        for ch in TerminalText.sanitized(text) {
            defer { c += 1 }
            guard c >= 0 else { continue }
            guard c < columns else { break }
            overlay[row * columns + c] = TerminalText.width(String(ch)) == 1 ? ch : "?"
        }
    }

    /// Removes all overlay text.
    public mutating func clearText() { overlay = [:] }

    // MARK: Cells

    /// The braille dot bits of a cell (bit 0 = dot 1 … bit 7 = dot 8, as in U+2800).
    public func pattern(column: Int, row: Int) -> UInt8 {
        guard column >= 0, row >= 0, column < columns, row < rows else { return 0 }
        var bits: UInt8 = 0
        let x0 = column * 2, y0 = row * 4
        for dy in 0..<4 {
            for dx in 0..<2 where dots[(y0 + dy) * dotWidth + x0 + dx] >= 0 {
                bits |= Self.bit[dy][dx]
            }
        }
        return bits
    }

    /// Braille dot numbering: rows top to bottom, left and right column.
    static let bit: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// The overlay character of a cell, if any.
    public func overlayCharacter(column: Int, row: Int) -> Character? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        return overlay[row * columns + column]
    }

    /// Whether a cell shows nothing (no dots and no overlay).
    public func isBlank(column: Int, row: Int) -> Bool {
        overlayCharacter(column: column, row: row) == nil && pattern(column: column, row: row) == 0
    }

    /// What a cell shows: its overlay character, else its braille character, else a space.
    public func character(column: Int, row: Int) -> Character {
        if let c = overlayCharacter(column: column, row: row) { return c }
        let bits = pattern(column: column, row: row)
        if bits == 0 { return Self.blank }
        return Self.braille(bits)
    }

    /// The braille character with the given dot bits.
    public static func braille(_ bits: UInt8) -> Character {
        Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
    }

    /// The colour index owning the most dots of a cell (ties go to the higher index,
    /// which callers use for marks drawn later), or nil for a cell without dots.
    public func dominantColour(column: Int, row: Int) -> Int? {
        guard column >= 0, row >= 0, column < columns, row < rows else { return nil }
        var counts: [(colour: Int32, count: Int)] = []
        let x0 = column * 2, y0 = row * 4
        for dy in 0..<4 {
            for dx in 0..<2 {
                let c = dots[(y0 + dy) * dotWidth + x0 + dx]
                guard c >= 0 else { continue }
                if let k = counts.firstIndex(where: { $0.colour == c }) {
                    counts[k].count += 1
                } else {
                    counts.append((c, 1))
                }
            }
        }
        guard let best = counts.max(by: { ($0.count, $0.colour) < ($1.count, $1.colour) }) else { return nil }
        return Int(best.colour)
    }

    /// One row of cells as text (trailing blanks kept, so columns line up).
    public func rowString(_ row: Int) -> String {
        String((0..<columns).map { character(column: $0, row: row) })
    }

    /// All rows as text.
    public var lines: [String] { (0..<rows).map(rowString) }
}
