/// Reads protocol-buffer wire format from a byte range: enough for TensorBoard's Event,
/// Summary and TensorProto messages. Malformed input throws `ProtobufReader.Malformed`.
struct ProtobufReader {
    struct Malformed: Error {}

    /// Wire types.
    enum WireType: UInt8 { case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5 }

    let buf: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    init(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        self.buf = buf
        position = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { position >= end }

    /// The next field's number and wire type, or nil at the end.
    mutating func nextField() throws -> (number: UInt64, type: WireType)? {
        guard position < end else { return nil }
        let key = try varint()
        guard let type = WireType(rawValue: UInt8(key & 7)) else { throw Malformed() }
        return (key >> 3, type)
    }

    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Malformed() }
            let b = buf[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func fixed64() throws -> UInt64 {
        guard end - position >= 8 else { throw Malformed() }
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(buf[position + k]) << (8 * UInt64(k)) }
        position += 8
        return v
    }

    mutating func fixed32() throws -> UInt32 {
        guard end - position >= 4 else { throw Malformed() }
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(buf[position + k]) << (8 * UInt32(k)) }
        position += 4
        return v
    }

    /// The byte range of a length-delimited field.
    mutating func lengthDelimited() throws -> Range<Int> {
        let n = try varint()
        guard n <= UInt64(end - position) else { throw Malformed() }
        let r = position..<(position + Int(n))
        position += Int(n)
        return r
    }

    mutating func skip(_ type: WireType) throws {
        switch type {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed64()
        case .fixed32: _ = try fixed32()
        case .lengthDelimited: _ = try lengthDelimited()
        }
    }

    func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)
    }
}
