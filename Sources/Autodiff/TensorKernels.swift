/// The forward value and the vector-Jacobian product of every operation on tensors, as NumPy
/// and PyTorch define them:
/// - elementwise operations (+ - * / ^, max, min and the functions) broadcast their operands by
///   NumPy's rule (shapes aligned on the right; each dimension equal, or 1, or missing), and take
///   each entry's value and local derivatives from the scalar `Operation`, so the rules at kinks
///   (relu'(0) = 0, ...) are the scalar ones; a gradient is summed over the dimensions its operand
///   was broadcast along;
/// - `a @ b` is `numpy.matmul` for vectors and matrices (a vector is a row on the left, a column on
///   the right; vector @ vector is the inner product);
/// - `W.T` swaps a matrix's axes (a vector or scalar is its own transpose);
/// - `[a, b]` stacks entries of one shape along a new first axis (`numpy.stack`);
/// - `sum` and `mean` reduce over every entry; `softmax` runs along the last axis (each row of a matrix);
/// - the loss gates sum over the last axis and average over a matrix's rows (the samples):
///   `mse(yhat, y) = sum((yhat - y)^2) / (2 m)` (the course's L = 1/2 sum_i (yhat_i - y_i)^2, and its
///   batch lab's 0.5 / m sum), `bce(a, y) = -sum(y log a + (1 - y) log(1 - a)) / m`,
///   `ce(p, y) = -sum(y log p) / m` (terms with y = 0 count 0); m = 1 for a vector or scalar.
enum TensorKernels {
    /// A shape problem, said without position (the evaluation adds the operator's).
    struct ShapeProblem: Error { var message: String }

    static func forward(_ op: Operation, _ x: [Tensor]) throws(ShapeProblem) -> Tensor {
        switch op {
        case .matmul: return try matmul(x[0], x[1]).value
        case .transpose: return transpose(x[0])
        case .sum: return Tensor(x[0].data.reduce(0, +))
        case .mean: return Tensor(x[0].data.reduce(0, +) / Double(x[0].count))
        case .softmax: return softmax(x[0])
        case .stack:
            guard x.allSatisfy({ $0.shape == x[0].shape }) else {
                throw ShapeProblem(message: "'[...]': entries of shapes " + x.map(\.shapeText).joined(separator: ", ") + " do not stack (all need one shape)")
            }
            guard x[0].rank < 2 else { throw ShapeProblem(message: "'[...]': stacking matrices would make a 3-D array; only vectors and matrices are supported") }
            return Tensor(shape: [x.count] + x[0].shape, data: x.flatMap(\.data))
        case .mse, .bce, .ce:
            let m = try lossRows(op, x)
            var total = 0.0
            for i in x[0].data.indices { total += op.value([x[0].data[i], x[1].data[i]]) }
            return Tensor(total / Double(m))
        default:
            let (shape, maps) = try broadcast(op, x.map(\.shape))
            var out = [Double](repeating: 0, count: shape.reduce(1, *))
            var args = [Double](repeating: 0, count: x.count)
            for o in out.indices {
                for k in x.indices { args[k] = x[k].data[maps[k][o]] }
                out[o] = op.value(args)
            }
            return Tensor(shape: shape, data: out)
        }
    }

