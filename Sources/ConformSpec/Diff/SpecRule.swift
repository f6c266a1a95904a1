/// Every rule `conform spec diff` applies: its id and level. Ids are oasdiff's where a rule matches one
/// (so severity and ignore files carry over); the one rule oasdiff has no id for is marked.
public enum SpecRule: String, Sendable, CaseIterable {
    // Operations.
    case apiPathRemoved = "api-path-removed-without-deprecation"
    case apiRemoved = "api-removed-without-deprecation"
    case endpointAdded = "endpoint-added"
    // Parameters.
    case newRequiredParameter = "new-required-request-parameter"
    case newOptionalParameter = "new-optional-request-parameter"
    case parameterRemoved = "request-parameter-removed"
    case parameterBecameRequired = "request-parameter-became-required"
    case parameterBecameOptional = "request-parameter-became-optional"
    case parameterTypeChanged = "request-parameter-type-changed"
    case parameterEnumValueAdded = "request-parameter-enum-value-added"
    case parameterEnumValueRemoved = "request-parameter-enum-value-removed"
    case parameterBecameEnum = "request-parameter-became-enum"
    case parameterMinIncreased = "request-parameter-min-increased"
    case parameterMinDecreased = "request-parameter-min-decreased"
    case parameterMinSet = "request-parameter-min-set"
    case parameterMaxDecreased = "request-parameter-max-decreased"
    case parameterMaxIncreased = "request-parameter-max-increased"
    case parameterMaxSet = "request-parameter-max-set"
    case parameterExclusiveMinIncreased = "request-parameter-exclusive-min-increased"
    case parameterExclusiveMinDecreased = "request-parameter-exclusive-min-decreased"
    case parameterExclusiveMinSet = "request-parameter-exclusive-min-set"
    case parameterExclusiveMaxDecreased = "request-parameter-exclusive-max-decreased"
    case parameterExclusiveMaxIncreased = "request-parameter-exclusive-max-increased"
    case parameterExclusiveMaxSet = "request-parameter-exclusive-max-set"
    case parameterMinLengthIncreased = "request-parameter-min-length-increased"
    case parameterMinLengthDecreased = "request-parameter-min-length-decreased"
    case parameterMaxLengthDecreased = "request-parameter-max-length-decreased"
    case parameterMaxLengthIncreased = "request-parameter-max-length-increased"
    case parameterMaxLengthSet = "request-parameter-max-length-set"
    case parameterMinItemsIncreased = "request-parameter-min-items-increased"
    case parameterMinItemsDecreased = "request-parameter-min-items-decreased"
    case parameterMinItemsSet = "request-parameter-min-items-set"
    case parameterMaxItemsDecreased = "request-parameter-max-items-decreased"
    case parameterMaxItemsIncreased = "request-parameter-max-items-increased"
    // Responses.
    case successStatusRemoved = "response-success-status-removed"
    case nonSuccessStatusRemoved = "response-non-success-status-removed"
    case successStatusAdded = "response-success-status-added"
    case nonSuccessStatusAdded = "response-non-success-status-added"
    case mediaTypeRemoved = "response-media-type-removed"
    case bodyTypeChanged = "response-body-type-changed"
    case propertyTypeChanged = "response-property-type-changed"
    case bodyBecameNullable = "response-body-became-nullable"
    case propertyBecameNullable = "response-property-became-nullable"
    case propertyBecameNotNullable = "response-property-became-not-nullable"
    case requiredPropertyRemoved = "response-required-property-removed"
    case optionalPropertyRemoved = "response-optional-property-removed"
    case requiredPropertyAdded = "response-required-property-added"
    case optionalPropertyAdded = "response-optional-property-added"
    case propertyBecameOptional = "response-property-became-optional"
    case propertyBecameRequired = "response-property-became-required"
    case propertyEnumValueAdded = "response-property-enum-value-added"
    case propertyEnumValueRemoved = "response-property-enum-value-removed"
    /// Conform's own (oasdiff has no id for it): `additionalProperties` went from allowed to `false` or to a schema.
    case additionalPropertiesTightened = "response-property-additional-properties-tightened"

    public var id: String { rawValue }

    /// Default level, oasdiff's where it has the rule.
    public var level: SpecLevel {
        switch self {
        case .apiPathRemoved, .apiRemoved, .newRequiredParameter, .parameterBecameRequired, .parameterTypeChanged,
             .parameterEnumValueRemoved, .parameterBecameEnum, .parameterMinIncreased, .parameterMinSet, .parameterMaxDecreased,
             .parameterMaxSet, .parameterExclusiveMinIncreased, .parameterExclusiveMinSet, .parameterExclusiveMaxDecreased,
             .parameterExclusiveMaxSet, .parameterMinLengthIncreased, .parameterMaxLengthDecreased, .parameterMaxLengthSet,
             .parameterMinItemsIncreased, .parameterMinItemsSet, .parameterMaxItemsDecreased,
             .successStatusRemoved, .mediaTypeRemoved, .bodyTypeChanged, .propertyTypeChanged, .bodyBecameNullable,
             .propertyBecameNullable, .requiredPropertyRemoved, .propertyBecameOptional:
            return .err
        case .parameterRemoved, .optionalPropertyRemoved, .propertyEnumValueAdded, .additionalPropertiesTightened:
            return .warn
        default:
            return .info
        }
    }

    /// Whether oasdiff has this id (false only for Conform's own rules).
    public var isOasdiffID: Bool { self != .additionalPropertiesTightened }
}
