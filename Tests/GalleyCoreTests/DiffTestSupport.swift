import GalleyCore

/// Sample copy for the diff tests (written for them; a fictional city paper), and the bench's metrics.
enum DiffSample {
    /// Five paragraphs of news copy, one paragraph per element.
    static let paragraphs = [
        "本报讯（记者陈立峰 通讯员梁志诚）11月26日零时起，滨江市主城区集中供热管网全面转入正式运行，比往年提前3天。记者从市住房和城乡建设局获悉，今年全市集中供热总面积达到5860万平方米，较去年新增312万平方米。",
        "今年入秋以来，我市平均气温较常年同期偏低1.5℃左右，市气象台预计今冬仍可能出现阶段性强降温天气。为此，市住建局会同市城管局、国网滨江供电公司等单位，自9月起对全市1900余公里供热管网开展全面“体检”，共排查隐患点467处，更换老化阀门、补偿器等部件2300余个。",
        "11月26日上午，市委副书记魏东升带队来到江北区第二热源厂和东湖区金桂苑小区，实地查看机组运行和居民室内温度情况。在金桂苑小区居民刘桂芳家中，工作人员用红外测温仪测得卧室温度为21.3℃。",
        "常务副市长谢文斌在当天下午召开的全市供热保障工作调度会上要求，各供热企业要严格落实24小时值班制度，对群众反映的室温不达标、暖气不热等问题做到“接诉即办”，确保群众温暖过冬。",
        "记者了解到，今年市财政共安排供热管网改造和困难群众取暖补贴资金4070.65万元，惠及低保、特困供养等群体1.2万余户。市民如遇室温偏低、暖气漏水等问题，可拨打12345政务服务便民热线，或通过“滨江供热”微信小程序在线报修。",
    ]

    /// The paragraphs hard-wrapped at `width` characters a line (as a PDF column extract), blank line between.
    static func page(_ paragraphs: [String] = paragraphs, width: Int = 14) -> String {
        paragraphs.map { wrap($0, width) }.joined(separator: "\n\n") + "\n"
    }

    /// Greedy hard wrap by character count; a closing mark never starts a line.
    static func wrap(_ text: String, _ width: Int) -> String {
        let closing = Set("，。、；：？！”’）》…%")
        var lines: [String] = []
        var current = ""
        for ch in text {
            if current.count >= width, !closing.contains(ch) {
                lines.append(current)
                current = ""
            }
            current.append(ch)
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}

/// The diff bench's figures for a list of pieces (`../shared/bench/diffbench/run_bench.py`):
/// R non-white characters marked deleted or inserted, W white space marked, H runs of changes not
/// separated by unchanged non-white text, M characters moved (counted once).
struct DiffFigures: Equatable, CustomStringConvertible {
    var marked = 0
    var whiteMarked = 0
    var hunks = 0
    var moved = 0

    init(_ pieces: [DiffPiece]) {
        var inRun = false
        var movedBoth = 0
        for p in pieces {
            let nonWhite = p.text.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            if p.op == .equal {
                if nonWhite > 0 { inRun = false }
                continue
            }
            if p.op == .movedFrom || p.op == .movedTo {
                movedBoth += nonWhite
            } else {
                marked += nonWhite
                whiteMarked += p.text.unicodeScalars.count - nonWhite
            }
            if !inRun {
                hunks += 1
                inRun = true
            }
        }
        moved = movedBoth / 2
    }

    var description: String { "R=\(marked) W=\(whiteMarked) H=\(hunks) M=\(moved)" }
}

extension Array where Element == DiffPiece {
    /// The old text (normalised) or the new text as the pieces give it.
    func text(old: Bool) -> String {
        filter { old ? $0.op.inOld : $0.op.inNew }.map(\.text).joined()
    }

    /// git word-diff markers, for readable expectations.
    var marked: String {
        map { p in
            switch p.op {
            case .equal: return p.text
            case .delete: return "[-\(p.text)-]"
            case .insert: return "{+\(p.text)+}"
            case .movedFrom: return "[<\(p.text)<]"
            case .movedTo: return "{>\(p.text)>}"
            }
        }.joined()
    }
}

/// Replaces the first occurrence of `old` (which may run across hard line breaks) by `new`, keeping the
/// line breaks where they were: what an editor does when fixing text inside a laid-out column.
func editInPlace(_ text: String, _ old: String, _ new: String) -> String {
    let chars = Array(text)
    let target = Array(old)
    var i = 0
    while i < chars.count {
        var j = i, k = 0
        var breaks: [Int] = []
        while j < chars.count, k < target.count {
            if chars[j] == "\n", k > 0 { breaks.append(k); j += 1; continue }
            if chars[j] != target[k] { break }
            j += 1
            k += 1
        }
        if k == target.count {
            var replacement = Array(new)
            for b in breaks.reversed() where b <= replacement.count { replacement.insert("\n", at: b) }
            return String(chars[..<i]) + String(replacement) + String(chars[j...])
        }
        i += 1
    }
    preconditionFailure("\(old) not found")
}
