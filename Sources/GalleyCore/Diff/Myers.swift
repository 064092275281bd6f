/// Myers' O(ND) difference algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986) in linear
/// space: find the middle snake, split there, repeat on both halves. Written for Galley after the shape of
/// libxdiff's `xdl_recs_cmp`/`xdl_split`, including its cost limit: when a split has cost more than
/// about √(N+M) edit steps (at least 256), the furthest-reaching path found so far becomes the split.
/// The result is then no longer guaranteed minimal, but the time is bounded by roughly N·√N and it never
/// gives up into "delete everything, insert everything".
enum Myers {
    /// The least cost bound, as in libxdiff.
    static let minimumCostLimit = 256

    /// Marks the elements of `a[aRange]` that are deleted and of `b[bRange]` that are inserted.
    static func mark(_ a: UnsafeBufferPointer<Int32>, _ aRange: Range<Int>,
                     _ b: UnsafeBufferPointer<Int32>, _ bRange: Range<Int>,
                     deleted: UnsafeMutableBufferPointer<Bool>, inserted: UnsafeMutableBufferPointer<Bool>,
                     costLimit: Int? = nil) {
        let n = aRange.count
        let m = bRange.count
        let limit = costLimit ?? max(minimumCostLimit, roughSquareRoot(n + m))
        var forward = [Int](repeating: 0, count: n + m + 3)
        var backward = [Int](repeating: 0, count: n + m + 3)
        // Diagonal d = i1 - i2 lives at index d + shift; the lowest diagonal of the whole box is aLo - bHi.
        let shift = bRange.upperBound - aRange.lowerBound + 1
        var work: [(Int, Int, Int, Int, Bool)] = [(aRange.lowerBound, aRange.upperBound, bRange.lowerBound, bRange.upperBound, false)]
        forward.withUnsafeMutableBufferPointer { fwd in
            backward.withUnsafeMutableBufferPointer { bwd in
                while let (o1, l1, o2, l2, needMinimal) = work.popLast() {
                    var off1 = o1, lim1 = l1, off2 = o2, lim2 = l2
                    while off1 < lim1, off2 < lim2, a[off1] == b[off2] {
                        off1 += 1
                        off2 += 1
                    }
                    while off1 < lim1, off2 < lim2, a[lim1 - 1] == b[lim2 - 1] {
                        lim1 -= 1
                        lim2 -= 1
                    }
                    if off1 == lim1 {
                        for j in off2..<lim2 { inserted[j] = true }
                        continue
                    }
                    if off2 == lim2 {
                        for i in off1..<lim1 { deleted[i] = true }
                        continue
                    }
                    var s = split(a, off1, lim1, b, off2, lim2, fwd.baseAddress! + shift, bwd.baseAddress! + shift,
                                  needMinimal: needMinimal, costLimit: limit)
                    // Never a split at a corner (that would repeat the same box): halve the box instead.
                    if (s.i1 == off1 && s.i2 == off2) || (s.i1 == lim1 && s.i2 == lim2) {
                        s = Split(i1: (off1 + lim1) / 2, i2: (off2 + lim2) / 2, minimalLow: false, minimalHigh: false)
                    }
                    work.append((s.i1, lim1, s.i2, lim2, s.minimalHigh))
                    work.append((off1, s.i1, off2, s.i2, s.minimalLow))
                }
            }
        }
    }

    struct Split {
        var i1: Int
        var i2: Int
        var minimalLow: Bool
        var minimalHigh: Bool
    }

