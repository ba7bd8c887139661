import Foundation
import MediationService

/// One recorded change, as the replies about cases and about sessions both carry it.
protocol HistoryLine {
    var at: Date { get }
    var uid: Int { get }
    var login: String { get }
    var action: String { get }
    var summary: String { get }
}

extension WireHistoryEntry: HistoryLine {}
extension WireSessionHistoryEntry: HistoryLine {}

/// A history for people: when, who (login and uid, as the daemon read them from the socket), what.
struct HistoryTable {
    let entries: [any HistoryLine]

    func rendered(style: TextStyle) -> String {
        let time = OfficeTime()
        var table = TextTable("TIME", "LOGIN", "ACTION", "SUMMARY")
        for entry in entries {
            table.append([TextTable.Cell(time.format(entry.at)), TextTable.Cell("\(entry.login) (\(entry.uid))"), TextTable.Cell(entry.action), TextTable.Cell(entry.summary)])
        }
        return table.rendered(style: style)
    }
}
