/// A property of the code under test that must hold for every input. When it does not, the
/// message goes to standard error and the process traps, which libFuzzer records as a crash and
/// keeps the input that caused it.
public func require(
    _ condition: @autoclosure () -> Bool,
    _ message: @autoclosure () -> String,
    file: StaticString = #fileID,
    line: UInt = #line
) {
    if !condition() {
        fatalError("property violated: \(message())", file: file, line: line)
    }
}