    /// The middle snake of the box (off1..<lim1) × (off2..<lim2), or the best split found within the cost limit.
    /// `kf` and `kb` are indexed by diagonal (they point into arrays shifted so that every diagonal is valid).
    static func split(_ a: UnsafeBufferPointer<Int32>, _ off1: Int, _ lim1: Int,
                      _ b: UnsafeBufferPointer<Int32>, _ off2: Int, _ lim2: Int,
                      _ kf: UnsafeMutablePointer<Int>, _ kb: UnsafeMutablePointer<Int>,
                      needMinimal: Bool, costLimit: Int) -> Split {
        let far = Int.max / 4
        let dmin = off1 - lim2
        let dmax = lim1 - off2
        let fmid = off1 - off2
        let bmid = lim1 - lim2
        let odd = (fmid - bmid) & 1 != 0
        var fmin = fmid, fmax = fmid
        var bmin = bmid, bmax = bmid
        kf[fmid] = off1
        kb[bmid] = lim1
        var cost = 1
        while true {
            if fmin > dmin {
                fmin -= 1
                kf[fmin - 1] = -1
            } else {
                fmin += 1
            }
            if fmax < dmax {
                fmax += 1
                kf[fmax + 1] = -1
            } else {
                fmax -= 1
            }
            var d = fmax
            while d >= fmin {
                var i1 = kf[d - 1] >= kf[d + 1] ? kf[d - 1] + 1 : kf[d + 1]
                var i2 = i1 - d
                while i1 < lim1, i2 < lim2, a[i1] == b[i2] {
                    i1 += 1
                    i2 += 1
                }
                kf[d] = i1
                if odd, bmin <= d, d <= bmax, kb[d] <= i1 {
                    return Split(i1: i1, i2: i2, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }
            if bmin > dmin {
                bmin -= 1
                kb[bmin - 1] = far
            } else {
                bmin += 1
            }
            if bmax < dmax {
                bmax += 1
                kb[bmax + 1] = far
            } else {
                bmax -= 1
            }
            d = bmax
            while d >= bmin {
                var i1 = kb[d - 1] < kb[d + 1] ? kb[d - 1] : kb[d + 1] - 1
                var i2 = i1 - d
                while i1 > off1, i2 > off2, a[i1 - 1] == b[i2 - 1] {
                    i1 -= 1
                    i2 -= 1
                }
                kb[d] = i1
                if !odd, fmin <= d, d <= fmax, i1 <= kf[d] {
                    return Split(i1: i1, i2: i2, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }
            if !needMinimal, cost >= costLimit {
                return furthestReaching(off1, lim1, off2, lim2, kf, kb, fmin: fmin, fmax: fmax, bmin: bmin, bmax: bmax)
            }
            cost += 1
        }
    }

    /// The point furthest along (by i1 + i2) on either search front: libxdiff's "enough is enough".
    static func furthestReaching(_ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int,
                                 _ kf: UnsafeMutablePointer<Int>, _ kb: UnsafeMutablePointer<Int>,
                                 fmin: Int, fmax: Int, bmin: Int, bmax: Int) -> Split {
        var fbest = -1, fbest1 = -1
        var d = fmax
        while d >= fmin {
            var i1 = min(kf[d], lim1)
            var i2 = i1 - d
            if lim2 < i2 {
                i1 = lim2 + d
                i2 = lim2
            }
            if fbest < i1 + i2 {
                fbest = i1 + i2
                fbest1 = i1
            }
            d -= 2
        }
        var bbest = Int.max, bbest1 = Int.max
        d = bmax
        while d >= bmin {
            var i1 = max(off1, kb[d])
            var i2 = i1 - d
            if i2 < off2 {
                i1 = off2 + d
                i2 = off2
            }
            if i1 + i2 < bbest {
                bbest = i1 + i2
                bbest1 = i1
            }
            d -= 2
        }
        if (lim1 + lim2) - bbest < fbest - (off1 + off2) {
            return Split(i1: fbest1, i2: fbest - fbest1, minimalLow: true, minimalHigh: false)
        }
        return Split(i1: bbest1, i2: bbest - bbest1, minimalLow: false, minimalHigh: true)
    }

    /// About √n, a power of two (libxdiff's `xdl_bogosqrt`).
    static func roughSquareRoot(_ n: Int) -> Int {
        var i = 1
        var k = n
        while k > 0 {
            i <<= 1
            k >>= 2
        }
        return i
    }

    /// The number of insertions plus deletions between `a` and `b`, or nil when it is over `limit`
    /// (forward greedy Myers; O((N+M)·limit)).
    static func editDistance(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, limit: Int) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        let maxD = min(limit, n + m)
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        let off = maxD + 1
        for d in 0...maxD {
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) {
                    x = v[off + k + 1]
                } else {
                    x = v[off + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[off + k] = x
                if x >= n, y >= m { return d }
                k += 2
            }
        }
        return nil
    }
}
