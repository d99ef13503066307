/// Finds `name value` pairs in one line of free-form training output.
///
/// A name is one or more words (letters, digits, `_`, and `.`/`-` inside a word) separated by
/// single spaces; it may be followed by spaces, quotes, one `:` or `=` and one `[` or `(`
/// before the number. `%` after a number and a `/total` after a counter are skipped.
enum TextLineScanner {
    /// Names that mean the counter column, and the column they go to.
    static let counterAliases: [String: String] = [
        "epoch": "epoch", "step": "step", "iter": "step", "iteration": "step", "it": "step",
    ]
    /// Log-level words dropped from the front of a multi-word name ("INFO epoch=1").
    static let logLevels: Set<String> = [
        "info", "debug", "warning", "warn", "error", "trace", "notice", "critical", "fatal",
    ]

    /// A value and the span of its name in the line (words separated by single spaces).
    struct RawPair {
        var nameStart: Int
        var nameEnd: Int
        var value: Double
    }

    /// A value and its column name.
    struct Pair: Equatable {
        var name: String
        var value: Double
    }

    /// Appends the raw pairs of `buf[start..<end]` to `pairs`, in order (names not yet normalized).
    static func scan(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into pairs: inout [RawPair]) {
        var nameStart = -1  // -1: no name pending
        var nameEnd = start
        var i = start
        while i < end {
            let b = buf[i]
            if ByteText.isLetter(b) || b == 0x5F {
                let wordStart = i
                i = wordEnd(buf, from: i, to: end)
                if nameStart >= 0, gapAllowsValue(buf, nameEnd, wordStart),
                   let value = NumberParser.nonFiniteWord(buf, wordStart, i) {
                    pairs.append(RawPair(nameStart: nameStart, nameEnd: nameEnd, value: value))
                    nameStart = -1
                    i = skipAfterValue(buf, i, end)
                    continue
                }
                if nameStart < 0 || nameEnd != wordStart - 1 || buf[nameEnd] != ByteText.space {
                    nameStart = wordStart
                }
                nameEnd = i
                continue
            }
            if ByteText.isDigit(b) || b == 0x2E || b == 0x2D || b == 0x2B {
                if let (value, next) = number(buf, at: i, end) {
                    if nameStart >= 0 && gapAllowsValue(buf, nameEnd, i) {
                        pairs.append(RawPair(nameStart: nameStart, nameEnd: nameEnd, value: value))
                    }
                    nameStart = -1
                    i = skipAfterValue(buf, next, end)
                    continue
                }
                if ByteText.isDigit(b) {
                    // Junk such as "20ms" or "3rd": skip the whole token.
                    while i < end && (ByteText.isAlphanumeric(buf[i]) || buf[i] == 0x5F || buf[i] == 0x2E) { i += 1 }
                    nameStart = -1
                    continue
                }
            }
            switch b {
            case 0x20, 0x09, 0x0D, 0x3A, 0x3D, 0x22, 0x27, 0x5B, 0x28:
                break  // space, tab, CR, ':', '=', quotes, '[', '(' may sit between a name and its value
            default:
                nameStart = -1
            }
            i += 1
        }
    }