    /// The gradient sent to each input for the output's gradient `g`, and, for elementwise
    /// gates whose input has the output's shape, the local derivatives d out_i / d in_i.
    static func backward(_ op: Operation, _ x: [Tensor], output y: Tensor, gradient g: Tensor) -> (gradients: [Tensor], locals: [Tensor?]) {
        switch op {
        case .matmul:
            let (a, b, m, k, n) = try! matmul(x[0], x[1]).factors
            // dA = g B^T (m x k), dB = A^T g (k x n).
            var da = [Double](repeating: 0, count: m * k), db = [Double](repeating: 0, count: k * n)
            for i in 0..<m {
                for j in 0..<n {
                    let gij = g.data[i * n + j]
                    if gij == 0 { continue }
                    for t in 0..<k {
                        da[i * k + t] += gij * b[t * n + j]
                        db[t * n + j] += a[i * k + t] * gij
                    }
                }
            }
            return ([Tensor(shape: x[0].shape, data: da), Tensor(shape: x[1].shape, data: db)], [nil, nil])
        case .transpose: return ([transpose(g)], [nil])
        case .stack:
            let c = x[0].count
            return (x.indices.map { k in Tensor(shape: x[k].shape, data: Array(g.data[(k * c)..<((k + 1) * c)])) }, x.map { _ in nil })
        // A reduction to one number has a local derivative of its input's shape: d(out)/d(x_i).
        case .sum: return ([Tensor.filled(g.scalar, shape: x[0].shape)], [Tensor.filled(1, shape: x[0].shape)])
        case .mean:
            let n = Double(x[0].count)
            return ([Tensor.filled(g.scalar / n, shape: x[0].shape)], [Tensor.filled(1 / n, shape: x[0].shape)])
        case .softmax:
            // Per row: dz = p (g - sum(g p)).
            let c = y.rank == 0 ? 1 : y.shape[y.rank - 1]
            var out = [Double](repeating: 0, count: y.count)
            for r in 0..<(y.count / max(1, c)) {
                var dot = 0.0
                for j in 0..<c { dot += g.data[r * c + j] * y.data[r * c + j] }
                for j in 0..<c { out[r * c + j] = y.data[r * c + j] * (g.data[r * c + j] - dot) }
            }
            return ([Tensor(shape: y.shape, data: out)], [nil])
        case .mse, .bce, .ce:
            let m = Double(x[0].rank == 2 ? x[0].shape[0] : 1)
            let scale = g.scalar / m
            var da = [Double](repeating: 0, count: x[0].count), dy = da
            var la = da, ly = da
            var locals: [Double] = []
            for i in x[0].data.indices {
                op.localDerivatives([x[0].data[i], x[1].data[i]], output: 0, into: &locals)
                la[i] = locals[0] / m; ly[i] = locals[1] / m
                da[i] = scale == 0 ? 0 : scale * locals[0]
                dy[i] = scale == 0 ? 0 : scale * locals[1]
            }
            // The loss is one number: its local derivative by each input is a tensor of that input's shape.
            return ([Tensor(shape: x[0].shape, data: da), Tensor(shape: x[1].shape, data: dy)],
                    [Tensor(shape: x[0].shape, data: la), Tensor(shape: x[1].shape, data: ly)])
        default:
            let maps = try! broadcast(op, x.map(\.shape)).maps
            var grads = x.map { Tensor.filled(0, shape: $0.shape) }
            var localData = x.map { _ in [Double](repeating: 0, count: y.count) }
            var args = [Double](repeating: 0, count: x.count)
            var locals: [Double] = []
            for o in y.data.indices {
                for k in x.indices { args[k] = x[k].data[maps[k][o]] }
                op.localDerivatives(args, output: y.data[o], into: &locals)
                let go = g.data[o]
                for k in x.indices {
                    localData[k][o] = locals[k]
                    grads[k].data[maps[k][o]] += go == 0 ? 0 : go * locals[k]
                }
            }
            let shown = x.indices.map { k in x[k].shape == y.shape ? Tensor(shape: y.shape, data: localData[k]) : nil }
            return (grads, shown)
        }
    }

    // MARK: - Shapes

