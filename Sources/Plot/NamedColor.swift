import Canvas

/// Colour names a user may write (`--color red`, `color: teal` in a spec): the Okabe-Ito
/// palette's colours under plain names, black and grey, or `#rrggbb`.
public enum NamedColor {
    public static let table: [String: Color] = [
        "blue": Color(hex: 0x0072B2), "orange": Color(hex: 0xE69F00), "teal": Color(hex: 0x009E73), "green": Color(hex: 0x009E73),
        "purple": Theme.purple, "vermillion": Color(hex: 0xD55E00), "red": Color(hex: 0xD55E00), "sky": Color(hex: 0x56B4E9),
        "pink": Color(hex: 0xCC79A7), "yellow": Color(hex: 0xB59B00), "black": Color(hex: 0x000000),
        "grey": Color(hex: 0x777777), "gray": Color(hex: 0x777777), "white": Color(hex: 0xFFFFFF),
    ]

    /// The names, for messages.
    public static var names: String { table.keys.sorted().joined(separator: ", ") }

    /// A name from `table` (any case) or `#rrggbb`; nil otherwise.
    public static func parse(_ text: String) -> Color? {
        if let c = table[text.lowercased()] { return c }
        guard text.hasPrefix("#"), text.count == 7, let v = UInt32(text.dropFirst(), radix: 16) else { return nil }
        return Color(hex: v)
    }
}
