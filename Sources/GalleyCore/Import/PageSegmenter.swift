/// Which side of its article a page prints each headline on.
public enum HeadlineSide: String, Sendable, CaseIterable {
    /// Decide from the page: `before` when it starts with a headline, else `after`.
    case auto
    case before
    /// The PDF's reading order puts the headline after the body (the sample page does).
    case after
}

/// How a piece of the page begins.
enum PieceOpening: Equatable {
    /// `本报讯（…）`, `本报北京…电`, `新华社…电`.
    case dateline
    /// A standalone `本报记者 X` line.
    case byline
    /// A photo caption (`昨日，…`, `图为…`).
    case caption
    /// Nothing recognisable.
    case none
}

/// One piece of the page before its paragraphs are built: the line indices it spans and its headline.
struct PageSegment {
    var opening: PieceOpening
    /// Indices of the body lines, blank lines included (they separate paragraphs or columns).
    var lines: [Int] = []
    var headline: [Int]?
    var hasBody: Bool
}

/// Cuts a page into pieces at openings, bylines and headline blocks, attaching each headline block
/// to the piece on the side the page prints it.
struct PageSegmenter {
    let lines: [PageLine]
    let groups: [[Int]]
    let side: HeadlineSide
    private(set) var segments: [PageSegment] = []
    /// Headline blocks that had no piece to attach to.
    private(set) var unattached: [[Int]] = []

    init(lines: [PageLine], side requested: HeadlineSide) {
        self.lines = lines
        self.groups = HeadlineGroups(lines: lines).groups
        if requested == .auto {
            let firstText = lines.firstIndex { !$0.isBlank }
            side = firstText != nil && groups.first?.first == firstText ? .before : .after
        } else {
            side = requested
        }
        cut()
    }

    private mutating func cut() {
        var groupStarting: [Int: [Int]] = [:]
        for g in groups { groupStarting[g[0]] = g }
        var current: PageSegment?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.isBlank {
                current?.lines.append(i)
                i += 1
                continue
            }
            if let group = groupStarting[i] {
                attach(group, to: &current)
                i = group.last! + 1
                continue
            }
            let opening = startOfPiece(i)
            if let opening {
                if current?.hasBody == true { close(&current) }
                if current == nil { current = PageSegment(opening: opening, hasBody: false) }
                current!.opening = opening
            } else if current?.hasBody != true {
                if current == nil { current = PageSegment(opening: .none, hasBody: false) }
                current!.opening = PagePatterns.isCaptionStart(line.string) ? .caption : .none
            }
            current!.lines.append(i)
            current!.hasBody = true
            i += 1
        }
        close(&current)
    }

    private mutating func attach(_ group: [Int], to current: inout PageSegment?) {
        switch side {
        case .after, .auto:  // `side` is never .auto here: init resolved it
            if current?.hasBody == true {
                current!.headline = group
                close(&current)
            } else {
                unattached.append(group)
            }
        case .before:
            if current?.hasBody == true { close(&current) }
            if let pending = current, pending.headline != nil { unattached.append(pending.headline!) }
            current = PageSegment(opening: .none, headline: group, hasBody: false)
        }
    }

    private mutating func close(_ current: inout PageSegment?) {
        guard let segment = current else { return }
        if segment.hasBody {
            segments.append(segment)
        } else if let headline = segment.headline {
            unattached.append(headline)
        }
        current = nil
    }

    /// How line `i` starts a piece, if it does. A byline counts only alone in its block.
    private func startOfPiece(_ i: Int) -> PieceOpening? {
        let line = lines[i]
        if PagePatterns.isOpening(line.string) { return .dateline }
        let alone = (i == 0 || lines[i - 1].isBlank) && (i + 1 == lines.count || lines[i + 1].isBlank)
        if alone, PagePatterns.isBylineLine(line.raw) { return .byline }
        return nil
    }
}
