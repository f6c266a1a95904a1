import ConformCore

/// A rule every listed item must meet whatever the request (`all(items, m => m.user.id == m.user_id)`):
/// the mock builds its catalog so that each item meets it, by driving the predicate true with the item
/// bound to the lambda's parameter (whatever its name).
struct ItemRepair {
    let expression: Expression
    let parameter: String
    let predicate: ExpressionNode

    /// The repairs an operation's success invariants ask of its items.
    static func repairs(_ operation: ConformCore.Operation, itemsPath: [String]) -> [ItemRepair] {
        var out: [ItemRepair] = []
        for inv in operation.successResponse?.invariants ?? [] {
            for part in inv.expression.root.conjuncts where !part.readsExchange {
                guard case .call("all", let args) = part.kind, args.count == 2, args[0].bodyPath(bound: []) == itemsPath,
                      case .lambda(let parameter, let predicate) = args[1].kind else { continue }
                out.append(ItemRepair(expression: inv.expression, parameter: parameter, predicate: predicate))
            }
        }
        return out
    }

    /// The item changed (as little as the driver can) so the predicate holds; the item itself when it cannot.
    func apply(_ item: JSONObject, fresh: @escaping (ValueScope.Place) -> JSONValue?) -> JSONObject {
        var scope = ValueScope(body: .object(JSONObject()), request: .object(JSONObject()), variables: [parameter: .object(item)])
        scope.assignable = [parameter]
        scope.fresh = fresh
        guard !scope.isTrue(predicate, in: expression) else { return item }
        InvariantDriver(expression: expression).drive(predicate, toward: true, in: &scope)
        return scope.variables[parameter]?.objectValue ?? item
    }
}

extension SuiteService {
    static func itemRepairs(_ operation: ConformCore.Operation, _ shape: ListShape, suite: Suite) -> [ItemRepair] {
        ItemRepair.repairs(operation, itemsPath: shape.itemsPath)
    }
}
