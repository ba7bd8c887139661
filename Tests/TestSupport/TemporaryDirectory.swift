import Foundation

/// A fresh directory under /tmp, removed when the value is released. Kept short because socket
/// paths inside it must fit in sockaddr_un's 108 bytes.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init() {
        let template = "/tmp/mdt.XXXXXX"
        var bytes = Array(template.utf8CString)
        path = bytes.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    public func file(_ name: String) -> String { "\(path)/\(name)" }

    @discardableResult
    public func write(_ name: String, _ contents: String) -> String {
        let target = file(name)
        FileManager.default.createFile(atPath: target, contents: Data(contents.utf8))
        return target
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
