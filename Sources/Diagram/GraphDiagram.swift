import Canvas
import Plot
import Autodiff

/// A backprop figure of a computation graph in the style of CS231n's circuits: gates as
/// circles with their symbol, variables and named values as pills, every wire carrying its
/// forward value above (green) and its gradient below (vermillion).
public struct GraphDiagram: Sendable {
    /// What to draw.
    public struct Options: Sendable {
        public var direction: LayeredLayout.Direction = .leftToRight
        public var showLocal = false
        /// Write each wire's local derivative as a formula in the graph's names (with
        /// `showLocal`, followed by its number: `a(1 − a) = 0.235`).
        public var symbolicLocal = false
        public var stage: DiagramStage = .backward
        public var style = DiagramStyle()
        public init() {}
    }

    /// One drawn box: a graph node or the invisible end of the output wire.
    enum Shape { case gate(Operation), pill(String, fill: Color), constant(Double), sink }

    public let evaluation: any DiagramEvaluation
    public let options: Options
    let shapes: [Shape]
    let edges: [(from: Int, to: Int, port: Int, label: WireLabel, measured: WireLabel.Measured)]
    let nameLayouts: [RichTextLayout?]
    let captions: [WireText?]
    public let layout: LayeredLayout
    /// The colour key under the graph: which colour is the value, the gradient, the local derivative.
    let key: [(RichTextLayout, Color)]
    static let keyGap = 14.0
    /// Space between the output arrow's tip and the output's name.
    static let sinkGap = 4.0
    /// Room per input along a flattened (n-ary) gate.
    static let naryPortSpacing = 12.0
    /// Gate symbols wider than this (points) are drawn in a stadium of `longGateHeight`.
    static let longSymbol = 40.0
    static let longGateHeight = 34.0

    var keyHeight: Double { (key.map(\.0.height).max() ?? 0) + Self.keyGap }
    var keyWidth: Double { key.map(\.0.width).reduce(0, +) + Double(max(0, key.count - 1)) * 16 }

    /// The figure's size in points, margins and colour key included.
    public var size: Size {
        Size(max(layout.size.width, keyWidth) + 2 * options.style.margin, layout.size.height + keyHeight + 2 * options.style.margin)
    }

    /// Node boxes in figure coordinates (graph node ids, then the output wire's end if any).
    public var nodeRects: [Rect] { layout.nodeRects.map { offset($0) } }
    /// Wire label boxes in figure coordinates.
    public var labelRects: [Rect] { layout.routes.compactMap(\.labelRect).map { offset($0) } }

