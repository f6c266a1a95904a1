import Foundation
import ConformCore

extension Synthesizer {
    /// A number (or integer) within `minimum`/`maximum`/`exclusive*` (OpenAPI 3.0's boolean forms too) and a
    /// multiple of `multipleOf`, computed in decimal so `0.01` steps stay exact; with a sensible default span
    /// (Unix times for `*_at`).
    func number(_ view: SchemaView, key: SeededRandom, member: String?, integer: Bool, trace: inout SynthesisTrace) -> JSONValue {
        let s = view.schema
        let (lo, hi) = bounds(view, member: member, integer: integer)
        let step = Self.step(s, integer: integer)
        var result: Decimal
        if let step {
            let kLo = (lo / step.doubleValue).rounded(.up), kHi = (hi / step.doubleValue).rounded(.down)
            let k = kLo <= kHi ? kLo + Double(key.below(Int(min(kHi - kLo, 1000)) + 1)) : kLo
            result = Decimal(Int64(max(min(k, 9e15), -9e15))) * step
            // Double bounds may round across an exclusive limit: step back inside.
            while let e = s.decimal("exclusiveMaximum"), result >= e { result -= step }
            while let e = s.decimal("exclusiveMinimum"), result <= e { result += step }
        } else if integer {
            result = Decimal(key.within(Int64(lo)...Int64(max(lo, hi))))
        } else {
            let whole = Double(key.within(Int64(lo)...Int64(max(lo, hi))))
            let candidate = whole + 0.5
            result = Decimal(candidate <= hi && candidate >= lo ? candidate : whole)
        }
        result = numberDrifts(view, result, integer: integer, step: step, trace: &trace)
        return .number(JSONNumber(text: Self.text(result)))
    }

    /// The spacing of valid values: `multipleOf`, or for integers the smallest integer multiple of it; nil
    /// when any value will do.
    static func step(_ s: JSONObject, integer: Bool) -> Decimal? {
        guard let d = s.decimal("multipleOf"), d > 0 else { return nil }
        guard integer, !d.isWhole else { return d }
        for q in 1...10_000 where (d * Decimal(q)).isWhole { return d * Decimal(q) }
        return d
    }

    /// Records the numeric drift sites and returns the broken value when one is armed.
    private func numberDrifts(_ view: SchemaView, _ valid: Decimal, integer: Bool, step: Decimal?, trace: inout SynthesisTrace) -> Decimal {
        let s = view.schema
        let unit = step ?? 1
        let limit = Decimal(1e15)
        if let m = s.decimal("minimum"), abs(m) < limit, site(.belowMinimum(at: view.pointer), "minimum", view, trace: &trace) {
            // OpenAPI 3.0 `exclusiveMinimum: true`: the bound itself already breaks it.
            let exclusive = s["exclusiveMinimum"]?.boolValue == true
            return exclusive ? ((m / unit).floored * unit) : (((m / unit).ceiled - 1) * unit)
        }
        if let m = s.decimal("maximum"), abs(m) < limit, site(.aboveMaximum(at: view.pointer), "maximum", view, trace: &trace) {
            let exclusive = s["exclusiveMaximum"]?.boolValue == true
            return exclusive ? ((m / unit).ceiled * unit) : (((m / unit).floored + 1) * unit)
        }
        if let e = s.decimal("exclusiveMinimum"), abs(e) < limit, site(.atExclusiveMinimum(at: view.pointer), "exclusiveMinimum", view, trace: &trace) {
            return (e / unit).floored * unit
        }
        if let e = s.decimal("exclusiveMaximum"), abs(e) < limit, site(.atExclusiveMaximum(at: view.pointer), "exclusiveMaximum", view, trace: &trace) {
            return (e / unit).ceiled * unit
        }
        // An integer cannot miss a step of 1 or less without stopping being an integer.
        if let d = s.decimal("multipleOf"), d > 0, !(integer && d <= 1), site(.notMultiple(at: view.pointer), "multipleOf", view, trace: &trace) {
            let offset = integer ? Decimal(1) : d / 2
            let (lo, hi) = bounds(view, member: nil, integer: integer)
            let up = valid + offset
            return up.doubleValue <= hi || (valid - offset).doubleValue < lo ? up : valid - offset
        }
        return valid
    }

    /// Inclusive bounds from minimum/maximum/exclusive*, with a sensible default span (Unix times for `*_at`).
    func bounds(_ view: SchemaView, member: String?, integer: Bool) -> (Double, Double) {
        let s = view.schema
        var lo = s["minimum"]?.numberValue?.doubleValue
        var hi = s["maximum"]?.numberValue?.doubleValue
        let step = integer ? 1 : min(0.25, (Self.step(s, integer: false)?.doubleValue ?? 1) / 2)
        if s["exclusiveMinimum"]?.boolValue == true, let l = lo { lo = integer ? (l + 1).rounded(.down) : l + step }
        if s["exclusiveMaximum"]?.boolValue == true, let h = hi { hi = integer ? (h - 1).rounded(.up) : h - step }
        if let e = s["exclusiveMinimum"]?.numberValue?.doubleValue { lo = max(lo ?? -.infinity, integer ? (e + 1).rounded(.down) : e + step) }
        if let e = s["exclusiveMaximum"]?.numberValue?.doubleValue { hi = min(hi ?? .infinity, integer ? (e - 1).rounded(.up) : e - step) }
        if let l = lo { lo = integer ? l.rounded(.up) : l }
        if let h = hi { hi = integer ? h.rounded(.down) : h }
        // Keep within what Int64 and Double hold exactly; documents state int64 limits as bounds.
        lo = lo.map { min(max($0, -1e15), 1e15) }
        hi = hi.map { min(max($0, -1e15), 1e15) }
        let name = member?.lowercased() ?? ""
        let isTime = name.hasSuffix("_at") || name == "created" || name.contains("timestamp") || name.hasSuffix("time")
        let span: ClosedRange<Double> = isTime ? 1_600_000_000...1_760_000_000 : 0...1000
        switch (lo, hi) {
        case let (l?, h?): return (l, max(l, h))
        case let (l?, nil): return (l, l + (span.upperBound - span.lowerBound > 1000 ? span.upperBound : 1000))
        case let (nil, h?): return (min(h, span.lowerBound), h)
        default: return (span.lowerBound, span.upperBound)
        }
    }

    /// JSON number text of a decimal (`5`, `-0.25`).
    static func text(_ d: Decimal) -> String { d.description }
}

extension JSONObject {
    /// A keyword's numeric value as an exact decimal (from the number's text).
    func decimal(_ key: String) -> Decimal? {
        guard let n = self[key]?.numberValue else { return nil }
        return Decimal(string: n.text)
    }
}

extension Decimal {
    var floored: Decimal { rounded(.down) }
    var ceiled: Decimal { rounded(.up) }
    var isWhole: Bool { rounded(.down) == self }
    var doubleValue: Double { NSDecimalNumber(decimal: self).doubleValue }

    func rounded(_ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = self, output = Decimal()
        NSDecimalRound(&output, &input, 0, mode)
        return output
    }
}
