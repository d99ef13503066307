import Foundation
import Plot

/// `index.html` of the figure set: every figure with its title, course source, files, the
/// command that makes it, its spec and the course's numbers it checks; opens from the file
/// system with no server.
enum FigureGallery {
    static func html(_ records: [FigureRecord], specTexts: [String: String], failures: [String]) -> String {
        var out = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>Course figures</title>
        <style>
        body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #222; }
        h1 { margin-bottom: 0.2rem; }
        nav { columns: 3; font-size: 0.9rem; margin: 1rem 0 2rem; }
        nav a { display: block; }
        section { border-top: 1px solid #ddd; padding: 1.2rem 0; }
        section img { width: 100%; height: auto; border: 1px solid #eee; }
        .source { color: #555; margin-top: -0.6rem; }
        code, pre { background: #f6f6f6; border-radius: 4px; }
        code { padding: 0.1rem 0.3rem; }
        pre { padding: 0.6rem; overflow-x: auto; font-size: 0.85rem; }
        table { border-collapse: collapse; font-size: 0.9rem; }
        td, th { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left; }
        .ok { color: #009E73; } .bad { color: #D55E00; font-weight: bold; }
        </style>
        </head>
        <body>
        <h1>Course figures</h1>
        <p>\(records.count) figures rendered by descent \(DescentCommand.version). Every number on them is computed; the course's own numbers are checked below each figure.</p>

        """
        if !failures.isEmpty {
            out += "<p class=\"bad\">\(failures.count) figure(s) failed:</p>\n<pre>" + escape(failures.joined(separator: "\n")) + "</pre>\n"
        }
        out += "<nav>\n" + records.map { "<a href=\"#\(escape($0.id))\">\(MathText.html($0.title ?? $0.id))</a>" }.joined(separator: "\n") + "\n</nav>\n"
        for r in records {
            // An animated figure shows its animation (APNG plays in every current browser); the still is linked below.
            let png = r.files.first { $0.hasSuffix(".apng") } ?? r.files.first { $0.hasSuffix(".png") } ?? "\(r.id).png"
            out += "<section id=\"\(escape(r.id))\">\n<h2>\(MathText.html(r.title ?? r.id))</h2>\n"
            if let source = r.source { out += "<p class=\"source\">Course source: \(escape(source)) · id <code>\(escape(r.id))</code></p>\n" }
            out += "<a href=\"\(escape(png))\"><img src=\"\(escape(png))\" alt=\"\(escape(plain(r.title ?? r.id)))\"></a>\n"
            out += "<p>Files: " + r.files.map { "<a href=\"\(escape($0))\">\(escape(($0 as NSString).pathExtension.uppercased()))</a>" }.joined(separator: " · ") + "</p>\n"
            out += "<p>Made by <code>descent render \(escape(r.spec))</code></p>\n"
            if !r.expectations.isEmpty {
                out += "<table><tr><th>value</th><th>course</th><th>computed</th><th></th></tr>\n"
                for e in r.expectations {
                    out += "<tr><td>\(escape(e.key))</td><td>\(escape(numbers(e.expected)))</td><td>\(escape(e.computed.map(numbers) ?? "—"))</td>"
                        + "<td class=\"\(e.passed ? "ok" : "bad")\">\(e.passed ? "✓" : "✗")</td></tr>\n"
                }
                out += "</table>\n"
            }
            if let text = specTexts[r.id] {
                out += "<details><summary>Spec <code>\(escape(r.spec))</code></summary><pre>\(escape(text))</pre></details>\n"
            }
            out += "</section>\n"
        }
        // After loading, the page records how many of its images loaded (for scripts/check-gallery).
        out += """
        <script>
        window.addEventListener("load", function () {
          var images = Array.prototype.slice.call(document.images);
          var loaded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; });
          document.body.setAttribute("data-images", loaded.length + "/" + images.length);
          document.body.setAttribute("data-broken", images.filter(function (i) { return !(i.complete && i.naturalWidth > 0); })
            .map(function (i) { return i.getAttribute("src"); }).join(" "));
        });
        </script>

        """
        return out + "</body>\n</html>\n"
    }

    static func numbers(_ v: [Double]) -> String {
        let s = v.map { x -> String in
            if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
            return String(format: "%.6g", x)
        }
        return s.count == 1 ? s[0] : "[" + s.joined(separator: ", ") + "]"
    }

    static func plain(_ s: String) -> String { MathText.unicodeText(s) }

    static func escape(_ s: String) -> String { MathText.escape(s) }
}
