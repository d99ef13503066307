#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The course programs' printed lines, as Python's f-strings write them.
public enum CourseFormat {
    /// `print(f"Epoch {epoch+1:02d} | Loss: {loss:.4f}")` (001 labs).
    public static func epochLine(_ epoch: Int, loss: Double) -> String {
        "Epoch " + (epoch < 10 ? "0" : "") + "\(epoch) | Loss: " + fixed(loss, digits: 4)
    }

    /// `print(f"Accuracy: {accuracy:.4f}")` (001 MNIST lab).
    public static func accuracyLine(_ accuracy: Double) -> String {
        "Accuracy: " + fixed(accuracy, digits: 4)
    }

    /// `format(v, '.Nf')`: C's correctly rounded %.*f, the same digits as Python's.
    public static func fixed(_ v: Double, digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let n = withVaList([v]) { vsnprintf(&buffer, buffer.count, "%.\(digits)f", $0) }
        return n >= 0 && n < buffer.count ? String(cString: buffer) : "\(v)"
    }
}
