import Foundation
import GalleyCore

/// `staff.yml`: the people who may be credited, their roles and when they worked here.
struct StaffRoster: Sendable {
    struct Member: Sendable {
        let name: String
        let roles: [String]
        let aliases: [String]
        let from: CivilDate?
        let to: CivilDate?
        let line: Int
    }

    static let file = "staff.yml"
    let members: [Member]
    private let byName: [String: Member]

    init(members: [Member]) {
        self.members = members
        var map: [String: Member] = [:]
        for m in members {
            map[m.name] = map[m.name] ?? m
            for a in m.aliases { map[a] = map[a] ?? m }
        }
        byName = map
    }

    func member(_ name: String) -> Member? { byName[name] }

    /// Roster names one edit away (a wrong, missing or extra character), for suggestions.
    func nearest(_ name: String) -> [String] {
        members.map(\.name).filter { Self.distance(Array($0), Array(name)) == 1 }
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var row = [i + 1]
            for (j, cb) in b.enumerated() {
                row.append(min(previous[j + 1] + 1, row[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = row
        }
        return previous[b.count]
    }

    /// The roster of the newsroom, or the reason there is none (missing file, bad YAML, bad entries).
    static func load(_ resources: NewsroomResources?) -> Result<StaffRoster, RosterProblem> {
        guard let resources else { return .failure(.missing) }
        let key = resources.file(file) ?? ""
        return resources.shared("byline.staff-roster") { cache.value(for: key) { parse(resources) } }
    }

    static func parse(_ resources: NewsroomResources) -> Result<StaffRoster, RosterProblem> {
        guard let parsed = resources.yaml(file) else { return .failure(.missing) }
        let root: YAMLNode?
        switch parsed {
        case .failure(let e): return .failure(.invalid("\(file):\(e.line): not valid YAML: \(e.message)"))
        case .success(let node): root = node
        }
        guard let list = root?["staff"]?.items else {
            return .failure(.invalid("\(file):\(root?.line ?? 1): expected a top-level 'staff:' list"))
        }
        var members: [Member] = []
        var seen: [String: Int] = [:]
        for item in list {
            guard let name = item["name"]?.string, !name.isEmpty else {
                return .failure(.invalid("\(file):\(item.line): a staff entry needs a 'name'"))
            }
            if let first = seen[name] {
                return .failure(.invalid("\(file):\(item.line): duplicate name '\(name)' (first at line \(first))"))
            }
            seen[name] = item.line
            let roles = item["roles"]?.items?.compactMap(\.string) ?? []
            guard !roles.isEmpty else { return .failure(.invalid("\(file):\(item.line): '\(name)' needs 'roles', e.g. [记者]")) }
            let aliases = item["aliases"]?.items?.compactMap(\.string) ?? []
            func date(_ key: String) -> Result<CivilDate?, RosterProblem> {
                guard let s = item["active"]?[key]?.string, !s.isEmpty, s != "null", s != "~" else { return .success(nil) }
                guard let d = CivilDate(iso: s) else { return .failure(.invalid("\(file):\(item["active"]?.line ?? item.line): active.\(key) '\(s)' is not a YYYY-MM-DD date")) }
                return .success(d)
            }
            let from: CivilDate?
            let to: CivilDate?
            switch (date("from"), date("to")) {
            case (.success(let f), .success(let t)):
                from = f
                to = t
            case (.failure(let e), _), (_, .failure(let e)): return .failure(e)
            }
            members.append(Member(name: name, roles: roles, aliases: aliases, from: from, to: to, line: item.line))
        }
        return .success(StaffRoster(members: members))
    }

    static let cache = ResultCache<Result<StaffRoster, RosterProblem>>()
}

/// Why the roster rules cannot run.
enum RosterProblem: Error, Sendable {
    case missing
    case invalid(String)

    var message: String {
        switch self {
        case .missing: return "no staff.yml in the newsroom: the roster rules (byline.roster) are off"
        case .invalid(let m): return m
        }
    }
}
