import Canvas

/// Colours, fonts and sizes of a backprop graph drawing.
///
/// Values are bluish green and gradients vermillion from Okabe & Ito's colour-blind-safe
/// palette (they stay apart for deuteranopes and read on white); local derivatives blue.
public struct DiagramStyle: Sendable {
    public var fontFamily = "DejaVu Sans"
    public var nameSize = 13.0
    public var symbolSize = 13.0
    public var numberSize = 11.0
    public var valueColor = Color(hex: 0x009E73)
    public var gradientColor = Color(hex: 0xD55E00)
    public var localColor = Color(hex: 0x0072B2)
    public var textColor = Color(hex: 0x222222)
    public var wireColor = Color(hex: 0x555555)
    public var outlineColor = Color(hex: 0x333333)
    public var gateFill = Color.white
    public var variableFill = Color(hex: 0xE4EEF7)
    public var namedFill = Color(hex: 0xFBF1DA)
    public var constantFill = Color(hex: 0xF3F3F3)
    public var problemFill = Color(hex: 0xFBE1D1)
    public var currentFill = Color(hex: 0xFFF3B0)
    public var margin = 16.0

    public init() {}

    public var nameFont: Font { Font(family: fontFamily, size: nameSize) }
    public var symbolFont: Font { Font(family: fontFamily, size: symbolSize) }
    public var numberFont: Font { Font(family: fontFamily, size: numberSize) }
    public var strongNumberFont: Font { Font(family: fontFamily, size: numberSize, bold: true) }
}

/// How much of the computation a drawing shows.
public enum DiagramStage: Sendable, Equatable {
    /// Forward values only.
    case forward
    /// Values and every gradient.
    case backward
    /// The backward pass after visiting the first `visited` nodes of `Evaluation.backwardOrder`
    /// (the last of them highlighted); gradients appear on wires whose user was visited.
    case backwardStep(visited: Int)
}
