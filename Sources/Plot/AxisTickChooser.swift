import Canvas

/// Chooses ticks for one axis that fit its length: starts from a density suited to the
/// axis length and thins the ticks until no two labels overlap.
struct AxisTickChooser {
    let canvas: Canvas
    let font: Font

    /// Labelled and minor ticks within [lower, upper] for an axis `length` points long.
    func ticks(scale: AxisScale, lower: Double, upper: Double, length: Double, horizontal: Bool, integer: Bool = false,
               style: TickStyle = .number) -> [Tick] {
        let spacing = horizontal ? 3.6 * font.size : 2.6 * font.size
        var budget = max(2, min(10, Int(length / spacing)))
        let mapping = AxisMapping(scale: scale, lower: lower, upper: upper, start: 0, end: length)
        while true {
            let candidate = (style == .clockTime && scale == .linear
                ? ClockTimeTickLocator.ticks(lower: lower, upper: upper, maxTicks: budget)
                : scale.ticks(lower: lower, upper: upper, maxTicks: budget, integer: integer))
                .filter { mapping.contains($0.value) }
            if budget <= 2 || !overlaps(candidate, mapping: mapping, horizontal: horizontal) {
                return candidate
            }
            budget -= 1
        }
    }

    /// Whether two neighbouring labels would touch.
    func overlaps(_ ticks: [Tick], mapping: AxisMapping, horizontal: Bool) -> Bool {
        let labelled = ticks.filter { !$0.label.isEmpty }
            .map { (position: mapping.map($0.value), layout: RichTextLayout($0.label, font: font, canvas: canvas)) }
            .sorted { $0.position < $1.position }
        let gap = horizontal ? 0.6 * font.size : 0.25 * font.size
        for (a, b) in zip(labelled, labelled.dropFirst()) {
            let need = horizontal ? (a.layout.width + b.layout.width) / 2 : (a.layout.height + b.layout.height) / 2
            if b.position - a.position < need + gap { return true }
        }
        return false
    }
}
