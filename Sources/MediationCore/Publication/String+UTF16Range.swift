extension String {
    /// The text in `range`, counted in UTF-16 units as the anonymiser's findings are.
    func utf16Substring(_ range: Range<Int>) -> String {
        String(decoding: Array(utf16)[range], as: UTF16.self)
    }
}
