import Testing
import RunLogs

/// Every reader takes LF and CRLF line ends and a UTF-8 byte order mark; a file in another
/// encoding gets a message naming it; the content, not a .txt/.log/.out name, decides the format.
@Suite("Line endings and encodings")
struct LineEndingAndEncodingTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test("CSV, JSON Lines and text logs read the same with LF, CRLF and a BOM", arguments: [
        ("run.csv", "step,loss\n1,0.5\n2,0.25\n"),
        ("run.jsonl", "{\"step\":1,\"loss\":0.5}\n{\"step\":2,\"loss\":0.25}\n"),
        ("run.txt", "step 1 loss 0.5\nstep 2 loss 0.25\n"),
    ])
    func lineEnds(source: String, text: String) throws {
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        for bytes in [Array(text.utf8), Array(crlf.utf8), Self.bom + Array(crlf.utf8)] {
            let log = try RunLogReader.parse(bytes: bytes, source: source)
            #expect(log.rowCount == 2, "\(source)")
            #expect(cells(log, "loss") == [0.5, 0.25], "\(source): \(log.columns.map(\.name))")
            #expect(cells(log, "step") == [1, 2], "\(source)")
        }
    }

    func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        var out: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            out += bigEndian ? [hi, lo] : [lo, hi]
        }
        return out
    }

    @Test("UTF-16 (with or without a byte order mark) is named, not read as 'no numeric data'")
    func utf16IsNamed() throws {
        let text = "step,loss\r\n1,0.5\r\n2,0.25\r\n"
        for (big, mark, name) in [(false, true, "UTF-16 little-endian"), (true, true, "UTF-16 big-endian"),
                                  (false, false, "UTF-16 little-endian"), (true, false, "UTF-16 big-endian")] {
            let error = runLogError { _ = try RunLogReader.parse(bytes: utf16(text, bigEndian: big, mark: mark), source: "run.csv") }
            #expect(error?.message.contains(name) == true, "\(String(describing: error))")
            #expect(error?.message.contains("expected UTF-8") == true)
        }
    }

    @Test("Latin-1 bytes (é as the single byte 0xE9) are named")
    func latin1IsNamed() throws {
        let bytes = Array("epoch,".utf8) + [0x70, 0xE9, 0x72, 0x74, 0x65] + Array("\n1,0.5\n".utf8)
        let error = runLogError { _ = try RunLogReader.parse(bytes: bytes, source: "run.csv") }
        #expect(error?.message.contains("Latin-1") == true, "\(String(describing: error))")
        // The same text in UTF-8 reads.
        let log = try RunLogReader.parse(bytes: Array("epoch,pérte\n1,0.5\n".utf8), source: "run.csv")
        #expect(cells(log, "pérte") == [0.5])
    }

    @Test("CSV bytes named .txt, .log or .out are read as CSV", arguments: ["run.txt", "run.log", "train.out"])
    func contentDecides(source: String) throws {
        let log = try RunLogReader.parse(bytes: Array("epoch,loss,val_loss\r\n1,0.9,1.0\r\n2,0.5,0.7\r\n".utf8), source: source)
        #expect(log.format == .delimited(separator: 0x2C))
        #expect(cells(log, "val_loss") == [1.0, 0.7])
    }

    @Test("a text log named .log still reads as text")
    func textStaysText() throws {
        let log = try RunLogReader.parse(bytes: Array("Epoch 1/2 - loss: 0.9\nEpoch 2/2 - loss: 0.5\n".utf8), source: "train.log")
        #expect(log.format == .text)
        #expect(cells(log, "loss") == [0.9, 0.5])
    }

    @Test("20,000 columns: each found by name, repeated names suffixed")
    func wideHeader() throws {
        let n = 20_000
        let names = (0..<n).map { "loss\($0)" } + ["loss7"]
        let text = "step," + names.joined(separator: ",") + "\n0," + (0...n).map { "\($0)" }.joined(separator: ",") + "\n"
        let log = try RunLogReader.parse(bytes: Array(text.utf8), source: "wide.csv")
        #expect(log.columns.count == n + 2)
        var wrong = 0
        for i in 0..<n where cells(log, "loss\(i)") != [Double(i)] { wrong += 1 }
        #expect(wrong == 0)
        #expect(cells(log, "loss7_2") == [Double(n)])
    }
}
