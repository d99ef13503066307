/// Training output the frameworks print, rewritten into plain `epoch E step S name value` lines
/// for `TextLogParser`:
/// - Keras `fit()`: `Epoch 3/10` then `32/32 [====] - 1s 2ms/step - loss: 0.6931 - val_loss: 0.70`;
/// - PyTorch tutorials: `[1,   100] loss: 2.303` and `Epoch [1/5], Step [100/600], Loss: 0.51`,
///   whose step restarts each epoch and becomes a global step;
/// - tqdm bars: `… 20/100 [00:02<00:08, loss=0.8]`, redrawn after carriage returns.
/// A line's carriage-return segments are redraws: the last non-blank one counts.
enum FrameworkTextLines {
    /// The rewritten log, or nil when no line is one of these forms.
    static func rewrite(_ buf: UnsafeBufferPointer<UInt8>, start: Int) -> [UInt8]? {
        var out: [UInt8] = []
        var state = StepState()
        var recognised = 0
        var lineStart = start
        while lineStart < buf.count {
            let lineEnd = ByteText.lineEnd(buf, from: lineStart)
            let segment = lastSegment(buf, lineStart, lineEnd)
            let line = Array(UnsafeBufferPointer(rebasing: buf[segment]))
            if let row = state.read(line) {
                recognised += 1
                if let row { out += row }
            } else {
                out += line
            }
            out.append(ByteText.newline)
            lineStart = lineEnd + 1
        }
        return recognised > 0 ? out : nil
    }

    /// The last carriage-return-separated part of a line that is not blank.
    static func lastSegment(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var segmentEnd = end
        while segmentEnd > start && ByteText.isBlank(buf[segmentEnd - 1]) { segmentEnd -= 1 }
        var i = segmentEnd
        while i > start && buf[i - 1] != ByteText.carriageReturn { i -= 1 }
        return i..<segmentEnd
    }

    /// Epoch and global-step bookkeeping across lines.
    struct StepState {
        var epoch: Int?
        var offset = 0
        var lastLocal = 0
        var epochOfLast: Int?
        var maxLocalThisEpoch = 0

        /// nil: not a framework line. .some(nil): recognised, no row (a Keras epoch header).
        mutating func read(_ line: [UInt8]) -> [UInt8]?? {
            var c = Cursor(line)
            c.skipBlanks()
            // Keras epoch header: "Epoch 3/10".
            var k = c
            if k.word("Epoch"), k.skipBlanks(), let e = k.integer(), k.byte(0x2F), k.integer() != nil, k.skipBlanks(), k.atEnd {
                epoch = e
                return .some(nil)
            }
            // "Epoch [1/5], Step [100/600], Loss: ...".
            k = c
            if k.word("Epoch"), k.skipBlanks(), k.byte(0x5B), let e = k.integer(), k.byte(0x2F), k.integer() != nil, k.byte(0x5D),
               k.byte(0x2C), k.skipBlanks(), k.word("Step"), k.skipBlanks(), k.byte(0x5B), let s = k.integer(), k.byte(0x2F),
               let perEpoch = k.integer(), k.byte(0x5D) {
                return row(epoch: e, step: (e - 1) * perEpoch + s, pairs: k.rest)
            }
            // "[1,   100] loss: 2.303".
            k = c
            if k.byte(0x5B), k.skipBlanks(), let e = k.integer(), k.byte(0x2C), k.skipBlanks(), let s = k.integer(), k.skipBlanks(),
               k.byte(0x5D) {
                return row(epoch: e, step: global(epoch: e, local: s), pairs: k.rest)
            }
            // Keras progress: "32/32 [=====] - 1s 2ms/step - loss: 0.69 - val_loss: 0.7".
            k = c
            if let n = k.integer(), k.byte(0x2F), k.integer() != nil, k.skipBlanks(),
               !k.byte(0x5B) || (k.skip(while: { $0 == 0x3D || $0 == 0x3E || $0 == 0x2E }) && k.byte(0x5D)), k.skipBlanks(),
               k.byte(0x2D) {
                let pairs = FrameworkTextLines.kerasPairs([0x20, 0x2D] + k.rest)
                guard !pairs.isEmpty else { return nil }
                var text = Array("epoch \(epoch ?? 1) batch \(n) ".utf8)
                text += pairs
                return .some(text)
            }
            // tqdm: "desc:  20%|##   | 20/100 [00:02<00:08, 9.9it/s, loss=0.8]".
            if let bar = line.firstIndex(of: 0x7C), let close = line[(bar + 1)...].firstIndex(of: 0x7C) {
                var t = Cursor(Array(line[(close + 1)...]))
                t.skipBlanks()
                if let n = t.integer(), t.byte(0x2F), t.integer() != nil, t.skipBlanks(), t.byte(0x5B) {
                    let postfix = Array(t.rest.split(separator: 0x2C).dropFirst().filter { $0.contains(0x3D) }.joined(separator: [0x20]))
                    guard !postfix.isEmpty else { return .some(nil) }
                    // Each line is one bar's last redraw: a new bar continues the count.
                    return row(epoch: nil, step: global(epoch: nil, local: n, newBar: true), pairs: postfix)
                }
            }
            return nil
        }

