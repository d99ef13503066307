import Testing
@testable import Autodiff

/// Precedence and associativity, statements, and error messages with positions.
@Suite("Parser")
struct ParserTests {
    static let precedence: [(String, String)] = [
        ("x + y * z", "(+ x (* y z))"),
        ("x * y + z", "(+ (* x y) z)"),
        ("x - y - z", "(- (- x y) z)"),
        ("x / y / z", "(/ (/ x y) z)"),
        ("x ^ y ^ z", "(^ x (^ y z))"),
        ("x ** y ** z", "(^ x (^ y z))"),
        ("-x^2", "(neg (^ x 2))"),
        ("-x ** 2", "(neg (^ x 2))"),
        ("2^-x", "(^ 2 (neg x))"),
        ("-2^2", "(neg (^ 2 2))"),
        ("-2 * x", "(* -2 x)"),
        ("--x", "(neg (neg x))"),
        ("+x", "x"),
        ("(x + y) * z", "(* (+ x y) z)"),
        ("x * -y", "(* x (neg y))"),
        ("a * b ^ c", "(* a (^ b c))"),
        ("1e-3 * x", "(* 1e-3 x)"),
        ("2.5E+2 + .5", "(+ 250 0.5)"),
        ("max(x, y, z) + min(a, b)", "(+ (max x y z) (min a b))"),
        ("pow(x, 2)", "(^ x 2)"),
        ("sigmoid(w * x + b)", "(sigmoid (+ (* w x) b))"),
        ("x × y · z − w", "(- (* (* x y) z) w)"),
    ]

    @Test("precedence and associativity", arguments: precedence)
    func table(source: String, expected: String) throws {
        #expect(try Parser.parseExpression(source).sExpression == expected)
    }

    @Test("statements: ';' and newlines, rebinding, last is the output")
    func statements() throws {
        let p = try Parser.parse("q = x + y; f = q * z\n\n")
        #expect(p.statements.map(\.name) == ["q", "f"])
        let g = ComputationGraph(p)
        #expect(g.nodes[g.output].name == "f")
        let r = try ComputationGraph(parsing: "c = 1; c = c + 1\nc = c * x")
        let e = try Evaluation(r, values: ["x": 5])
        #expect(e.outputValue == 10)
        #expect(r.variables.map(\.name) == ["x"])
    }

    @Test("'#' comments run to the end of the line")
    func comments() throws {
        let g = try ComputationGraph(parsing: "# the course's example\nq = x + y  # add gate\nf = q * z")
        #expect(g.nodes[g.output].name == "f")
        #expect(try Evaluation(g, values: ["x": -2, "y": 5, "z": -4]).outputValue == -12)
    }

    static let errors: [(String, String, Int)] = [
        ("(x + y * z", "expected ')' to close the '(' at column 1, found the end of the expression", 10),
        ("x + * y", "expected a number, a name, '(' or '[', found '*'", 4),
        ("sigmod(x)", "unknown function 'sigmod', did you mean 'sigmoid'?", 0),
        ("x $ y", "unexpected character '$'", 2),
        ("2x", "expected an operator after the number, found 'x'", 1),
        ("max(x)", "max takes two or more arguments, found 1", 0),
        ("exp(x, y)", "exp takes 1 argument, found 2", 0),
        ("x y", "expected an operator, ';' or a newline, found name 'y'", 2),
        ("1e", "expected digits after the exponent", 2),
        ("", "empty expression", 0),
        ("exp = 2", "'exp' is a function and cannot be assigned", 0),
    ]

    @Test("errors carry a message and a position", arguments: errors)
    func error(source: String, message: String, offset: Int) {
        do {
            _ = try Parser.parse(source)
            Issue.record("\(source) parsed")
        } catch let e as ExpressionError {
            #expect(e.message.hasPrefix(message) || e.message.contains(message), "\(e.message)")
            #expect(e.start == offset)
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("the rendered error puts a caret under the position")
    func caret() throws {
        let source = "q = x + y\nf = (q * z"
        do {
            _ = try Parser.parse(source)
        } catch let e as ExpressionError {
            let lines = e.render(in: source).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[0].hasPrefix("expression:2:11: expected ')'"))
            #expect(lines[1] == "    f = (q * z")
            #expect(lines[2] == "              ^")
        }
    }

    @Test("nesting is bounded")
    func deep() {
        #expect(throws: ExpressionError.self) { try Parser.parse(String(repeating: "(", count: 10000) + "x") }
        #expect(throws: ExpressionError.self) { try Parser.parse(String(repeating: "-", count: 10000) + "x") }
    }

    static let numberTexts: [(Double, String)] = [(-12.0, "-12"), (3, "3"), (0.5, "0.5"), (1.2e-3, "1.2e-3"), (-0.25, "-0.25"),
                                         (1.0 / 3, "0.3333"), (123.456, "123.5"), (2.5e7, "2.5e7"), (0, "0"),
                                         (Double.nan, "NaN"), (-Double.infinity, "-Inf"), (0.1 + 0.2, "0.3")]

    @Test("compact numbers", arguments: numberTexts)
    func numbers(value: Double, text: String) {
        #expect(NumberText.compact(value) == text)
    }
}
