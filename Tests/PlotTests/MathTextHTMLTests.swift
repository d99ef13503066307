import Plot
import Testing

/// Math text on web pages: the gallery's headings and alt texts.
@Suite("Math text as HTML and Unicode")
struct MathTextHTMLTests {
    @Test("scripts become <sup>/<sub>, letters <i>, and text is escaped")
    func html() {
        let h = MathText.html("Loss $L(w) = w^2$ & $x_1$ <b>")
        #expect(h.contains("<sup>2</sup>"))
        #expect(h.contains("<sub>1</sub>"))
        #expect(h.contains("<i>w</i>"))
        #expect(h.contains("&amp;") && h.contains("&lt;b&gt;"))
        #expect(!h.contains("$"))
    }

    @Test("scripts become Unicode super- and subscripts where they exist, else ^(…)")
    func unicode() {
        #expect(MathText.unicodeText("$w^2$") == "w²")
        #expect(MathText.unicodeText("$x_1 + x_{12}$") == "x₁ + x₁₂")
        #expect(MathText.unicodeText("$e^{-x}$") == "e⁻ˣ" || MathText.unicodeText("$e^{-x}$") == "e^(−x)")
        #expect(MathText.unicodeText("$W^{b}$") == "W^(b)")
    }
}
