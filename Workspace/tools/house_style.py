#!/usr/bin/env python3
"""滨江日报 house style: an external Galley plugin (protocol 1), standard library only.

Galley starts this program once per run with the repository root as working directory, writes one
compact JSON message per line on its stdin and reads one answer per line from its stdout:

    {"type":"describe","protocol":1}       ->  {"type":"description",...}
    {"type":"check","article":{...}}       ->  {"type":"findings","findings":[...]}

then closes stdin, and the program exits. Anything on stderr is free text Galley shows when the
plugin fails. Offsets and lengths are in Unicode scalars of the article body, which is exactly how
Python indexes a str. See docs/external-plugins.md.

Configure it in galley.yml:

    plugins:
      external:
        - name: house-style
          command: ["python3", "tools/house_style.py"]
"""

import json
import re
import sys

NAME = "house-style"
VERSION = "1.0.0"
PROTOCOL = 1

# 截止 means "to end, to close"; followed directly by a point in time it should be 截至 ("up to").
# Only clear time expressions count, so 截止日期, 截止前 and 11月30日截止 are left alone.
TIME_AFTER_JIEZHI = (
    r"[0-9０-９]|目前|今年|去年|明年|本月|上月|本周|上周|今天|今日|昨天|昨日|当天|当日|发稿|年底|月底|上半年|下半年"
)

RULES = [
    {
        "id": "house-style.no-qita",
        "summary": "本报统一用“其他”，不用“其它”",
        "severity": "warning",
        "pattern": re.compile("其它"),
        "message": "本报统一用“其他”，不用“其它”",
        "replacement": "其他",
        "triggering": [
            "滨江日报与⟪其它⟫媒体联合推出专题。",
            "⟪其它⟫单位和⟪其它⟫个人不得擅自占用消防通道。",
        ],
        "non_triggering": [
            "滨江日报与其他媒体联合推出专题。",
            "其他单位和个人不得擅自占用消防通道。",
        ],
        "corrections": [
            {"before": "市民可通过热线或其它渠道反映问题。", "after": "市民可通过热线或其他渠道反映问题。"},
        ],
    },
    {
        "id": "house-style.jiezhi",
        "summary": "“截止”后直接跟时间时应作“截至”",
        "severity": "warning",
        "pattern": re.compile("截止(?=" + TIME_AFTER_JIEZHI + ")"),
        "message": "表示“到某时为止”用“截至”；“截止”是到期停止，后面不直接跟时间",
        "replacement": "截至",
        "triggering": [
            "⟪截止⟫11月26日，全市供热面积达312万平方米。",
            "⟪截止⟫目前，已有30个小区恢复供暖。",
            "⟪截止⟫今年10月底，新建充电桩1200个。",
            "⟪截止⟫２０２６年，全市建成口袋公园86座。",
        ],
        "non_triggering": [
            "报名截止日期为11月30日。",
            "活动于11月30日截止。",
            "截止前须提交全部材料。",
            "截至11月26日，全市供热面积达312万平方米。",
        ],
        "corrections": [
            {"before": "截止目前，已有30个小区恢复供暖。", "after": "截至目前，已有30个小区恢复供暖。"},
        ],
    },
]


def describe():
    """The description: who we are and every rule with its examples."""
    rules = []
    for rule in RULES:
        rules.append({
            "id": rule["id"],
            "summary": rule["summary"],
            "severity": rule["severity"],
            "triggering": rule["triggering"],
            "non_triggering": rule["non_triggering"],
            "corrections": rule["corrections"],
        })
    return {"type": "description", "protocol": PROTOCOL, "name": NAME, "version": VERSION, "rules": rules}


def check(article):
    """Findings for one article. article["front_matter"] holds the header fields (all strings) and
    "credits"; it is {} for a file without front matter. This plugin only looks at the body."""
    body = article["body"]
    findings = []
    for rule in RULES:
        for match in rule["pattern"].finditer(body):
            findings.append({
                "rule": rule["id"],
                "severity": rule["severity"],
                "message": rule["message"],
                # Python str indices count code points, which are the protocol's Unicode scalars.
                "offset": match.start(),
                "length": match.end() - match.start(),
                "replacement": rule["replacement"],
            })
    findings.sort(key=lambda f: (f["offset"], f["rule"]))
    return {"type": "findings", "findings": findings}


def send(message):
    # Compact (no newline can appear: json escapes them inside strings), then flush at once:
    # Galley waits for each line and a pipe is block-buffered.
    sys.stdout.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main():
    # The streams are UTF-8 whatever the locale says.
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")
    while True:
        line = sys.stdin.readline()
        if not line:
            return 0  # Galley closed stdin: the run is over.
        if not line.strip():
            continue
        request = json.loads(line)
        kind = request.get("type")
        if kind == "describe":
            send(describe())
        elif kind == "check":
            send(check(request["article"]))
        else:
            # A request this version does not know: say why on stderr and stop.
            print(f"{NAME}: unknown request type {kind!r}", file=sys.stderr)
            return 2


if __name__ == "__main__":
    sys.exit(main())
