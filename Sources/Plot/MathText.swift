/// A piece of text in one style, produced by `MathText.parse`.
public struct TextRun: Sendable, Equatable {
    public var text: String
    public var italic: Bool
    /// Size relative to the base font (1 for normal text, smaller in scripts).
    public var scale: Double
    /// Baseline shift in ems of the base font, positive upwards.
    public var rise: Double
    /// An accent over the run, as a combining mark (U+0302 for `\hat`), or nil.
    public var accent: String?

    public init(text: String, italic: Bool = false, scale: Double = 1, rise: Double = 0, accent: String? = nil) {
        self.text = text; self.italic = italic; self.scale = scale; self.rise = rise; self.accent = accent
    }

    /// The text with its accent as a combining mark.
    public var plainText: String { text + (accent ?? "") }
}

/// A small TeX-like math subset for labels: text outside `$…$` is plain; inside,
/// letters are italic, `^` and `_` make super- and subscripts (one character or a
/// `{group}`), `\alpha`…`\omega` and their capitals, `\partial`, `\nabla`, `\ell`,
/// `\hat{y}`, `\mathrm{…}`, `\text{…}`, primes, and a few operators
/// (`\cdot`, `\times`, `\to`, `\leq`, …) become Unicode.
public enum MathText {
    /// Splits `source` into styled runs. Never fails: an unknown command is kept literally.
    public static func parse(_ source: String) -> [TextRun] {
        var runs: [TextRun] = []
        let chars = Array(source)
        // Find `$` pairs; a lone `$` is literal.
        var i = 0
        var plain = ""
        while i < chars.count {
            if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "$" {
                plain.append("$"); i += 2; continue
            }
            if chars[i] == "$", let close = closingDollar(chars, from: i + 1) {
                if !plain.isEmpty { runs.append(TextRun(text: plain)); plain = "" }
                var parser = MathParser(chars: Array(chars[(i + 1)..<close]))
                runs += parser.parseAll(scale: 1, rise: 0)
                i = close + 1
                continue
            }
            plain.append(chars[i]); i += 1
        }
        if !plain.isEmpty { runs.append(TextRun(text: plain)) }
        return merge(runs)
    }

    /// The text with markup removed (for file metadata, terminal output, tests).
    public static func plainText(_ source: String) -> String {
        parse(source).map(\.plainText).joined()
    }

    private static func closingDollar(_ chars: [Character], from start: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" { return j > start ? j : nil }
            j += 1
        }
        return nil
    }

    /// Joins neighbouring runs of the same style.
    static func merge(_ runs: [TextRun]) -> [TextRun] {
        var out: [TextRun] = []
        for r in runs where !r.text.isEmpty {
            if var last = out.last, last.italic == r.italic, last.scale == r.scale, last.rise == r.rise,
               last.accent == nil, r.accent == nil {
                last.text += r.text
                out[out.count - 1] = last
            } else {
                out.append(r)
            }
        }
        return out
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
        "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "partial": "∂", "nabla": "∇", "ell": "ℓ", "infty": "∞", "cdot": "·", "times": "×",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
        "neq": "≠", "ne": "≠", "approx": "≈", "pm": "±", "sum": "∑", "prod": "∏", "odot": "⊙",
        "in": "∈", "sqrt": "√", "circ": "∘", "prime": "′", "mid": "|", "vert": "|",
        "{": "{", "}": "}", "_": "_", "%": "%", "#": "#", "&": "&", ",": "\u{2009}", ";": "\u{2005}",
        ":": "\u{2005}", " ": " ", "quad": "\u{2003}", "!": "", "backslash": "\\", "|": "‖", "Vert": "‖", "lVert": "‖", "rVert": "‖",
    ]

    /// Operator names set upright.
    static let functions: Set<String> = ["log", "ln", "exp", "sin", "cos", "tan", "tanh", "max", "min",
                                         "arg", "argmin", "argmax", "det", "lim", "sup", "inf"]
    /// Greek capitals are upright in TeX; lower case italic.
    static let uprightSymbols: Set<String> = ["Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma",
                                              "Upsilon", "Phi", "Psi", "Omega", "partial", "nabla", "infty"]
}

/// Recursive-descent reader for the inside of `$…$`.
struct MathParser {
    let chars: [Character]
    var i = 0

    init(chars: [Character]) { self.chars = chars }

    static let scriptScale = 0.7
    static let superRise = 0.38
    static let subRise = -0.2

    mutating func parseAll(scale: Double, rise: Double) -> [TextRun] {
        var out: [TextRun] = []
        while i < chars.count {
            if chars[i] == "}" { i += 1; continue } // stray close brace
            out += parseAtomWithScripts(scale: scale, rise: rise)
        }
        return out
    }

