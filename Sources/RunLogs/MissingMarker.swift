/// Cell texts that frameworks write for "no value": Keras' `NA`, pandas' `NaN`-free `N/A`,
/// JSON-ish `null`, Python's `None`.
enum MissingMarker {
    static let markers: Set<String> = ["na", "n/a", "null", "none", "nil", "-"]

    static func matches(_ text: String) -> Bool {
        text.count <= 4 && markers.contains(text.lowercased())
    }
}
