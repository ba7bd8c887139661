/// Rows under headings, each column as wide as its widest cell, the way `systemctl list-units`
/// reads. Cells are one line: text that may contain line breaks is folded onto one.
struct TextTable {
    struct Cell: ExpressibleByStringLiteral {
        let text: String
        /// Needs attention (an overdue date): shown in red on a terminal.
        let warning: Bool

        init(_ text: String, warning: Bool = false) {
            self.text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            self.warning = warning
        }

        init(stringLiteral value: String) {
            self.init(value)
        }

        /// Long free text (a subject, an agency) cut so that one row stays one line.
        static func truncated(_ text: String, to length: Int) -> Cell {
            let cell = Cell(text)
            guard cell.text.count > length else { return cell }
            return Cell(String(cell.text.prefix(length - 1)) + "…")
        }
    }

    let headings: [String]
    var rows: [[Cell]] = []

    init(_ headings: String...) {
        self.headings = headings
    }

    mutating func append(_ row: [Cell]) {
        precondition(row.count == headings.count, "a row has a cell for every column")
        rows.append(row)
    }

    func rendered(style: TextStyle) -> String {
        let widths = headings.indices.map { column in
            rows.reduce(headings[column].count) { max($0, $1[column].text.count) }
        }
        // Styles are applied after padding, so escape codes never count towards a width; the last
        // column is not padded, so no line ends in spaces.
        func line(_ cells: [Cell], heading: Bool) -> String {
            cells.enumerated().map { column, cell in
                let padded = column == cells.count - 1 ? cell.text : cell.text.padded(toWidth: widths[column])
                if heading { return style.bold(padded) }
                return cell.warning ? style.warning(padded) : padded
            }.joined(separator: "  ")
        }
        return ([line(headings.map { Cell($0) }, heading: true)] + rows.map { line($0, heading: false) }).joined(separator: "\n")
    }
}

/// Labelled values, one a line, labels aligned: the shape of `mediationctl status`.
struct FieldList {
    private(set) var fields: [(label: String, value: TextTable.Cell)] = []

    mutating func append(_ label: String, _ value: TextTable.Cell) {
        fields.append((label, value))
    }

    mutating func append(_ label: String, _ value: String) {
        fields.append((label, TextTable.Cell(value)))
    }

    func rendered(style: TextStyle) -> String {
        let width = fields.map(\.label.count).max() ?? 0
        return fields.map { label, value in
            style.bold(label.padded(toWidth: width)) + "  " + (value.warning ? style.warning(value.text) : value.text)
        }.joined(separator: "\n")
    }
}
