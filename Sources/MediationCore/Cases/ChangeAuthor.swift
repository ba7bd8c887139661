import Foundation
/// Who made a change, as the kernel reported the caller (SO_PEERCRED) and the system names it.
public struct ChangeAuthor: Sendable, Equatable, Codable {
    public let uid: UInt32
    /// The login name for `uid`, or the number itself when the system knows no such user.
    public let login: String

    public init(uid: UInt32, login: String) {
        self.uid = uid
        self.login = login
    }
}

/// One entry of a case's history (dossierhistorie).
public struct CaseHistoryEntry: Sendable, Equatable {
    public let at: Date
    public let author: ChangeAuthor
    public let change: CaseChange

    public init(at: Date, author: ChangeAuthor, change: CaseChange) {
        self.at = at
        self.author = author
        self.change = change
    }
}
