/// The layer graph's neighbours as flat arrays (compressed rows), built once per layout: the
/// ordering and coordinate sweeps read them without touching the items' own arrays (no
/// reference counting or copies in the inner loops).
extension LayeredLayout {
    struct Adjacency {
        var upStart: [Int]
        var ups: [Int]
        var downStart: [Int]
        var downs: [Int]

        init(_ items: [Item]) {
            upStart = [0]; downStart = [0]; ups = []; downs = []
            upStart.reserveCapacity(items.count + 1); downStart.reserveCapacity(items.count + 1)
            ups.reserveCapacity(items.count); downs.reserveCapacity(items.count)
            for item in items {
                ups.append(contentsOf: item.up); upStart.append(ups.count)
                downs.append(contentsOf: item.down); downStart.append(downs.count)
            }
        }

        /// The neighbours of `v` in the layer before (`up`) or after it.
        @inline(__always) func range(_ v: Int, up: Bool) -> Range<Int> {
            up ? upStart[v]..<upStart[v + 1] : downStart[v]..<downStart[v + 1]
        }
    }
}
