/// Recognises text that is not UTF-8 (UTF-16 and UTF-32 with or without a byte order mark,
/// Latin-1 / Windows-1252), so that a reader can name the encoding instead of failing later
/// with "no numeric data".
public enum TextEncoding {
    /// The encoding's name when `bytes` are text in an encoding other than UTF-8, else nil.
    public static func foreignEncoding(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let n = bytes.count
        if n >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0 { return "UTF-32 little-endian" }
        if n >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF { return "UTF-32 big-endian" }
        if n >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return "UTF-16 little-endian" }
        if n >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return "UTF-16 big-endian" }
        // Without a mark: ASCII text in UTF-16 has a zero in every other byte.
        let sample = min(n, 4096)
        if sample >= 4 {
            var evenZeros = 0, oddZeros = 0
            for i in 0..<sample where bytes[i] == 0 {
                if i & 1 == 0 { evenZeros += 1 } else { oddZeros += 1 }
            }
            let half = sample / 2
            if oddZeros * 10 >= half * 4 && evenZeros * 10 < half { return "UTF-16 little-endian" }
            if evenZeros * 10 >= half * 4 && oddZeros * 10 < half { return "UTF-16 big-endian" }
        }
        if !isValidUTF8(bytes) {
            return "Latin-1 (ISO-8859-1) or Windows-1252"
        }
        return nil
    }

    /// The message for a file in a foreign encoding.
    public static func message(_ encoding: String) -> String {
        let from = encoding.hasPrefix("UTF-16") ? "UTF-16" : encoding.hasPrefix("UTF-32") ? "UTF-32" : "LATIN1"
        return "the file is \(encoding) text, expected UTF-8 (convert it: iconv -f \(from) -t UTF-8 FILE > FILE.utf8)"
    }

    /// True when every byte sequence is well-formed UTF-8.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            if b & 0xE0 == 0xC0 && b >= 0xC2 { length = 2 }
            else if b & 0xF0 == 0xE0 { length = 3 }
            else if b & 0xF8 == 0xF0 && b <= 0xF4 { length = 4 }
            else { return false }
            guard i + length <= n else { return false }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
