extension String {
    /// The text followed by spaces up to `width` characters, as the columns of a table count them.
    ///
    /// Not Foundation's padding(toLength:), which counts UTF-16 code units: a name written with a
    /// combining accent (Zoe + U+0308) is one unit longer there than it reads, and its column came
    /// out one short. It also cuts longer text, which no caller wants, and it goes through NSString,
    /// whose first use is a tenth of a millisecond or more of `mediationctl`'s start.
    func padded(toWidth width: Int) -> String {
        let missing = width - count
        return missing > 0 ? self + String(repeating: " ", count: missing) : self
    }
}
