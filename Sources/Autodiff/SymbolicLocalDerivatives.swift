/// Symbolic local derivatives: one rule per operation, written in the graph's own names, so a
/// wire can show `a(1 - a)` beside (or instead of) its number.
public enum SymbolicLocalDerivatives {
    /// d(output)/d(input k) for each input of a gate named `operation` (an `Operation`'s raw
    /// value), given the inputs' formulas and, when the program names it, the output's name
    /// (`sigmoid` then reads `a(1 - a)` rather than `sigmoid(z)(1 - sigmoid(z))`). Nil for an
    /// operation without a rule.
    public static func rule(_ operation: String, inputs x: [Formula], output named: Formula?) -> [Formula]? {
        func y(_ call: String) -> Formula { named ?? .call(call, x[0]) }
        let one = Formula.number(1)
        switch operation {
        case "add", "transpose", "sum", "mean": return x.map { _ in one }
        case "sub": return [one, .number(-1)]
        case "neg": return [.number(-1)]
        case "mul", "matmul":
            // d/dx_k of a product is the product of the other factors.
            return x.indices.map { k in x.indices.filter { $0 != k }.map { x[$0] }.reduce(one, *) }
        case "div": return [one / x[1], -(x[0] / Formula.power(x[1], .number(2)))]
        case "pow":
            let value = named ?? Formula.power(x[0], x[1])
            return [x[1] * Formula.power(x[0], x[1] - one), value * .call("log", x[0])]
        case "exp": return [y("exp")]
        case "log": return [one / x[0]]
        case "sqrt": return [one / (.number(2) * y("sqrt"))]
        case "abs": return [.call("sign", x[0])]
        case "sin": return [.call("cos", x[0])]
        case "cos": return [-.call("sin", x[0])]
        case "tanh": return [one - Formula.power(y("tanh"), .number(2))]
        case "sigmoid": let s = y("sigmoid"); return [s * (one - s)]
        case "relu": return [.indicator(x[0], ">", .number(0))]
        case "max", "min":
            // The first argument attaining the extreme takes the gradient: ties go left.
            guard x.count == 2 else { return nil }
            let (strict, loose) = operation == "max" ? (">", ">=") : ("<", "<=")
            return [.indicator(x[0], loose, x[1]), .indicator(x[1], strict, x[0])]
        case "mse": return [x[0] - x[1], x[1] - x[0]]
        case "bce":
            // -(y log a + (1 - y) log(1 - a)): d/da = (a - y)/(a(1 - a)), d/dy = log(1 - a) - log(a).
            let a = x[0], t = x[1]
            return [(a - t) / (a * (one - a)), .call("log", one - a) - .call("log", a)]
        case "ce": return [-(x[1] / x[0]), -.call("log", x[0])]
        default: return nil
        }
    }
}

extension ComputationGraph {
    /// How a node's value is written where it is used: a variable's or named value's name, a
    /// constant's number, an unnamed gate's source text.
    public func formula(of id: Int) -> Formula {
        switch nodes[id].kind {
        case .variable(let n), .named(let n): return .name(n)
        case .constant(let v): return .number(v)
        case .gate: return .name(text(of: id))
        }
    }

    /// Every edge's local derivative as a formula, by node and input slot (as
    /// `Evaluation.localDerivatives`); nil where an operation has no rule (n-ary max/min).
    /// With the nodes' `shapes` (a tensor graph's), the reductions divide as their tensors do:
    /// a loss gate over m rows by m (the course's mse = sum((yhat - y)^2)/2m), a mean of n entries by n.
    public func localFormulas(shapes: [[Int]]? = nil) -> [[Formula?]] {
        let users = users()
        return nodes.map { node in
            switch node.kind {
            case .variable, .constant: return []
            case .named: return [.number(1)]
            case .gate(let op):
                // The gate's value has a name when its one use is a statement's name (`a = sigmoid(z)`).
                var output: Formula?
                if users[node.id].count == 1, case .named(let n) = nodes[users[node.id][0]].kind { output = .name(n) }
                guard var rules = SymbolicLocalDerivatives.rule(op.rawValue, inputs: node.inputs.map(formula(of:)), output: output) else {
                    return node.inputs.map { _ in nil }
                }
                if let shapes, let first = node.inputs.first {
                    let shape = shapes[first]
                    switch op {
                    case .mse, .bce, .ce:
                        let m = shape.count == 2 ? shape[0] : 1
                        if m > 1 { rules = rules.map { $0 / .number(Double(m)) } }
                    case .mean:
                        let n = shape.reduce(1, *)
                        if n > 1 { rules = [.number(1) / .number(Double(n))] }
                    default: break
                    }
                }
                return rules.map(Optional.some)
            }
        }
    }
}
