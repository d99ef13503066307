#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The build date of reproducible-builds.org's `SOURCE_DATE_EPOCH`, as ISO 8601 UTC, or nil
/// when the variable is unset or not a number of seconds.
enum ReproducibleDate {
    static func iso8601() -> String? {
        guard let raw = getenv("SOURCE_DATE_EPOCH"), var seconds = time_t(String(cString: raw)) else { return nil }
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return nil }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
