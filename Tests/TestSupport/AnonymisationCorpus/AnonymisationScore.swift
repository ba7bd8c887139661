/// How well one anonymiser did on the corpus: per kind, how many planted items it removed, and
/// how many decoys it took with them. The tests and the benchmark count the same way.
public struct AnonymisationScore: Sendable {
    public struct Tally: Sendable {
        public var planted = 0
        public var removed = 0

        public var rate: Double { planted == 0 ? 1 : Double(removed) / Double(planted) }
    }

    public private(set) var byKind: [AnonymisationSample.Kind: Tally] = [:]
    public private(set) var names = Tally()
    public private(set) var namesWithTussenvoegsel = Tally()
    public private(set) var doubleSurnames = Tally()
    public private(set) var decoys = Tally()
    /// What survived, to look at when a figure disappoints: the planted text and the output.
    public private(set) var survivors: [(kind: AnonymisationSample.Kind, planted: String, output: String)] = []
    public private(set) var lostDecoys: [(decoy: String, output: String)] = []

    /// `outputs[i]` is what the anonymiser made of `samples[i].text`.
    public init(samples: [AnonymisationSample], outputs: [String]) {
        precondition(samples.count == outputs.count, "one output per sample")
        for (sample, output) in zip(samples, outputs) {
            let removed = !sample.plantedSurvives(in: output)
            let planted = sample.planted
            Self.count(&byKind[planted.kind, default: Tally()], removed)
            if planted.kind.isPersonName {
                Self.count(&names, removed)
                if planted.hasTussenvoegsel { Self.count(&namesWithTussenvoegsel, removed) }
                if planted.isDoubleSurname { Self.count(&doubleSurnames, removed) }
            }
            if !removed { survivors.append((planted.kind, planted.text, output)) }
            let lost = sample.lostDecoys(in: output)
            decoys.planted += sample.decoys.count
            decoys.removed += lost.count
            lostDecoys += lost.map { ($0, output) }
        }
    }

    private static func count(_ tally: inout Tally, _ removed: Bool) {
        tally.planted += 1
        if removed { tally.removed += 1 }
    }
}
