import Foundation

/// `descent graph --local [numeric|symbolic|both]`: how each wire's local derivative is written.
enum GraphLocalMode: String, CaseIterable {
    case numeric, symbolic, both

    var showsNumber: Bool { self != .symbolic }
    var showsFormula: Bool { self != .numeric }

    /// The mode `--local`'s value names, or nil when that value is not a mode: `--local` takes
    /// the next argument if it is not an option, so `--local x=1` or `--local "x * y"` hand
    /// back an argument that belongs to the expression or its values.
    static func resolve(_ text: String?) -> (mode: GraphLocalMode?, stray: String?) {
        guard let text else { return (nil, nil) }
        if text.isEmpty { return (.numeric, nil) }
        if let mode = GraphLocalMode(rawValue: text.lowercased()) { return (mode, nil) }
        return (.numeric, text)
    }

    /// Puts an argument `--local` took back among the positional ones: a NAME=NUMBER value joins
    /// the values; anything else was the expression, written before the values.
    static func restore(_ stray: String, expression: inout String?, assignments: inout [String]) throws {
        let parts = stray.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let isValue = parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && Double(parts[1]) != nil
        if isValue {
            assignments.insert(stray, at: 0)
        } else if expression != nil && stray.allSatisfy({ $0.isLetter }) {
            throw UserError("--local '\(stray)': expected numeric, symbolic or both (or nothing)")
        } else {
            if let e = expression { assignments.insert(e, at: 0) }
            expression = stray
        }
    }
}
