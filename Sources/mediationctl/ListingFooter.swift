/// The line under a list: how many rows there are, and how to see the rest when the daemon's
/// limit cut the list short.
struct ListingFooter {
    let shown: Int
    let total: Int
    /// Rows the daemon left out because it could not read them.
    var unreadable = 0
    let style: TextStyle

    var rendered: String {
        var line = shown + unreadable < total ? "showing \(shown) of \(total); use --limit to see more" : "\(total) in all"
        if unreadable > 0 {
            line += "; \(unreadable) left out that cannot be read (journalctl -u mediationd names them)"
        }
        return style.dim(line)
    }
}

extension TextTable {
    /// A list the daemon gives whole: the table and the count under it.
    func renderedWithCount(style: TextStyle) -> String {
        rendered(style: style) + "\n" + ListingFooter(shown: rows.count, total: rows.count, style: style).rendered
    }
}
