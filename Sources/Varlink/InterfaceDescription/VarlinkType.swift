/// A type in the Varlink interface definition language.
public indirect enum VarlinkType: Sendable, Equatable {
    case bool
    case int
    case float
    case string
    /// Any JSON object, untyped (`object`).
    case object
    /// A reference to a `type` declared in the same interface.
    case named(String)
    case optional(VarlinkType)
    case array(VarlinkType)
    /// `[string]T`: a JSON object with arbitrary keys and values of one type.
    case dictionary(VarlinkType)
    case structure([VarlinkField])
    case enumeration([String])
}

public struct VarlinkField: Sendable, Equatable {
    public let name: String
    public let type: VarlinkType

    public init(name: String, type: VarlinkType) {
        self.name = name
        self.type = type
    }
}

/// A parsed interface description: what a service promises to accept and answer.
public struct VarlinkInterfaceDefinition: Sendable, Equatable {
    public struct Method: Sendable, Equatable {
        public let name: String
        public let input: [VarlinkField]
        public let output: [VarlinkField]
    }

    public struct ErrorDeclaration: Sendable, Equatable {
        public let name: String
        public let parameters: [VarlinkField]
    }

    public let name: String
    public let types: [String: VarlinkType]
    public let methods: [String: Method]
    public let errors: [String: ErrorDeclaration]
}