    /// The broadcast shape of `shapes` and, per operand, its entry for each output entry.
    static func broadcast(_ op: Operation, _ shapes: [[Int]]) throws(ShapeProblem) -> (shape: [Int], maps: [[Int]]) {
        let rank = shapes.map(\.count).max() ?? 0
        var shape = [Int](repeating: 1, count: rank)
        for s in shapes {
            for (d, n) in s.enumerated() {
                let axis = rank - s.count + d
                if shape[axis] == 1 { shape[axis] = n } else if n != 1 && n != shape[axis] {
                    let list = shapes.map { Tensor.shapeText($0) }.joined(separator: " and ")
                    throw ShapeProblem(message: "'\(op.asciiSymbol)': shapes \(list) do not broadcast (NumPy's rule: "
                                       + "from the right, each dimension equal or 1)")
                }
            }
        }
        let count = shape.reduce(1, *)
        let maps = shapes.map { s -> [Int] in
            if s == shape { return Array(0..<count) }
            // Strides of the operand, 0 along dimensions it is broadcast on.
            var strides = [Int](repeating: 0, count: rank)
            var step = 1
            for d in stride(from: s.count - 1, through: 0, by: -1) {
                strides[rank - s.count + d] = s[d] == 1 ? 0 : step
                step *= s[d]
            }
            var map = [Int](repeating: 0, count: count)
            var index = [Int](repeating: 0, count: rank)
            for o in 0..<count {
                var flat = 0
                for d in 0..<rank { flat += index[d] * strides[d] }
                map[o] = flat
                var d = rank - 1
                while d >= 0 { index[d] += 1; if index[d] < shape[d] { break }; index[d] = 0; d -= 1 }
            }
            return map
        }
        return (shape, maps)
    }

    static func lossRows(_ op: Operation, _ x: [Tensor]) throws(ShapeProblem) -> Int {
        guard x[0].shape == x[1].shape else {
            throw ShapeProblem(message: "'\(op.rawValue)': the prediction's shape \(x[0].shapeText) and the target's \(x[1].shapeText) differ (a loss gate compares entry by entry)")
        }
        return x[0].rank == 2 ? max(1, x[0].shape[0]) : 1
    }

    // MARK: - Matrix product, transpose, softmax

    /// The product and its operands as row-major m x k and k x n matrices.
    static func matmul(_ a: Tensor, _ b: Tensor) throws(ShapeProblem) -> (value: Tensor, factors: ([Double], [Double], Int, Int, Int)) {
        guard a.rank > 0, b.rank > 0 else {
            throw ShapeProblem(message: "'@': shapes \(a.shapeText) and \(b.shapeText): the matrix product needs vectors or matrices, not scalars (use * for a scalar)")
        }
        guard a.rank <= 2, b.rank <= 2 else {
            throw ShapeProblem(message: "'@': shapes \(a.shapeText) and \(b.shapeText): only vectors and matrices are supported")
        }
        let m = a.rank == 1 ? 1 : a.shape[0], k = a.shape[a.rank - 1]
        let kb = b.shape[0], n = b.rank == 1 ? 1 : b.shape[1]
        guard k == kb else {
            throw ShapeProblem(message: "'@': shapes \(a.shapeText) and \(b.shapeText) do not fit: the left operand's last dimension is \(k), "
                               + "the right operand's first is \(kb)")
        }
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for t in 0..<k {
                let ait = a.data[i * k + t]
                for j in 0..<n { out[i * n + j] += ait * b.data[t * n + j] }
            }
        }
        let shape: [Int] = (a.rank == 1 ? [] : [m]) + (b.rank == 1 ? [] : [n])
        return (Tensor(shape: shape, data: out), (a.data, b.data, m, k, n))
    }

    static func transpose(_ a: Tensor) -> Tensor {
        guard a.rank == 2 else { return a }
        let r = a.shape[0], c = a.shape[1]
        var out = [Double](repeating: 0, count: a.count)
        for i in 0..<r { for j in 0..<c { out[j * r + i] = a.data[i * c + j] } }
        return Tensor(shape: [c, r], data: out)
    }

    /// exp(z - max z) / sum, along the last axis (stable for large logits).
    static func softmax(_ z: Tensor) -> Tensor {
        let c = z.rank == 0 ? 1 : z.shape[z.rank - 1]
        var out = z.data
        for r in 0..<(z.count / max(1, c)) {
            let row = (r * c)..<((r + 1) * c)
            let top = z.data[row].max()!
            var total = 0.0
            for i in row { out[i] = Foundation.exp(z.data[i] - top); total += out[i] }
            for i in row { out[i] /= total }
        }
        return Tensor(shape: z.shape, data: out)
    }
}

import Foundation
