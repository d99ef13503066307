/// A value of a tensor graph: a scalar (shape `[]`), a vector (`[n]`) or a matrix (`[rows, columns]`),
/// its entries in row-major order, as a NumPy array of float64.
public struct Tensor: Sendable, Equatable, CustomStringConvertible {
    public var shape: [Int]
    public var data: [Double]

    public init(shape: [Int], data: [Double]) {
        precondition(shape.reduce(1, *) == data.count, "shape \(shape) needs \(shape.reduce(1, *)) entries, not \(data.count)")
        self.shape = shape
        self.data = data
    }

    public init(_ scalar: Double) { shape = []; data = [scalar] }

    /// A vector.
    public init(vector: [Double]) { shape = [vector.count]; data = vector }

    /// A matrix from its rows (all of one length).
    public init(rows: [[Double]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "ragged rows")
        shape = [rows.count, columns]
        data = rows.flatMap { $0 }
    }

    public static func filled(_ value: Double, shape: [Int]) -> Tensor {
        Tensor(shape: shape, data: Array(repeating: value, count: shape.reduce(1, *)))
    }

    public var rank: Int { shape.count }
    public var count: Int { data.count }
    public var isScalar: Bool { shape.isEmpty }
    /// The entry of a scalar (or of any one-entry tensor).
    public var scalar: Double { data[0] }

    /// Rows and columns as a matrix view: a scalar is 1 x 1, a vector one row.
    public var matrixShape: (rows: Int, columns: Int) {
        switch rank {
        case 0: return (1, 1)
        case 1: return (1, shape[0])
        default: return (shape[0], shape[1])
        }
    }

    /// The entries as rows (a vector is one row).
    public var rows: [[Double]] {
        let (r, c) = matrixShape
        return (0..<r).map { i in Array(data[(i * c)..<((i + 1) * c)]) }
    }

    /// The shape as NumPy prints it: `()`, `(3,)`, `(3, 2)`.
    public var shapeText: String { Self.shapeText(shape) }

    public static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// `7`, `[7, 6, 9]`, `[[3, 2], [4, 1]]`.
    public var description: String {
        switch rank {
        case 0: return NumberText.compact(data[0])
        case 1: return "[" + data.map { NumberText.compact($0) }.joined(separator: ", ") + "]"
        default: return "[" + rows.map { "[" + $0.map { NumberText.compact($0) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
    }

    /// The same entries, each mapped.
    public func map(_ f: (Double) -> Double) -> Tensor { Tensor(shape: shape, data: data.map(f)) }
}