        /// A step counter that restarts (a new epoch, or a smaller count) continues from the last.
        mutating func global(epoch e: Int?, local: Int, newBar: Bool = false) -> Int {
            let restarted = e.map { $0 != epochOfLast && epochOfLast != nil } ?? (local < lastLocal || (newBar && lastLocal > 0))
            if restarted {
                offset += maxLocalThisEpoch
                maxLocalThisEpoch = 0
            }
            epochOfLast = e
            lastLocal = local
            maxLocalThisEpoch = max(maxLocalThisEpoch, local)
            return offset + local
        }

        func row(epoch: Int?, step: Int, pairs: [UInt8]) -> [UInt8]?? {
            var text = Array(((epoch.map { "epoch \($0) " } ?? "") + "step \(step) ").utf8)
            text += pairs
            return .some(text)
        }
    }

    /// " - 1s 2ms/step - loss: 0.69 - val_loss: 0.7" → "loss: 0.69 val_loss: 0.7" (timings dropped).
    static func kerasPairs(_ rest: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var parts: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < rest.count {
            if i + 2 < rest.count && rest[i] == 0x20 && rest[i + 1] == 0x2D && rest[i + 2] == 0x20 {
                parts.append(current); current = []; i += 3; continue
            }
            current.append(rest[i]); i += 1
        }
        parts.append(current)
        for part in parts where part.contains(0x3A) {
            if !out.isEmpty { out.append(0x20) }
            out += part
        }
        return out
    }

    /// A position in one line's bytes.
    struct Cursor {
        let bytes: [UInt8]
        var i = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { i >= bytes.count }
        var rest: [UInt8] { i < bytes.count ? Array(bytes[i...]) : [] }

        @discardableResult
        mutating func skipBlanks() -> Bool {
            while i < bytes.count && ByteText.isBlank(bytes[i]) { i += 1 }
            return true
        }

        mutating func skip(while predicate: (UInt8) -> Bool) -> Bool {
            while i < bytes.count && predicate(bytes[i]) { i += 1 }
            return true
        }

        mutating func byte(_ b: UInt8) -> Bool {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
            return true
        }

        mutating func word(_ w: String) -> Bool {
            let u = Array(w.utf8)
            guard i + u.count <= bytes.count, Array(bytes[i..<(i + u.count)]) == u else { return false }
            i += u.count
            return true
        }

        mutating func integer() -> Int? {
            var v = 0
            let s = i
            while i < bytes.count, ByteText.isDigit(bytes[i]), i - s < 15 {
                v = v * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            return i > s ? v : nil
        }
    }
}
