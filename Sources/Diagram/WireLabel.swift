import Canvas
import Plot
import Autodiff

/// The numbers written on one wire: value above, gradient below, optional local derivative.
struct WireLabel {
    var value: WireNumber
    var gradient: WireNumber
    var local: WireNumber?
    /// The local derivative as a formula (`--local symbolic`), drawn before the number if both.
    var localFormula: Formula?

    /// Number text with a typographic minus sign.
    static func text(_ v: Double, digits: Int = 4) -> String {
        if v.isInfinite { return v > 0 ? "\u{221E}" : "\u{2212}\u{221E}" }
        // A scalar loop: Foundation's replacingOccurrences costs more than the layout on big graphs.
        var out = ""
        for ch in NumberText.compact(v, digits: digits).unicodeScalars { out.unicodeScalars.append(ch == "-" ? "\u{2212}" : ch) }
        return out
    }

    /// A formula as label markup: names as the graph draws them (`a`, `$w_{1}$`), typographic minus signs.
    static func markup(_ formula: Formula) -> String {
        formula.pieces.map { piece in
            switch piece {
            case .name(let n): return sourceMarkup(n)
            case .symbol(let s): return symbolMarkup(s)
            }
        }.joined()
    }

    static func symbolMarkup(_ s: String) -> String {
        s.replacingOccurrences(of: "-", with: "\u{2212}").replacingOccurrences(of: " * ", with: " \u{00B7} ").replacingOccurrences(of: "$", with: "\\$")
    }

    /// A name, or an unnamed input's source text (`1 - a`, `w * x`): its names as the graph
    /// draws them (function names upright), the rest as symbols.
    static func sourceMarkup(_ text: String) -> String {
        var out = "", word = "", rest = ""
        let chars = Array(text)
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        var i = 0
        while i < chars.count {
            if isWord(chars[i]) {
                if !rest.isEmpty { out += symbolMarkup(rest); rest = "" }
                word = ""
                while i < chars.count && isWord(chars[i]) { word.append(chars[i]); i += 1 }
                let isCall = i < chars.count && chars[i] == "("
                out += isCall || word.first!.isNumber ? word : GraphDiagram.markup(word)
            } else {
                rest.append(chars[i]); i += 1
            }
        }
        return out + symbolMarkup(rest)
    }

    struct Measured {
        var value: WireText
        var gradient: WireText?
        var local: WireText?
    }

    /// Measured number texts by text and weight: a big graph repeats the same few values.
    typealias Cache = [String: RichTextLayout]

    func measure(on canvas: Canvas, style: DiagramStyle, showGradient: Bool, cache: inout Cache) -> Measured {
        func layout(_ number: WireNumber, prefix: String = "") -> WireText {
            guard case .scalar(let v) = number else {
                guard case .tensor(let t) = number else { fatalError() }
                return WireText(tensor: t, prefix: prefix, font: style.numberFont, canvas: canvas)
            }
            let text = prefix + Self.text(v)
            let key = v.isFinite ? text : "\u{0}" + text
            if let known = cache[key] { return WireText(known) }
            let made = RichTextLayout(text, font: v.isFinite ? style.numberFont : style.strongNumberFont, canvas: canvas)
            cache[key] = made
            return WireText(made)
        }
        var localText: WireText?
        // A number formula (`1`, `-1`) is its own value: written once.
        if showGradient, let localFormula, !(local != nil && { if case .number = localFormula { return true } else { return false } }()),
           case .tensor(let t)? = local {
            // The formula as the tensor's caption, its entries below.
            localText = WireText(tensor: t, prefix: "local " + Self.markup(localFormula) + " = ", font: style.numberFont, canvas: canvas)
        } else if showGradient, let localFormula, !(local != nil && { if case .number = localFormula { return true } else { return false } }()) {
            let scalar: Double? = { if case .scalar(let v)? = local { return v } else { return nil } }()
            let text = "local " + Self.markup(localFormula) + (scalar.map { " = " + Self.text($0) } ?? "")
            let made = cache[text] ?? RichTextLayout(text, font: style.numberFont, canvas: canvas)
            cache[text] = made
            localText = WireText(made)
        } else if showGradient, let local {
            localText = layout(local, prefix: "local ")
        }
        return Measured(value: layout(value), gradient: showGradient ? layout(gradient) : nil, local: localText)
    }

    static let wireGap = 3.0
    static let lineGap = 1.0

    /// The label box: the wire runs through its middle (LR: value above, the rest below;
    /// TB: value left, the rest right).
    static func size(_ m: Measured, direction: LayeredLayout.Direction) -> Size {
        let below = [m.gradient, m.local].compactMap { $0 }
        switch direction {
        case .leftToRight:
            let width = ([m.value] + below).map(\.width).max()! + 4
            let top = m.value.height
            let bottom = below.map(\.height).reduce(0, +) + Double(max(0, below.count - 1)) * lineGap
            return Size(width, 2 * (max(top, bottom) + wireGap))
        case .topToBottom:
            let side = max(m.value.width, below.map(\.width).max() ?? 0) + wireGap + 2
            let height = max(m.value.height, below.map(\.height).reduce(0, +) + Double(max(0, below.count - 1)) * lineGap)
            return Size(2 * side, height + 4)
        }
    }
}
