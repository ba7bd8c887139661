/// A stretch of text (UTF-16 offsets) to replace in a publication: with what, and which stored
/// detail or kind of identifier it is, to name it when it leaks.
struct Finding: Sendable {
    let range: Range<Int>
    let replacement: String
    let field: String
}
