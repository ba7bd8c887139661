/// A pattern for one stored detail, with what replaces it and the field it reports as.
struct FindingRule: Sendable {
    let pattern: TextPattern
    let replacement: String
    let field: String

    func findings(in text: String) -> [Finding] {
        pattern.ranges(in: text).map { Finding(range: $0, replacement: replacement, field: field) }
    }
}
