import Canvas

/// Colour names a user may write (`--color red`, `color: teal` in a spec): the Okabe-Ito
/// palette's colours under plain names, black and grey; matplotlib's spellings (`C0`..`C9`,
/// the n-th colour of the cycle; the Tableau `tab:blue`..`tab:cyan`; the one-letter `b g r c m y k w`);
/// or hex `#rrggbb`, `#rgb`, `#rrggbbaa`.
public enum NamedColor {
    public static let table: [String: Color] = [
        "blue": Color(hex: 0x0072B2), "orange": Color(hex: 0xE69F00), "teal": Color(hex: 0x009E73), "green": Color(hex: 0x009E73),
        "purple": Theme.purple, "vermillion": Color(hex: 0xD55E00), "red": Color(hex: 0xD55E00), "sky": Color(hex: 0x56B4E9),
        "pink": Color(hex: 0xCC79A7), "yellow": Color(hex: 0xB59B00), "black": Color(hex: 0x000000),
        "grey": Color(hex: 0x777777), "gray": Color(hex: 0x777777), "white": Color(hex: 0xFFFFFF),
    ]

    /// matplotlib's Tableau colours (`matplotlib.colors.TABLEAU_COLORS`).
    public static let tableau: [String: Color] = [
        "tab:blue": Color(hex: 0x1F77B4), "tab:orange": Color(hex: 0xFF7F0E), "tab:green": Color(hex: 0x2CA02C),
        "tab:red": Color(hex: 0xD62728), "tab:purple": Color(hex: 0x9467BD), "tab:brown": Color(hex: 0x8C564B),
        "tab:pink": Color(hex: 0xE377C2), "tab:gray": Color(hex: 0x7F7F7F), "tab:grey": Color(hex: 0x7F7F7F),
        "tab:olive": Color(hex: 0xBCBD22), "tab:cyan": Color(hex: 0x17BECF),
    ]

    /// matplotlib's one-letter colours (`matplotlib.colors.BASE_COLORS`).
    public static let letters: [String: Color] = [
        "b": Color(hex: 0x0000FF), "g": Color(red: 0, green: 0.5, blue: 0), "r": Color(hex: 0xFF0000),
        "c": Color(red: 0, green: 0.75, blue: 0.75), "m": Color(red: 0.75, green: 0, blue: 0.75),
        "y": Color(red: 0.75, green: 0.75, blue: 0), "k": Color(hex: 0x000000), "w": Color(hex: 0xFFFFFF),
    ]

    /// The names, for messages.
    public static var names: String { table.keys.sorted().joined(separator: ", ") }

    /// What `parse` takes, in one phrase for messages.
    public static var accepted: String { "#rrggbb, C0..C9, tab:blue..tab:cyan, or one of \(names)" }

    /// A name from the tables (any case), `CN` (the theme palette's colour N, cycling, as
    /// matplotlib's "CN"), or hex; nil otherwise.
    public static func parse(_ text: String, palette: Theme = Theme()) -> Color? {
        let lower = text.lowercased()
        if let c = table[lower] ?? tableau[lower] { return c }
        if let c = letters[text] { return c }
        if text.first == "C", let n = Int(text.dropFirst()), n >= 0, text.count <= 4 { return palette.color(n) }
        return hex(text)
    }

    /// `#rrggbb`, `#rgb` or `#rrggbbaa`.
    static func hex(_ text: String) -> Color? {
        guard text.hasPrefix("#") else { return nil }
        let digits = text.dropFirst()
        guard digits.allSatisfy(\.isHexDigit), let v = UInt32(digits, radix: 16) else { return nil }
        switch digits.count {
        case 6: return Color(hex: v)
        case 3:
            let r = (v >> 8) & 0xF, g = (v >> 4) & 0xF, b = v & 0xF
            return Color(hex: (r * 17) << 16 | (g * 17) << 8 | b * 17)
        case 8: return Color(hex: v >> 8, alpha: Double(v & 0xFF) / 255)
        default: return nil
        }
    }
}