    /// Measures text on `canvas` and lays the graph out (a scalar `Evaluation` or a `TensorEvaluation`).
    public init(_ evaluation: any DiagramEvaluation, options: Options = Options(), measuringWith canvas: Canvas) {
        self.evaluation = evaluation
        self.options = options
        let graph = evaluation.graph
        let style = options.style
        let showGradient = options.stage != .forward
        let users = graph.users()
        var shapes: [Shape] = []
        var names: [RichTextLayout?] = []
        var captions: [WireText?] = []
        var sizes: [Size] = []
        let lr = options.direction == .leftToRight
        for node in graph.nodes {
            var caption: WireText?
            if showGradient && users[node.id].count > 1 {
                switch evaluation.nodeGradient(of: node.id) {
                case .scalar(let g): caption = WireText(RichTextLayout("\u{2211} " + WireLabel.text(g), font: style.numberFont, canvas: canvas))
                case .tensor(let t): caption = WireText(tensor: t, prefix: "\u{2211} ", font: style.numberFont, canvas: canvas)
                }
            }
            switch node.kind {
            case .gate(let op):
                let symbol = RichTextLayout(op.symbol, font: style.symbolFont, canvas: canvas)
                let d = max(30, symbol.width + 14)
                // A flattened gate with many inputs grows across the flow, room for a port each.
                let span = max(d, Double(node.inputs.count) * Self.naryPortSpacing)
                shapes.append(.gate(op)); names.append(symbol)
                if symbol.width > Self.longSymbol && node.inputs.count * Int(Self.naryPortSpacing) <= Int(Self.longGateHeight) {
                    // A long name (softmax) makes a stadium, not a circle as tall as the name is wide.
                    sizes.append(Size(symbol.width + 20, Self.longGateHeight))
                } else {
                    sizes.append(lr ? Size(d, span) : Size(span, d))
                }
            case .variable(let n), .named(let n):
                let text = RichTextLayout(Self.markup(n), font: style.nameFont, canvas: canvas)
                shapes.append(.pill(n, fill: node.isVariable ? style.variableFill : style.namedFill))
                names.append(text)
                sizes.append(Size(max(32, text.width + 20), 26))
            case .constant(let v):
                let text = RichTextLayout(WireLabel.text(v), font: style.numberFont, canvas: canvas)
                shapes.append(.constant(v)); names.append(text); sizes.append(Size(max(24, text.width + 12), 20))
            }
            if let caption {
                // Room for the caption on both sides keeps the wires on the pill's centre line.
                if lr { sizes[node.id].width = max(sizes[node.id].width, caption.width + 4); sizes[node.id].height += 2 * (caption.height + 3) }
                else { sizes[node.id].width += 2 * (caption.width + 6) }
            }
            captions.append(caption)
        }
        var edges: [(from: Int, to: Int, port: Int, label: WireLabel, measured: WireLabel.Measured)] = []
        var measured = WireLabel.Cache()
        var layoutEdges: [LayeredLayout.Edge] = []
        let tensorShapes = graph.nodes.indices.map { id -> [Int] in if case .tensor(let t) = evaluation.wireValue(of: id) { return t.shape } else { return [] } }
        let formulas = options.symbolicLocal ? graph.localFormulas(shapes: tensorShapes) : []
        for node in graph.nodes {
            for (k, input) in node.inputs.enumerated() {
                let label = WireLabel(value: evaluation.wireValue(of: input), gradient: evaluation.edgeGradient(of: node.id, slot: k),
                                      local: options.showLocal ? evaluation.localDerivative(of: node.id, slot: k) : nil,
                                      localFormula: options.symbolicLocal ? formulas[node.id][k] : nil)
                let m = label.measure(on: canvas, style: style, showGradient: showGradient, cache: &measured)
                edges.append((input, node.id, k, label, m))
                layoutEdges.append(.init(from: input, to: node.id, port: k, ports: node.inputs.count,
                                         labelSize: WireLabel.size(m, direction: options.direction)))
            }
        }
        // The output gets a wire of its own, ending at an invisible sink, unless it is a named
        // intermediate that nothing uses (its incoming wire already shows the value and 1).
        let output = graph.nodes[graph.output]
        if Self.needsOutputWire(graph) {
            let sink = shapes.count
            // The wire ends at the output's name, as a circuit's output terminal is labelled.
            let name = RichTextLayout(output.name.map(Self.markup) ?? "output", font: style.nameFont, canvas: canvas)
            shapes.append(.sink); names.append(name); captions.append(nil)
            sizes.append(lr ? Size(name.width + Self.sinkGap, name.height) : Size(name.width, name.height + Self.sinkGap))
            let label = WireLabel(value: evaluation.wireValue(of: output.id), gradient: evaluation.outputGradient, local: nil)
            let m = label.measure(on: canvas, style: style, showGradient: showGradient, cache: &measured)
            edges.append((output.id, sink, 0, label, m))
            layoutEdges.append(.init(from: output.id, to: sink, labelSize: WireLabel.size(m, direction: options.direction)))
        }
        self.shapes = shapes
        self.nameLayouts = names
        self.captions = captions
        self.edges = edges
        var layoutInput = LayeredLayout.Input(nodeSizes: sizes, edges: layoutEdges, direction: options.direction)
        layoutInput.commutative = Set(graph.nodes.filter { $0.operation?.isCommutative == true }.map(\.id))
        self.layout = LayeredLayout(layoutInput)
        let outputName = output.name.map(Self.markup) ?? "output"
        var key: [(RichTextLayout, Color)] = [(RichTextLayout("value (forward)", font: style.numberFont, canvas: canvas), style.valueColor)]
        if showGradient {
            key.append((RichTextLayout("gradient of \(outputName) (backward)", font: style.numberFont, canvas: canvas), style.gradientColor))
            if options.showLocal || options.symbolicLocal {
                key.append((RichTextLayout("local derivative", font: style.numberFont, canvas: canvas), style.localColor))
            }
        }
        self.key = key
    }

    /// Whether the output needs a wire of its own to show its value and gradient 1.
    public static func needsOutputWire(_ graph: ComputationGraph) -> Bool {
        let output = graph.nodes[graph.output]
        if case .named = output.kind, !graph.nodes.contains(where: { $0.inputs.contains(output.id) }) { return false }
        return true
    }

    /// `w1` and `w₁` -> `$w_{1}$`, `θ` -> `$θ$`: single letters italic; longer names upright.
    static func markup(_ name: String) -> String {
        let letters = name.prefix { $0.isLetter }
        // Subscript digits (U+2080...U+2089) become a subscript of plain digits.
        let rest = String(name.dropFirst(letters.count).unicodeScalars.map { s in
            (0x2080...0x2089).contains(s.value) ? Character(Unicode.Scalar(s.value - 0x2080 + 0x30)!) : Character(s)
        })
        if letters.count == 1 && rest.allSatisfy(\.isNumber) {
            return rest.isEmpty ? "$\(letters)$" : "$\(letters)_{\(rest)}$"
        }
        return name.replacingOccurrences(of: "_", with: "\\_").replacingOccurrences(of: "$", with: "\\$")
    }