    /// One atom followed by any `^`/`_` scripts.
    mutating func parseAtomWithScripts(scale: Double, rise: Double) -> [TextRun] {
        var out = parseAtom(scale: scale, rise: rise)
        while i < chars.count, chars[i] == "^" || chars[i] == "_" || chars[i] == "'" {
            let c = chars[i]
            i += 1
            if c == "'" {
                out.append(TextRun(text: "′", italic: false, scale: scale, rise: rise))
                continue
            }
            let s = scale * Self.scriptScale
            let r = rise + (c == "^" ? Self.superRise : Self.subRise) * scale
            out += parseGroupOrAtom(scale: s, rise: r)
        }
        return out
    }

    mutating func parseGroupOrAtom(scale: Double, rise: Double) -> [TextRun] {
        guard i < chars.count else { return [] }
        if chars[i] == "{" {
            i += 1
            var out: [TextRun] = []
            while i < chars.count, chars[i] != "}" {
                out += parseAtomWithScripts(scale: scale, rise: rise)
            }
            if i < chars.count { i += 1 }
            return out
        }
        return parseAtom(scale: scale, rise: rise)
    }

    /// Reads a `{…}` group's raw text (for \mathrm, \text).
    mutating func rawGroup() -> String {
        guard i < chars.count else { return "" }
        guard chars[i] == "{" else { defer { i += 1 }; return String(chars[i]) }
        i += 1
        var depth = 1
        var s = ""
        while i < chars.count {
            let c = chars[i]
            i += 1
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth == 0 { break } }
            s.append(c)
        }
        return s
    }

    mutating func parseAtom(scale: Double, rise: Double) -> [TextRun] {
        let c = chars[i]
        if c == "{" { return parseGroupOrAtom(scale: scale, rise: rise) }
        if c == "\\" {
            i += 1
            guard i < chars.count else { return [TextRun(text: "\\", scale: scale, rise: rise)] }
            var name = ""
            if chars[i].isLetter {
                while i < chars.count, chars[i].isLetter { name.append(chars[i]); i += 1 }
            } else {
                name = String(chars[i]); i += 1
            }
            switch name {
            case "mathrm", "text", "operatorname", "mathbf":
                return [TextRun(text: rawGroup(), italic: false, scale: scale, rise: rise)]
            case "mathit":
                return [TextRun(text: rawGroup(), italic: true, scale: scale, rise: rise)]
            case "hat", "bar", "tilde", "dot", "vec":
                let mark: String = ["hat": "\u{0302}", "bar": "\u{0304}", "tilde": "\u{0303}", "dot": "\u{0307}", "vec": "\u{20D7}"][name]!
                var inner = MathText.merge(parseGroupOrAtom(scale: scale, rise: rise))
                if inner.count == 1 { inner[0].accent = mark } else if !inner.isEmpty { inner[inner.count - 1].text += mark }
                return inner
            case "frac":
                let num = parseGroupOrAtom(scale: scale, rise: rise)
                let den = parseGroupOrAtom(scale: scale, rise: rise)
                return num + [TextRun(text: "/", scale: scale, rise: rise)] + den
            case "left", "right", "big", "Big", "displaystyle":
                return []
            default:
                if let sym = MathText.symbols[name] {
                    let upright = MathText.uprightSymbols.contains(name) || !(sym.first?.isLetter ?? false)
                    return [TextRun(text: sym, italic: !upright, scale: scale, rise: rise)]
                }
                if MathText.functions.contains(name) {
                    // An operator name takes a thin space before an operand that follows it (`\log a`), as TeX's \mathop does.
                    var j = i
                    while j < chars.count, chars[j] == " " { j += 1 }
                    let operand = j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "\\")
                    return [TextRun(text: name + (operand ? "\u{2009}" : ""), italic: false, scale: scale, rise: rise)]
                }
                return [TextRun(text: "\\" + name, italic: false, scale: scale, rise: rise)]
            }
        }
        i += 1
        switch c {
        case "-":
            // Binary minus (after an operand) gets thin spaces, unary minus none.
            let before = chars[..<(i - 1)].last { $0 != " " }
            let binary = before.map { $0.isLetter || $0.isNumber || ")]}|'".contains($0) } ?? false
            return [TextRun(text: binary && scale >= 1 ? "\u{2009}\u{2212}\u{2009}" : "\u{2212}", scale: scale, rise: rise)]
        case "*": return [TextRun(text: "\u{2217}", scale: scale, rise: rise)]
        case " ": return [] // TeX ignores spaces in math
        case "+", "=", "<", ">":
            return [TextRun(text: scale < 1 ? String(c) : "\u{2009}\(c)\u{2009}", scale: scale, rise: rise)]
        default:
            return [TextRun(text: String(c), italic: c.isLetter, scale: scale, rise: rise)]
        }
    }
}
