import Foundation
import MediationStore
import Varlink

/// What an admin can get wrong with a destruction list, as `io.mediationd.Service` errors that
/// say what to do.
struct DestructionListErrors: Sendable {
    let errors = InterfaceErrors(interface: ServiceInterface.name)

    static let declarations = """
    # No destruction list has this number; ListDestructionLists shows them.
    error DestructionListNotFound (id: int, message: string)
    # Only a pending list can be approved or rejected; this one is decided already.
    error DestructionListNotPending (id: int, state: DestructionListState, message: string)
    # A list waits for a decision; there is one at a time. Approve or reject it first.
    error DestructionListPending (id: int, message: string)
    # The wall clock reads earlier than the newest change stored (RFC 3339 both): it was set
    # back, or was ahead when that change was made. Nothing is listed or erased until it is right.
    error ClockBehind (clock: string, newestChange: string, message: string)
    error EmptyText (field: string, message: string)
    \(TextLimits.declaration)
    """

    /// Runs a call, turning the store's refusals into the interface's errors.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DestructionListError {
            throw mapped(error)
        }
    }

    func reason(_ text: String) throws(VarlinkError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw errors.make("EmptyText", ["field": .string("reason")], "reason is empty; say why the list is rejected, for the record")
        }
        return trimmed
    }

    private func mapped(_ error: DestructionListError) -> VarlinkError {
        switch error {
        case .notFound(let id):
            return errors.make("DestructionListNotFound", ["id": .int(id)], "there is no destruction list \(id); mediationctl purge list shows the lists")
        case .notPending(let id, let state):
            let why = state == .approved ? "was approved and its erasure is being carried out" : "was \(state.rawValue) already"
            return errors.make("DestructionListNotPending", ["id": .int(id), "state": .string(state.rawValue)],
                               "destruction list \(id) \(why); only a pending list can be approved or rejected (mediationctl purge list)")
        case .alreadyPending(let id):
            return errors.make("DestructionListPending", ["id": .int(id)],
                               "destruction list \(id) awaits a decision; review it (mediationctl purge show \(id)), approve or reject it, then prepare a new one")
        case .clockBehind(let now, let newest):
            return errors.make("ClockBehind", ["clock": .string(RFC3339.format(now)), "newestChange": .string(RFC3339.format(newest))],
                               "the clock reads \(RFC3339.format(now)), earlier than the newest stored change (\(RFC3339.format(newest))): it was set back, "
                                   + "or was ahead when that change was made; correct the system clock (timedatectl) and try again")
        }
    }
}