    func offset(_ r: Rect) -> Rect { Rect(x: r.x + options.style.margin, y: r.y + options.style.margin, width: r.width, height: r.height) }

    /// Draws the figure on `canvas` (white background assumed).
    public func draw(on canvas: Canvas) {
        let style = options.style
        let order = evaluation.backwardOrder
        var visited = Set<Int>()
        var current: Int?
        var showGradient = options.stage != .forward
        if case .backwardStep(let count) = options.stage {
            visited = Set(order.prefix(count))
            current = count > 0 ? order[count - 1] : nil
            showGradient = true
        }
        func gradientVisible(_ user: Int) -> Bool {
            if case .backwardStep = options.stage {
                if user >= evaluation.graph.nodes.count { return visited.contains(evaluation.graph.output) }
                return visited.contains(user)
            }
            return showGradient
        }
        let problems = evaluation.problemNodes
        canvas.withSavedState {
            canvas.translate(by: Point(style.margin, style.margin))
            // Wires first, then labels, then nodes on top. Every wire is one colour and width, so
            // all of them are one stroke and all arrowheads one fill (one drawing operation each,
            // not one per wire: a 10,000-node graph's SVG is a third smaller and faster to write).
            var wires = Path(reservingCapacity: layout.routes.reduce(0) { $0 + $1.path.elements.count })
            var heads = Path(reservingCapacity: 4 * layout.routes.count)
            for (i, route) in layout.routes.enumerated() {
                for element in route.path.elements {
                    switch element {
                    case .move(let p): wires.move(to: p)
                    case .line(let p): wires.line(to: p)
                    case .curve(let c1, let c2, let p): wires.curve(to: p, control1: c1, control2: c2)
                    case .close: wires.close()
                    }
                }
                if case .sink = shapes[edges[i].to] { continue }
                let tip = route.end
                let d = route.endDirection, n = Point(-d.y, d.x)
                let back = Point(tip.x - d.x * 6, tip.y - d.y * 6)
                heads.move(to: tip)
                heads.line(to: Point(back.x + n.x * 3, back.y + n.y * 3))
                heads.line(to: Point(back.x - n.x * 3, back.y - n.y * 3))
                heads.close()
            }
            canvas.stroke(wires, style: StrokeStyle(color: style.wireColor, width: 1.3, cap: .round, join: .round))
            canvas.fill(heads, color: style.wireColor)
            for (i, route) in layout.routes.enumerated() {
                guard case .sink = shapes[edges[i].to] else { continue }
                ArrowShape.draw(from: Point(route.end.x - route.endDirection.x * 8, route.end.y - route.endDirection.y * 8),
                                to: route.end, color: style.wireColor, width: 1.3, headLength: 7, on: canvas)
            }
            for (i, route) in layout.routes.enumerated() {
                guard let r = route.labelRect else { continue }
                drawLabel(edges[i].measured, label: edges[i].label, in: r, gradient: gradientVisible(edges[i].to), on: canvas)
            }
            for (id, shape) in shapes.enumerated() {
                drawNode(id, shape, rect: layout.nodeRects[id], problem: problems.contains(id), current: current == id,
                         caption: gradientVisible(id) || (current != nil && visited.contains(id)) ? captions[id] : nil, on: canvas)
            }
            var x = 0.0
            let baseline = layout.size.height + Self.keyGap + (key.map(\.0.ascent).max() ?? 0)
            for (text, color) in key {
                text.draw(on: canvas, at: Point(x, baseline), color: color)
                x += text.width + 16
            }
        }
    }

    func drawLabel(_ m: WireLabel.Measured, label: WireLabel, in r: Rect, gradient: Bool, on canvas: Canvas) {
        let style = options.style
        let below = gradient ? [(m.gradient, style.gradientColor), (m.local, style.localColor)].compactMap { l, c in l.map { ($0, c) } } : []
        switch options.direction {
        case .leftToRight:
            m.value.draw(on: canvas, at: Point(r.midX, r.midY - WireLabel.wireGap), horizontal: .center, vertical: .bottom, color: style.valueColor)
            var y = r.midY + WireLabel.wireGap
            for (l, c) in below {
                l.draw(on: canvas, at: Point(r.midX, y), horizontal: .center, vertical: .top, color: c)
                y += l.height + WireLabel.lineGap
            }
        case .topToBottom:
            m.value.draw(on: canvas, at: Point(r.midX - WireLabel.wireGap, r.midY), horizontal: .right, vertical: .center, color: style.valueColor)
            let total = below.map(\.0.height).reduce(0, +) + Double(max(0, below.count - 1)) * WireLabel.lineGap
            var y = r.midY - total / 2
            for (l, c) in below {
                l.draw(on: canvas, at: Point(r.midX + WireLabel.wireGap, y), horizontal: .left, vertical: .top, color: c)
                y += l.height + WireLabel.lineGap
            }
        }
    }

