import Canvas

/// Titles and axis labels longer than the room they have: set smaller (down to 60%), then,
/// for plain text, cut with an ellipsis, so no label is clipped at the figure's edges.
enum LabelFitting {
    static let smallestScale = 0.6

    /// `markup` laid out in `font`, at most `room` points wide.
    static func fitted(_ markup: String, font: Font, room: Double, canvas: Canvas) -> RichTextLayout {
        let layout = RichTextLayout(markup, font: font, canvas: canvas)
        guard room > 0, layout.width > room else { return layout }
        var smaller = font
        smaller.size = font.size * max(smallestScale, room / layout.width)
        let shrunk = RichTextLayout(markup, font: smaller, canvas: canvas)
        // Math markup is not cut (a cut could split a $...$ span).
        guard shrunk.width > room, !markup.contains("$") else { return shrunk }
        var characters = Array(markup)
        while characters.count > 1 {
            let cut = max(1, characters.count * 9 / 10)
            characters = Array(characters.prefix(cut))
            let candidate = RichTextLayout(String(characters).trimmingTrailingSpaces + "\u{2026}", font: smaller, canvas: canvas)
            if candidate.width <= room { return refine(markup, font: smaller, room: room, canvas: canvas, shorterThan: cut + cut / 9 + 1) ?? candidate }
        }
        return shrunk
    }

    /// The longest prefix (with an ellipsis) that fits, searched one character at a time below `limit`.
    static func refine(_ markup: String, font: Font, room: Double, canvas: Canvas, shorterThan limit: Int) -> RichTextLayout? {
        let characters = Array(markup)
        var n = min(limit, characters.count)
        while n > 0 {
            let candidate = RichTextLayout(String(characters.prefix(n)).trimmingTrailingSpaces + "\u{2026}", font: font, canvas: canvas)
            if candidate.width <= room { return candidate }
            n -= 1
        }
        return nil
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
