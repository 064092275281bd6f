import GalleyCore

/// The PDF page: a named paper size, a size in millimetres, or `fit` (the slot plus margins, at 1:1).
enum PageSize: Equatable {
    case paper(widthMM: Double, heightMM: Double)
    case fit

    static let a4 = PageSize.paper(widthMM: 210, heightMM: 297)
    static let a3 = PageSize.paper(widthMM: 297, heightMM: 420)
    static let pointsPerMM = 72 / 25.4
    /// Margins on every side, in points (15 mm).
    static let margin = 15 * pointsPerMM

    /// `a4`, `a3`, `fit` or `WxH` in millimetres (`420x297`, `353.5×320`).
    static func parse(_ text: String) throws(GalleyError) -> PageSize {
        switch text.lowercased() {
        case "a4": return .a4
        case "a3": return .a3
        case "fit": return .fit
        default:
            let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
            if parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]),
               (50...5000).contains(w), (50...5000).contains(h)
            {
                return .paper(widthMM: w, heightMM: h)
            }
            throw .usage("option 'page' of format 'pdf' takes a4, a3, fit or WxH in millimetres between 50 and 5000 (e.g. 420x297), not '\(text)'")
        }
    }

    /// Page size in points for content of `width` × `height` points, and the scale the content is drawn at:
    /// 1, or less when the content does not fit the paper inside the margins (a reduced proof, 缩样).
    func points(forContent width: Double, _ height: Double) -> (width: Double, height: Double, scale: Double) {
        switch self {
        case .fit:
            return (width + 2 * Self.margin, height + 2 * Self.margin, 1)
        case .paper(let w, let h):
            let pageWidth = w * Self.pointsPerMM, pageHeight = h * Self.pointsPerMM
            let room = (pageWidth - 2 * Self.margin, pageHeight - 2 * Self.margin)
            let scale = min(1, room.0 / max(width, 1), room.1 / max(height, 1))
            return (pageWidth, pageHeight, max(scale, 0.01))
        }
    }
}