    func drawNode(_ id: Int, _ shape: Shape, rect: Rect, problem: Bool, current: Bool, caption: WireText?, on canvas: Canvas) {
        let style = options.style
        let outline = StrokeStyle(color: problem ? style.gradientColor : style.outlineColor, width: problem || current ? 2.2 : 1.2)
        let center = Point(rect.midX, rect.midY)
        var body = rect
        if let c = captions[id] {
            if options.direction == .leftToRight { body = Rect(x: rect.x, y: rect.y + c.height + 3, width: rect.width, height: rect.height - 2 * (c.height + 3)) }
            else { body = Rect(x: rect.x + c.width + 6, y: rect.y, width: rect.width - 2 * (c.width + 6), height: rect.height) }
        }
        switch shape {
        case .sink:
            let at = options.direction == .leftToRight ? Point(rect.x + Self.sinkGap, center.y) : Point(center.x, rect.y + Self.sinkGap)
            nameLayouts[id]?.draw(on: canvas, at: at, horizontal: options.direction == .leftToRight ? .left : .center,
                                  vertical: options.direction == .leftToRight ? .center : .top, color: style.textColor)
        case .gate:
            let r = min(rect.width, rect.height) / 2
            let outlinePath = rect.width == rect.height ? Path.circle(center: center, radius: r) : Self.roundedRect(rect, radius: r)
            canvas.fillAndStroke(outlinePath, fill: current ? style.currentFill : (problem ? style.problemFill : style.gateFill), stroke: outline)
            nameLayouts[id]?.draw(on: canvas, at: center, horizontal: .center, vertical: .center, color: style.textColor)
        case .pill(_, let fill):
            let w = (options.direction == .leftToRight ? rect.width : body.width)
            let pill = Rect(x: center.x - w / 2, y: center.y - 13, width: w, height: 26)
            canvas.fillAndStroke(Self.roundedRect(pill, radius: 13), fill: current ? style.currentFill : fill, stroke: outline)
            nameLayouts[id]?.draw(on: canvas, at: center, horizontal: .center, vertical: .center, color: style.textColor)
        case .constant:
            canvas.fill(Self.roundedRect(body, radius: 5), color: current ? style.currentFill : style.constantFill)
            canvas.stroke(Self.roundedRect(body, radius: 5), style: StrokeStyle(color: Color(hex: 0x888888), width: 1, dash: [3, 2]))
            nameLayouts[id]?.draw(on: canvas, at: center, horizontal: .center, vertical: .center, color: style.textColor)
        }
        if let caption {
            if options.direction == .leftToRight {
                caption.draw(on: canvas, at: Point(center.x, center.y + 13 + 3), horizontal: .center, vertical: .top, color: style.gradientColor)
            } else {
                caption.draw(on: canvas, at: Point(body.maxX + 4, center.y), horizontal: .left, vertical: .center, color: style.gradientColor)
            }
        }
    }

    static func roundedRect(_ r: Rect, radius: Double) -> Path {
        let k = 0.5522847498 * radius
        var p = Path()
        p.move(to: Point(r.minX + radius, r.minY))
        p.line(to: Point(r.maxX - radius, r.minY))
        p.curve(to: Point(r.maxX, r.minY + radius), control1: Point(r.maxX - radius + k, r.minY), control2: Point(r.maxX, r.minY + radius - k))
        p.line(to: Point(r.maxX, r.maxY - radius))
        p.curve(to: Point(r.maxX - radius, r.maxY), control1: Point(r.maxX, r.maxY - radius + k), control2: Point(r.maxX - radius + k, r.maxY))
        p.line(to: Point(r.minX + radius, r.maxY))
        p.curve(to: Point(r.minX, r.maxY - radius), control1: Point(r.minX + radius - k, r.maxY), control2: Point(r.minX, r.maxY - radius + k))
        p.line(to: Point(r.minX, r.minY + radius))
        p.curve(to: Point(r.minX + radius, r.minY), control1: Point(r.minX, r.minY + radius - k), control2: Point(r.minX + radius - k, r.minY))
        p.close()
        return p
    }
}
