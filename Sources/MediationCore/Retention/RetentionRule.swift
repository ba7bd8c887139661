/// What the selection list says for one outcome category: keep for good (bewaren) or destroy
/// (vernietigen) once the term since closing has passed, through a destruction list an admin
/// approves.
public enum RetentionRule: Hashable, Sendable, CustomStringConvertible {
    case destroy(after: RetentionTerm)
    case keep

    /// "keep", or a term such as "5y", as the configuration writes it.
    public init?(_ text: String) {
        if text == "keep" {
            self = .keep
        } else if let term = RetentionTerm(text) {
            self = .destroy(after: term)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .destroy(let term): term.description
        case .keep: "keep"
        }
    }

    public var term: RetentionTerm? {
        if case .destroy(let term) = self { term } else { nil }
    }
}
