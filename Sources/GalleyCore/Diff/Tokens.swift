/// A normalised text cut into the diff's tokens: every Han character, kana and punctuation mark is one
/// token; with atoms on, a number (digits with `.` `,` `:` between them and `%` after) and a Latin word
/// (letters with `-` `'` between them) are one token each, so a diff reads `[-966-]{+996+}` and never
/// `9[-6-]{+9+}6`. Letters and digits make separate atoms (`iPhone15` is `iPhone` and `15`), which keeps
/// the mark on a changed version number small.
struct Tokens {
    /// Token ids: a single scalar is its own value; an atom has an id from the shared interner (≥ 0x110000).
    let ids: [Int32]
    /// `starts[t]` is the scalar offset of token `t` in the normalised text; `starts[count]` is its length.
    let starts: [Int32]

    static let firstAtomID: Int32 = 0x11_0000
    /// A run of letters or digits longer than this is compared character by character.
    static let longestAtom = 40

    var count: Int { ids.count }

    /// Scalar length of tokens `range`.
    @inline(__always) func length(_ range: Range<Int>) -> Int { Int(starts[range.upperBound] - starts[range.lowerBound]) }

    init(_ scalars: [UInt32], atoms: Bool, interner: inout SliceInterner) {
        var ids: [Int32] = []
        var starts: [Int32] = []
        ids.reserveCapacity(scalars.count)
        starts.reserveCapacity(scalars.count + 1)
        scalars.withUnsafeBufferPointer { s in
            s.withMemoryRebound(to: Int32.self) { values in
                let n = s.count
                var i = 0
                while i < n {
                    let c = s[i]
                    starts.append(Int32(i))
                    guard atoms, DiffCharacters.isAtomCharacter(c) else {
                        ids.append(Int32(bitPattern: c))
                        i += 1
                        continue
                    }
                    let j = DiffCharacters.isDigit(c) ? Self.numberEnd(s, i) : Self.wordEnd(s, i)
                    if j - i == 1 {
                        ids.append(Int32(bitPattern: c))
                    } else if j - i > Self.longestAtom {
                        // Not a word or a number (a code, a line of filler): one token a character.
                        ids.append(Int32(bitPattern: c))
                        for k in (i + 1)..<j {
                            starts.append(Int32(k))
                            ids.append(Int32(bitPattern: s[k]))
                        }
                    } else {
                        ids.append(interner.id(of: UnsafeBufferPointer(rebasing: values[i..<j])))
                    }
                    i = j
                }
                starts.append(Int32(n))
            }
        }
        self.ids = ids
        self.starts = starts
    }

    /// The end of the number starting at `i`: `4070.65`, `1,200`, `10:30`, `12%`.
    static func numberEnd(_ s: UnsafeBufferPointer<UInt32>, _ i: Int) -> Int {
        var j = i + 1
        while j < s.count {
            if DiffCharacters.isDigit(s[j]) {
                j += 1
            } else if j + 1 < s.count, s[j] == 0x2E || s[j] == 0x2C || s[j] == 0x3A, DiffCharacters.isDigit(s[j + 1]) {
                j += 2
            } else {
                break
            }
        }
        if j < s.count, s[j] == 0x25 { j += 1 }
        return j
    }

    /// The end of the Latin word starting at `i`: `Galley`, `COVID`, `well-known`, `don't`.
    static func wordEnd(_ s: UnsafeBufferPointer<UInt32>, _ i: Int) -> Int {
        var j = i + 1
        while j < s.count {
            if DiffCharacters.isLetter(s[j]) {
                j += 1
            } else if j + 1 < s.count, s[j] == 0x2D || s[j] == 0x27, DiffCharacters.isLetter(s[j + 1]) {
                j += 2
            } else {
                break
            }
        }
        return j
    }

    init(ids: [Int32], starts: [Int32]) {
        self.ids = ids
        self.starts = starts
    }

    /// Tokens `range` on their own (scalar offsets kept as they are).
    func slice(_ range: Range<Int>) -> Tokens {
        Tokens(ids: Array(ids[range]), starts: Array(starts[range.lowerBound...range.upperBound]))
    }

    /// True when token `t` is the paragraph separator.
    @inline(__always) func isParagraph(_ t: Int) -> Bool { ids[t] == Int32(DiffCharacters.paragraph) }
}
