import Testing
@testable import Plot

@Suite("Math text")
struct MathTextTests {
    @Test("plain text has no markup")
    func plain() {
        #expect(MathText.parse("train loss") == [TextRun(text: "train loss")])
        #expect(MathText.parse("cost in $") == [TextRun(text: "cost in $")])
    }

    @Test("the course's labels", arguments: [
        ("$\\partial \\ell / \\partial w_k$", "∂ℓ/∂wk"),
        ("$\\eta$", "η"),
        ("$x^2$", "x2"),
        ("$\\sigma'(z)$", "σ′(z)"),
        ("$\\nabla_w C$", "∇wC"),
        ("$\\hat{y}$", "y\u{0302}"),
        ("learning rate $\\eta = 0.1$", "learning rate η\u{2009}=\u{2009}0.1"),
    ])
    func plainText(source: String, expected: String) {
        #expect(MathText.plainText(source) == expected)
    }

    @Test("superscripts and subscripts are smaller and shifted")
    func scripts() {
        let runs = MathText.parse("$x^2$")
        #expect(runs == [TextRun(text: "x", italic: true), TextRun(text: "2", scale: 0.7, rise: 0.38)])
        let sub = MathText.parse("$w_{k}$")
        #expect(sub == [TextRun(text: "w", italic: true), TextRun(text: "k", italic: true, scale: 0.7, rise: -0.2)])
        let nested = MathText.parse("$e^{x^2}$")
        #expect(nested.last == TextRun(text: "2", scale: 0.7 * 0.7, rise: 0.38 + 0.38 * 0.7))
    }

    @Test("Greek capitals and operators are upright, lower case italic")
    func greek() {
        #expect(MathText.parse("$\\Delta$") == [TextRun(text: "Δ", italic: false)])
        #expect(MathText.parse("$\\alpha$") == [TextRun(text: "α", italic: true)])
        // An operator name is followed by a thin space before its operand, as TeX sets \log x; not before a parenthesis.
        #expect(MathText.parse("$\\log x$") == [TextRun(text: "log\u{2009}"), TextRun(text: "x", italic: true)])
        #expect(MathText.parse("$\\max(a)$").first == TextRun(text: "max("))
    }

    @Test("unknown commands stay visible")
    func unknown() {
        #expect(MathText.plainText("$\\foo$") == "\\foo")
    }
}
