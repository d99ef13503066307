/// A comma-separated list of numbers on the command line (`--input 1,0,1`, `784,30,10`), with
/// the position of a bad entry in messages.
enum NumberListOption {
    /// The numbers of `text`; `option` names it in messages ("--input", "layers").
    static func parse(_ text: String, option: String) throws -> [Double] {
        var values: [Double] = []
        var column = 1
        for (k, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let item = String(part).trimmingSpaces
            guard let v = Double(item) else {
                let what = item.isEmpty ? "an empty entry" : "'\(item)' is not a number"
                throw UserError("\(option) '\(text)': entry \(k + 1) (column \(column)): \(what); expected numbers separated by commas, e.g. 1,0,1")
            }
            values.append(v)
            column += part.count + 1
        }
        return values
    }

    /// Layer sizes: positive whole numbers (`784,30,10`).
    static func sizes(_ text: String, option: String) throws -> [Int] {
        var sizes: [Int] = []
        var column = 1
        for (k, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let item = String(part).trimmingSpaces
            guard let n = Int(item), n > 0 else {
                let what = Int(item).map { "\($0) neurons: every layer needs at least one" }
                    ?? (item.isEmpty ? "an empty entry" : "'\(item)' is not a whole number")
                throw UserError("\(option) '\(text)': layer \(k + 1) (column \(column)): \(what); expected sizes such as 784,30,10")
            }
            sizes.append(n)
            column += part.count + 1
        }
        guard sizes.count >= 2 else { throw UserError("\(option) '\(text)': expected at least two layer sizes, input first, e.g. 784,30,10") }
        return sizes
    }

    /// Labels: `0-9` (a range of whole numbers) or a comma-separated list (`cat,dog`).
    static func labels(_ text: String) -> [String] {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        if ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]), a <= b, b - a < 100_000 { return (a...b).map(String.init) }
        return text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    }
}
