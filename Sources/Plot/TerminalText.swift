/// Text helpers for terminal output: display widths, truncation, stripping control
/// characters, and math-text labels turned into plain Unicode (`$10^{-2}$` → `10⁻²`).
public enum TerminalText {
    /// Columns a scalar takes in a terminal: 0 for combining marks and format characters,
    /// 2 for East Asian wide and emoji-presentation characters, 1 otherwise. Braille,
    /// box-drawing, Greek, superscripts and arrows are one column.
    public static func width(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(v) || u.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns `s` takes in a terminal (escape sequences are not expected here).
    public static func width(_ s: some StringProtocol) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += width(u) }
        return w
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `s` cut to at most `maxWidth` columns, ending in `…` when something was cut.
    public static func truncate(_ s: String, to maxWidth: Int) -> String {
        guard maxWidth > 0 else { return "" }
        if width(s) <= maxWidth { return s }
        var out = ""
        var w = 0
        for c in s {
            let cw = width(String(c))
            if w + cw > maxWidth - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }

    /// `s` with control and bidi/format characters removed (tabs and newlines become
    /// spaces), so user-supplied labels cannot inject escape sequences or move the cursor.
    public static func sanitized(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\t" || u == "\n" || u == "\r" { out.append(" "); continue }
            if u.properties.generalCategory == .control { continue }
            if u.properties.generalCategory == .format && u.value != 0x200D { continue }
            out.append(u)
        }
        return String(out)
    }

    /// A math-text label as plain terminal text: markup removed, super- and subscripts
    /// as Unicode script characters where every character has one (else `^x` / `_x`).
    public static func plain(_ markup: String) -> String {
        var out = ""
        for run in MathText.parse(markup) {
            if run.rise > 0.01 {
                out += script(run.text, map: superscripts, marker: "^")
            } else if run.rise < -0.01 {
                out += script(run.text, map: subscripts, marker: "_")
            } else {
                out += run.text
            }
        }
        // Thin and em spaces from math spacing read as ordinary spaces in a terminal.
        out = String(String.UnicodeScalarView(out.unicodeScalars.map { u in
            (0x2000...0x200A).contains(u.value) ? " " : u
        }))
        return sanitized(out)
    }

    static func script(_ text: String, map: [Character: Character], marker: String) -> String {
        var converted = ""
        for c in text {
            guard let s = map[c] else {
                return marker + (text.count > 1 ? "(\(text))" : text)
            }
            converted.append(s)
        }
        return converted
    }

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "−": "⁻", "-": "⁻", "+": "⁺", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ",
    ]

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "−": "₋", "-": "₋", "+": "₊", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "o": "ₒ",
        "x": "ₓ", "h": "ₕ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "p": "ₚ", "s": "ₛ", "t": "ₜ",
    ]
}
