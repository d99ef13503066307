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
        parse(source).map { run in
            guard run.rise != 0 else { return run.plainText }
            let table = run.rise > 0 ? superscripts : subscripts
            let mapped = run.plainText.map { table[$0] }
            if mapped.allSatisfy({ $0 != nil }) { return String(mapped.map { $0! }) }
            return (run.rise > 0 ? "^(" : "_(") + run.plainText + ")"
        }.joined()
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let superscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-\u{2212}=()niT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵀ"))
    static let subscripts: [Character: Character] = Dictionary(uniqueKeysWithValues: zip(
        "0123456789+-\u{2212}=()aeijkmnoprstx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑᵢⱼₖₘₙₒₚᵣₛₜₓ"))
}
