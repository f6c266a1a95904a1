/// OpenAPI's `discriminator`: the property whose value picks the one branch an object is validated against.
struct Discriminator {
    var propertyName: String
    var mapping: [(value: String, node: SchemaNode)]

    func target(for value: String) -> SchemaNode? { mapping.first { $0.value == value }?.node }
}
