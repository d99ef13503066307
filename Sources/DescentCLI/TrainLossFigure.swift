import Canvas
import CairoCanvas
import Plot

/// The loss curve of a training run (`--plot`), drawn through `LossCurveChart`.
enum TrainLossFigure {
    static func write(steps: [(Double, Double)], validation: [(Double, Double)], lossName: String, title: String, to path: String,
                      format: OutputFormat) throws {
        var curves = [LossCurve(run: "run", series: lossName, xs: steps.map(\.0), ys: steps.map(\.1))]
        if !validation.isEmpty {
            curves.append(LossCurve(run: "run", series: "validation loss", xs: validation.map(\.0), ys: validation.map(\.1)))
        }
        let theme = Theme()
        let dpi = 144.0
        var options = LossChartOptions(title: title, xLabel: "step", yLabel: "loss")
        // Log y when the loss is positive and spans more than two decades.
        let finite = steps.map(\.1).filter(\.isFinite)
        if let lo = finite.min(), let hi = finite.max(), lo > 0, hi / lo > 100 { options.logY = true }
        // The chart's own divergence note is not printed: the run already says where it diverged.
        let (axes, _) = LossCurveChart.axes(curves, options: options, theme: theme)
        let figure = Figure(size: FigureWriter.size(pixels: (960, 600), dpi: dpi), panels: [axes], theme: theme)
        try FigureWriter.write(figure, to: path, format: format, dpi: dpi, title: title)
    }
}
