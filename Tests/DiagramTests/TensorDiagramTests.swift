import Testing
import Canvas
import Autodiff
@testable import Diagram

/// Tensors on wires: in full up to 3 x 3, bigger ones as their shape and corner entries, and
/// nothing overlapping in either direction.
@Suite("Tensor diagrams")
struct TensorDiagramTests {
    var canvas: RecordingCanvas { RecordingCanvas(size: Size(100, 100)) }

    func diagram(_ source: String, _ values: [String: Tensor], direction: LayeredLayout.Direction = .leftToRight) throws -> GraphDiagram {
        let e = try TensorEvaluation(ComputationGraph(parsing: source), values: values)
        var o = GraphDiagram.Options()
        o.direction = direction
        o.showLocal = true
        return GraphDiagram(e, options: o, measuringWith: canvas)
    }

    /// The rows of cells a wire text shows, and its caption's presence.
    func cells(_ t: Tensor) -> (rows: Int, columns: Int, caption: Bool) {
        let text = WireText(tensor: t, font: DiagramStyle().numberFont, canvas: canvas)
        guard case .matrix(let m) = text.content else { return (1, 1, false) }
        return (m.rowCount, m.columnCount, m.hasCaption)
    }

    @Test("3 x 3 is drawn in full; 4 x 5 as its shape over two rows, an ellipsis and the last (the same for columns)")
    func abbreviation() {
        let full = cells(Tensor(rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
        #expect(full.rows == 3 && full.columns == 3 && !full.caption)
        let big = cells(Tensor(shape: [4, 5], data: (0..<20).map(Double.init)))
        #expect(big.rows == 4 && big.columns == 4 && big.caption)
        let long = cells(Tensor(vector: (0..<10).map(Double.init)))
        #expect(long.rows == 1 && long.columns == 4 && long.caption)
    }

    @Test("the lab and a bigger network: no label overlaps a node or another label", arguments: LayeredLayout.Direction.allCases)
    func noOverlaps(direction: LayeredLayout.Direction) throws {
        let lab = try diagram("z = x @ W.T; yhat = relu(z); L = mse(yhat, y)",
                              ["x": Tensor(vector: [1, 2]), "W": Tensor(rows: [[3, 2], [4, 1], [5, 2]]), "y": Tensor(vector: [1, 4, 4])],
                              direction: direction)
        let net = try diagram("h = relu(x @ W1.T + b1); p = softmax(h @ W2.T); L = ce(p, y)",
                              ["x": Tensor(shape: [2, 4], data: (0..<8).map { Double($0) / 8 }),
                               "W1": Tensor(shape: [5, 4], data: (0..<20).map { Double($0 % 7) / 7 - 0.4 }),
                               "b1": Tensor(vector: [0, 0.1, 0, 0.1, 0]),
                               "W2": Tensor(shape: [2, 5], data: (0..<10).map { Double($0 % 3) - 1 }),
                               "y": Tensor(rows: [[1, 0], [0, 1]])], direction: direction)
        for d in [lab, net] {
            let boxes = d.nodeRects + d.labelRects
            for i in boxes.indices {
                for j in boxes.indices where j > i {
                    #expect(!boxes[i].intersects(boxes[j]), "box \(i) \(boxes[i]) overlaps \(j) \(boxes[j])")
                }
                #expect(boxes[i].maxX <= d.size.width + 1e-9 && boxes[i].maxY <= d.size.height + 1e-9)
            }
        }
    }
}
