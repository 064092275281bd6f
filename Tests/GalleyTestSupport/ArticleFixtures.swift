/// Builds article files for tests.
public enum ArticleFixture {
    public static func text(id: String, issue: String = "2026-11-27", headline: String = "滨江今冬供暖提前启动",
                            status: String = "draft", body: String = "本报讯（记者陈立峰）11月26日，滨江市供热办召开调度会。\n\n全市供热面积达312万平方米。\n",
                            extra: String = "") -> String {
        """
        ---
        id: \(id)
        issue: \(issue)
        page: A1
        section: 要闻
        genre: news
        status: \(status)
        headline: \(headline)
        dateline: 本报讯
        credits:
          - {role: 记者, name: 陈立峰}
        \(extra)---
        \(body)
        """
    }

    public static func path(_ id: String, issue: String = "2026-11-27") -> String {
        "articles/\(issue)/\(id).md"
    }
}
