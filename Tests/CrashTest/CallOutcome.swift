import TestSupport

/// What became of one call, as its client saw it.
enum CallOutcome {
    /// The daemon replied without an error: the write is acknowledged and must survive.
    case acknowledged(JSONObject)
    /// The daemon replied with this error: nothing may have been written.
    case refused(String)
    /// The connection broke before the reply: the daemon died during the call, which may or
    /// may not have been committed.
    case inDoubt
}