    /// The named pairs of `buf[start..<end]`, first occurrence of each name only.
    static func pairs(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> [Pair] {
        var raw: [RawPair] = []
        scan(buf, start, end, into: &raw)
        var pairs: [Pair] = []
        for pair in raw {
            let name = makeName(buf, pair.nameStart, pair.nameEnd)
            if !name.isEmpty && !pairs.contains(where: { $0.name == name }) {
                pairs.append(Pair(name: name, value: pair.value))
            }
        }
        return pairs
    }

    static func isCounter(_ name: String) -> Bool {
        name == "epoch" || name == "step"
    }

    /// True when the line `buf[start..<end]` would be a row of a text log: it holds a counter
    /// and at least one other value.
    static func lineIsRow(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let found = pairs(buf, start, end)
        let counters = found.filter { isCounter($0.name) }.count
        return counters > 0 && found.count > counters
    }

    /// End of the word at `from`: letters, digits, `_`, and `.`/`-` followed by a letter or digit.
    private static func wordEnd(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var i = from + 1
        while i < end {
            let c = buf[i]
            if ByteText.isAlphanumeric(c) || c == 0x5F {
                i += 1
            } else if (c == 0x2E || c == 0x2D) && i + 1 < end && ByteText.isAlphanumeric(buf[i + 1]) {
                i += 1
            } else {
                break
            }
        }
        return i
    }

    /// The bytes between a name and a value: blanks and quotes, at most one `:`/`=` and at
    /// most one `[`/`(`.
    private static func gapAllowsValue(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var separators = 0
        var brackets = 0
        for k in from..<to {
            switch buf[k] {
            case 0x20, 0x09, 0x0D, 0x22, 0x27: continue
            case 0x3A, 0x3D: separators += 1
            case 0x5B, 0x28: brackets += 1
            default: return false
            }
        }
        return separators <= 1 && brackets <= 1
    }

    /// A number at `at` ending at a word boundary: decimal/exponent form, or a signed
    /// nan/inf/infinity. Returns the value and the index after it.
    private static func number(_ buf: UnsafeBufferPointer<UInt8>, at: Int, _ end: Int) -> (Double, Int)? {
        var j = at
        let signed = buf[j] == 0x2D || buf[j] == 0x2B
        if signed { j += 1 }
        guard j < end else { return nil }
        if ByteText.isLetter(buf[j]) {
            guard signed else { return nil }
            while j < end && ByteText.isLetter(buf[j]) { j += 1 }
            guard isBoundary(buf, j, end), let value = NumberParser.nonFiniteWord(buf, at, j) else { return nil }
            return (value, j)
        }
        var digits = 0
        while j < end && ByteText.isDigit(buf[j]) { j += 1; digits += 1 }
        if j < end && buf[j] == 0x2E {
            var k = j + 1
            var fraction = 0
            while k < end && ByteText.isDigit(buf[k]) { k += 1; fraction += 1 }
            if fraction > 0 || digits > 0 { j = k; digits += fraction }
        }
        guard digits > 0 else { return nil }
        if j < end && (buf[j] | 0x20) == 0x65 {
            var k = j + 1
            if k < end && (buf[k] == 0x2D || buf[k] == 0x2B) { k += 1 }
            if k < end && ByteText.isDigit(buf[k]) {
                while k < end && ByteText.isDigit(buf[k]) { k += 1 }
                j = k
            }
        }
        guard isBoundary(buf, j, end), let value = NumberParser.parse(buf, at, j) else { return nil }
        return (value, j)
    }

    @inline(__always)
    private static func isBoundary(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        i == end || !(ByteText.isAlphanumeric(buf[i]) || buf[i] == 0x5F)
    }

    /// Skips a `%` and a `/total` (as in `Epoch 3/10`) after a value.
    private static func skipAfterValue(_ buf: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Int {
        var i = at
        if i < end && buf[i] == 0x25 { i += 1 }
        if i + 1 < end && buf[i] == 0x2F && ByteText.isDigit(buf[i + 1]) {
            i += 1
            while i < end && ByteText.isDigit(buf[i]) { i += 1 }
        }
        return i
    }

    /// The column name for the words in `buf[start..<end]`: lower-cased, `.`/`-` and spaces
    /// turned into `_`, a leading log level dropped, a trailing counter word kept alone,
    /// counter aliases mapped.
    static func makeName(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var parts: [String] = []
        var word: [UInt8] = []
        for k in start...end {
            if k == end || buf[k] == ByteText.space {
                if !word.isEmpty { parts.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
                continue
            }
            let b = ByteText.lowercased(buf[k])
            word.append(b == 0x2E || b == 0x2D ? 0x5F : b)
        }
        if parts.count > 1, logLevels.contains(parts[0]) { parts.removeFirst() }
        if parts.count > 1, let last = parts.last, counterAliases[last] != nil { parts = [last] }
        var name = parts.joined(separator: "_")
        while name.hasPrefix("_") { name.removeFirst() }
        while name.hasSuffix("_") { name.removeLast() }
        return counterAliases[name] ?? name
    }
}
