/// What `org.varlink.service.GetInfo` tells clients about the service.
public struct VarlinkServiceInfo: Sendable, Codable, Equatable {
    public var vendor: String
    public var product: String
    public var version: String
    public var url: String

    public init(vendor: String, product: String, version: String, url: String) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.url = url
    }
}

/// The interface every Varlink service provides, as varlink.org defines it.
enum OrgVarlinkService {
    static let description = """
    # The Varlink Service Interface is provided by every varlink service. It
    # describes the service and the interfaces it implements.
    interface org.varlink.service

    # Get a list of all the interfaces a service provides and information
    # about the implementation.
    method GetInfo() -> (
      vendor: string,
      product: string,
      version: string,
      url: string,
      interfaces: []string
    )

    # Get the description of an interface that is implemented by this service.
    method GetInterfaceDescription(interface: string) -> (description: string)

    # The requested interface was not found.
    error InterfaceNotFound (interface: string)

    # The requested method was not found
    error MethodNotFound (method: string)

    # The interface defines the requested method, but the service does not
    # implement it.
    error MethodNotImplemented (method: string)

    # One of the passed parameters is invalid.
    error InvalidParameter (parameter: string)

    # Client is denied access
    error PermissionDenied ()

    # Method is expected to be called with 'more' set to true, but wasn't
    error ExpectedMore ()

    """

    struct Info: Encodable, Sendable {
        let vendor: String
        let product: String
        let version: String
        let url: String
        let interfaces: [String]
    }

    struct DescriptionRequest: Decodable, Sendable {
        let interface: String
    }

    struct DescriptionReply: Encodable, Sendable {
        let description: String
    }

    /// Built from the other interfaces, so introspection always matches what is served.
    static func interface(info: VarlinkServiceInfo, serving others: [VarlinkInterface]) -> VarlinkInterface {
        let descriptions = Dictionary(uniqueKeysWithValues: others.map { ($0.name, $0.description) })
        let names = ["org.varlink.service"] + others.map(\.name)
        var methods = VarlinkMethodTable()
        methods.method("GetInfo") { (_: VarlinkEmpty, _) in
            Info(vendor: info.vendor, product: info.product, version: info.version, url: info.url, interfaces: names)
        }
        methods.method("GetInterfaceDescription") { (request: DescriptionRequest, _) in
            if request.interface == "org.varlink.service" { return DescriptionReply(description: description) }
            guard let text = descriptions[request.interface] else { throw VarlinkError.interfaceNotFound(request.interface) }
            return DescriptionReply(description: text)
        }
        // The description is ours and fixed; failing to parse it is a programming error caught by
        // every test run.
        return try! VarlinkInterface(description: description, methods: methods)
    }
}
