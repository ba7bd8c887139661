import Foundation

/// A parsed JSON object for assertions, Sendable so it can cross from helper threads.
public struct JSONObject: @unchecked Sendable {
    public let values: [String: Any]

    public init?(_ text: String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return nil }
        values = object
    }

    init(values: [String: Any]) { self.values = values }

    public subscript(key: String) -> Any? { values[key] }

    public func string(_ key: String) -> String? { values[key] as? String }
    public func bool(_ key: String) -> Bool? { values[key] as? Bool }
    public func int(_ key: String) -> Int? { (values[key] as? NSNumber)?.intValue }
    public func object(_ key: String) -> JSONObject? { (values[key] as? [String: Any]).map { JSONObject(values: $0) } }
    public func array(_ key: String) -> [JSONObject]? { (values[key] as? [[String: Any]]).map { $0.map { JSONObject(values: $0) } } }
}
