/// Math text for web pages and alt texts: `MathText` runs as HTML (`<i>`, `<sup>`, `<sub>`)
/// or as plain Unicode with super- and subscript characters where they exist (`w²`, `x₁`).
extension MathText {
    /// HTML with `<i>` for italic runs and `<sup>`/`<sub>` for scripts; text is escaped.
    public static func html(_ source: String) -> String {
        parse(source).map { run in
            var s = escape(run.plainText)
            if run.italic { s = "<i>" + s + "</i>" }
            if run.rise > 0 { s = "<sup>" + s + "</sup>" } else if run.rise < 0 { s = "<sub>" + s + "</sub>" }
            return s
        }.joined()
    }

    /// Plain text with scripts as Unicode super- and subscripts, or `^(…)` / `_(…)` when a
    /// script has a character with no such form.
    public static func unicodeText(_ source: String) -> String {
        // Neighbouring runs of one script (an upright minus beside an italic letter) map as one.
        var groups: [(rise: Int, text: String)] = []
        for run in parse(source) {
            let rise = run.rise > 0 ? 1 : run.rise < 0 ? -1 : 0
            if let last = groups.last, last.rise == rise { groups[groups.count - 1].text += run.plainText } else { groups.append((rise, run.plainText)) }
        }
        return groups.map { group in
            guard group.rise != 0 else { return group.text }
            let table = group.rise > 0 ? superscripts : subscripts
            let mapped = group.text.map { table[$0] }
            if mapped.allSatisfy({ $0 != nil }) { return String(mapped.map { $0! }) }
            return (group.rise > 0 ? "^(" : "_(") + group.text + ")"
        }.joined()
    }

    /// Text with HTML's special characters as entities.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let superscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-\u{2212}=()niTx", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵀˣ"))
    static let subscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-\u{2212}=()aeijkmnoprstx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑᵢⱼₖₘₙₒₚᵣₛₜₓ"))
}
