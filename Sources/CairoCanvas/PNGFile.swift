import PNGEncoder

/// Encodes RGB pixels as PNG (our zlib writer, `png_writer.c`: big images deflated on several
/// threads), recording the DPI (`pHYs`) and text chunks (`Software`, `Title`, `Command`); decodes
/// with libpng.
public enum PNGFile {
    public static func encode(rgb: [UInt8], width: Int, height: Int, dpi: Double,
                              metadata: DocumentMetadata, compressionLevel: Int = 1) throws -> [UInt8] {
        try encode(pixels: rgb, channels: 3, width: width, height: height, dpi: dpi, metadata: metadata, compressionLevel: compressionLevel)
    }

    /// Encodes RGBA pixels (straight alpha) as an RGB-with-alpha PNG.
    public static func encode(rgba: [UInt8], width: Int, height: Int, dpi: Double,
                              metadata: DocumentMetadata, compressionLevel: Int = 1) throws -> [UInt8] {
        try encode(pixels: rgba, channels: 4, width: width, height: height, dpi: dpi, metadata: metadata, compressionLevel: compressionLevel)
    }

    static func encode(pixels rgb: [UInt8], channels: Int, width: Int, height: Int, dpi: Double,
                       metadata: DocumentMetadata, compressionLevel: Int) throws -> [UInt8] {
        precondition(rgb.count == width * height * channels)
        return try rgb.withUnsafeBufferPointer {
            try encode(rows: $0.baseAddress!, stride: width * channels, channels: Int32(channels), width: width, height: height,
                       dpi: dpi, metadata: metadata, compressionLevel: compressionLevel)
        }
    }

    /// Encodes rows of native-endian 32-bit 0x00RRGGBB pixels (a Cairo RGB24 surface's memory,
    /// `stride` bytes apart) as an RGB PNG, without copying them into packed RGB first.
    public static func encode(nativeXRGB rows: UnsafePointer<UInt8>, stride: Int, width: Int, height: Int, dpi: Double,
                              metadata: DocumentMetadata, compressionLevel: Int = 1) throws -> [UInt8] {
        try encode(rows: rows, stride: stride, channels: DESCENT_PNG_NATIVE_XRGB32, width: width, height: height,
                   dpi: dpi, metadata: metadata, compressionLevel: compressionLevel)
    }

    private static func encode(rows: UnsafePointer<UInt8>, stride: Int, channels: Int32, width: Int, height: Int, dpi: Double,
                               metadata: DocumentMetadata, compressionLevel: Int) throws -> [UInt8] {
        var pairs: [(String, String)] = [("Software", metadata.software)]
        if let title = metadata.title, !title.isEmpty { pairs.append(("Title", title)) }
        if let command = metadata.command, !command.isEmpty { pairs.append(("Command", command)) }
        // Keep the C strings alive for the call.
        let keys = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer { keys.forEach { free($0) }; values.forEach { free($0) } }
        var texts = (0..<pairs.count).map { descent_png_text(key: keys[$0], text: values[$0]) }
        let pixelsPerMeter = UInt32((dpi / 0.0254).rounded())
        var out: UnsafeMutablePointer<UInt8>?
        var outLength = 0
        var error = [CChar](repeating: 0, count: 256)
        let status = texts.withUnsafeMutableBufferPointer { t in
            descent_png_encode(rows, UInt32(width), UInt32(height), stride, channels,
                               pixelsPerMeter, t.baseAddress, Int32(t.count), Int32(compressionLevel),
                               &out, &outLength, &error, error.count)
        }
        guard status == 0, let out else {
            throw OutputError(cText(error))
        }
        defer { descent_png_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: outLength))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PNGFile {
    /// Decodes PNG bytes into packed RGB (alpha composited on white).
    public static func decodeRGB(_ bytes: [UInt8]) throws -> (pixels: [UInt8], width: Int, height: Int) {
        var out: UnsafeMutablePointer<UInt8>?
        var w: UInt32 = 0, h: UInt32 = 0
        var error = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer {
            descent_png_decode_rgb($0.baseAddress, $0.count, &out, &w, &h, &error, error.count)
        }
        guard status == 0, let out else { throw OutputError(cText(error)) }
        defer { descent_png_free(out) }
        return (Array(UnsafeBufferPointer(start: out, count: Int(w) * Int(h) * 3)), Int(w), Int(h))
    }
}

/// The text of a NUL-terminated C character buffer.
func cText(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
