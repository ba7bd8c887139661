/// Chooses which of several overlapping matches to act on: the one starting first, and of those
/// starting together the longest. So "mevrouw De Vries" is replaced as one mention rather than
/// leaving "mevrouw" before the role, and a whole stored address wins over the postcode in it.
/// On a full tie the earlier candidate wins, so callers list the preferred rules first.
enum SpanSelection {
    static func nonOverlapping<Item>(_ items: [Item], range: (Item) -> Range<Int>) -> [Item] {
        let ordered = items.enumerated().sorted { lhs, rhs in
            let left = range(lhs.element), right = range(rhs.element)
            if left.lowerBound != right.lowerBound { return left.lowerBound < right.lowerBound }
            if left.count != right.count { return left.count > right.count }
            return lhs.offset < rhs.offset
        }
        var chosen: [Item] = []
        var end = 0
        for (_, item) in ordered where range(item).lowerBound >= end {
            chosen.append(item)
            end = range(item).upperBound
        }
        return chosen
    }
}
