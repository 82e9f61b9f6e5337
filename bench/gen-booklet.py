#!/usr/bin/env python3
# gen-booklet.py PAGES OUT — writes OUT.xml (our deck vocabulary) and OUT.typ
# (the same content for Typst), the benchmark booklet of issue #19: nine
# dense slides (lists in three columns twice, two tables, four bar charts,
# one slide with fit="shrink") repeated to PAGES pages (a multiple of 9),
# every page with its own Japanese text drawn from word lists by a seeded
# random generator, so that no cache can serve a repeated page and the
# output is the same on every run. SPDX-License-Identifier: MIT
#
# How the two outputs differ (they are comparable, not identical):
# - Typst draws the title band, the footer and the bar charts with its own
#   primitives (rect, line, place) from a few functions at the top of the
#   .typ file; the charts' axis step and maximum, and the bars' number
#   labels (7,498), are worked out here for Typst, where ashireport works
#   them out itself from the data.
# - Typst has no fit="shrink": the shrink slide is set there at the fixed
#   text size ashireport shrinks that slide to (SHRINK below: ours sets
#   those slides at 90 to 95 %, read from its PDF's Tf operators).
# - Line breaking is each engine's own (JLReq total fit here, Typst's
#   optimised breaking with its CJK rules), so lines and row heights differ
#   a little. Both write tagged PDFs with subset TrueType fonts (the same
#   font files, BIZ UDPGothic regular and bold); ashireport also writes
#   PDF/A-2a metadata, the output intent and the outline.
import random
import sys

SHRINK = 0.9

DISTRICTS = ["旭町", "末広", "春光", "永山", "神楽", "東光", "豊岡", "忠和", "緑が丘",
             "西神楽", "東旭川", "江丹別", "神居", "北門", "大町", "新富", "宮前", "亀吉",
             "曙", "川端", "花咲", "錦町", "東鷹栖", "近文", "住吉", "上川", "台場", "旭岡"]
PROJECTS = ["除排雪の強化", "子育て支援センターの運営", "公園の再整備", "図書館の開館時間延長",
            "路線バスの再編", "高齢者の見守り", "空き家の利活用", "商店街の活性化",
            "学校給食の地産地消", "防災訓練", "歩道のロードヒーティング", "放課後児童クラブの拡充",
            "医療的ケア児の支援", "街路灯のLED化", "ごみの減量化", "木育プログラム",
            "観光案内所の多言語化", "移住相談", "農業の担い手育成", "市民活動への助成",
            "スクールカウンセラーの配置", "ICT端末の更新", "家具産業の販路拡大", "雪堆積場の拡充"]
VERBS = ["を実施しました", "を拡充します", "に着手しました", "を開始しました", "を見直しました",
         "を進めています", "を前倒しで行いました", "を継続します", "の検証を終えました"]
GOALS = ["利用者の満足度", "待機児童数", "相談件数", "参加者数", "事業費", "CO2排出量",
         "平均通報時間", "来訪者数", "登録団体数", "寄附件数", "修繕箇所", "通行止め時間"]
UNITS = ["件", "人", "万円", "千円", "%", "t", "km", "回", "か所", "世帯", "台", "時間"]
SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤",
            "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"]
GIVEN = ["健一", "美咲", "大輔", "陽子", "翔太", "由美", "誠", "恵", "拓也", "直子", "悠真",
         "結衣", "蓮", "陽菜", "湊", "凛"]
FIRMS = ["有明産業", "北の木工房", "大雪精機", "石狩フーズ", "旭川メディカル", "カムイ物流",
         "ノースウッド", "上川ファーム", "雪華電子", "忠別テック", "神楽ガラス", "永山建設"]
TRADES = ["家具製造", "洋酒樽製造", "食品加工", "医療機器販売", "倉庫・物流", "ソフトウェア開発",
          "木製玩具の製造・販売", "電子部品", "建設業", "農業法人", "観光サービス", "印刷業"]
HQ = ["旭川市", "札幌市", "東京都", "京都市", "大阪市", "名古屋市", "福岡市", "仙台市"]
SEASONS = ["春", "夏", "秋", "冬"]
MEDIA = ["X (旧Twitter)", "Facebook", "Instagram", "LINE", "YouTube"]
TOPICS = ["子育て", "除排雪", "公共交通", "防災", "教育", "福祉", "観光", "産業", "環境", "医療",
          "文化", "スポーツ"]
NOTES = ["地元から{n}人を採用", "{d}地区に新工場", "令和{y}年度に操業開始", "市の補助{n}万円",
         "{d}に物流拠点", "空き店舗を活用", "本社機能を一部移転", "大学と共同研究"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def num(self, lo, hi):
        return self.r.randint(lo, hi)

    def name(self):
        return self.pick(SURNAMES) + self.pick(GIVEN)

    def sentence(self):
        """one sentence: a list of runs, (text, bold)"""
        r = self.r.randrange(5)
        if r == 0:
            return [(f"{self.pick(DISTRICTS)}地区で{self.pick(PROJECTS)}{self.pick(VERBS)}（", 0),
                    (f"{self.num(2, 980):,}{self.pick(UNITS)}", 1),
                    (f"、前年比{self.num(80, 160)}%）。", 0)]
        if r == 1:
            return [(f"令和{self.num(2, 8)}年度の{self.pick(GOALS)}は", 0),
                    (f"{self.num(100, 99999):,}{self.pick(UNITS)}", 1),
                    (f"で、目標の{self.num(70, 130)}%に達しました。", 0)]
        if r == 2:
            return [(f"担当の{self.name()}さんは「{self.pick(PROJECTS)}は{self.pick(DISTRICTS)}の"
                     f"声から生まれた」と話します。", 0)]
        if r == 3:
            return [(f"{self.pick(PROJECTS)}の費用{self.num(10, 9999):,}万円のうち、"
                     f"国の補助は{self.num(5, 60)}%です。", 0)]
        return [(f"{self.num(1, 12)}月{self.num(1, 28)}日に{self.pick(DISTRICTS)}で説明会を開き、", 0),
                (f"{self.num(12, 480)}人", 1), ("が参加しました。", 0)]

    def item(self, max_chars):
        """a list item of at most max_chars characters (runs)"""
        while True:
            s = self.sentence()
            if sum(len(t) for t, _ in s) <= max_chars:
                return s


def nice_axis(top):
    """axis maximum and step for the largest value top (1, 2, 2.5, 5 x 10^n)"""
    mag = 1
    while mag * 10 <= top:
        mag *= 10
    for m in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10):
        step = m * mag
        if step * 5 >= top:
            return step * -(-top // step), step
    return top, top


def slides(g, k):
    """the nine slides of repetition k (1-based), as plain dicts"""
    out = []
    for part in (1, 2):
        cols = []
        for _ in range(3):
            cols.append({"h": f"■{g.pick(DISTRICTS)}地区の{g.pick(TOPICS)}",
                         "items": [g.item(34) for _ in range(5)]})
        out.append({"kind": "cols", "title": f"第{k}期 地区別の取組（{part}）{g.pick(DISTRICTS)}ほか",
                    "cols": cols})
    rows = [[f"{g.pick(FIRMS)}{g.num(1, 99)}株式会社", g.pick(HQ), g.pick(TRADES), g.num(3, 2400),
             g.pick(NOTES).format(n=g.num(2, 300), d=g.pick(DISTRICTS), y=g.num(6, 9))]
            for _ in range(12)]
    out.append({"kind": "table", "title": f"第{k}期 企業立地の状況",
                "widths": ["1fr", "26mm", "1fr", "28mm", "1fr"], "num": [3],
                "head": ["立地企業", "本社", "業種", "雇用（人）", "備考"], "rows": rows,
                "borders": "rules"})
    cats = g.r.sample(MEDIA, 4)
    out.append({"kind": "chart", "type": "bar", "stacked": False, "unit": "件",
                "title": f"投稿件数（第{k}期・{g.name()}担当）", "cats": cats,
                "series": [("就任前", [g.num(100, 2000) for _ in cats]),
                           ("就任後", [g.num(500, 7000) for _ in cats])],
                "legend": "top", "slide": f"第{k}期 SNS投稿件数の推移"})
    years = [f"令和{y}年度" for y in range(2, 7)]
    out.append({"kind": "chart", "type": "hbar", "stacked": False, "unit": "万円",
                "title": f"寄附額（第{k}期）", "cats": years,
                "series": [("寄附額", [g.num(1000, 30000) for _ in years])],
                "legend": "none", "slide": f"第{k}期 ふるさと納税の寄附額"})
    rows = [[p, g.num(1000, 900000), f"{g.num(90, 125)}%"] for p in g.r.sample(PROJECTS, 11)]
    rows.append(["合計", sum(r[1] for r in rows), f"{g.num(98, 106)}%"])
    out.append({"kind": "table", "title": f"第{k}期 予算の内訳（{g.pick(DISTRICTS)}）",
                "widths": ["1fr", "45mm", "40mm"], "num": [1],
                "head": ["事業", "予算額（千円）", "前年度比"], "rows": rows, "borders": "grid"})
    out.append({"kind": "chart", "type": "bar", "stacked": True, "unit": "千人",
                "title": f"観光入込客数（第{k}期）", "cats": SEASONS,
                "series": [(n, [g.num(20, 400) for _ in SEASONS]) for n in ("道内", "道外", "海外")],
                "legend": "top", "slide": f"第{k}期 観光客の入込数"})
    modes = ["バス", "鉄道", "タクシー", "自転車"]
    out.append({"kind": "chart", "type": "bar", "stacked": False, "unit": "人",
                "title": f"1日あたり利用者数（第{k}期）", "cats": modes,
                "series": [(f"令和{y}年", [g.num(300, 9000) for _ in modes]) for y in (4, 5, 6)],
                "legend": "right", "slide": f"第{k}期 公共交通の利用者数"})
    paras = [[r for _ in range(6) for r in g.sentence()] for _ in range(3)]
    out.append({"kind": "shrink", "title": f"第{k}期 今後の取組（{g.name()}）", "paras": paras,
                "items": [g.item(40) for _ in range(6)]})
    # under each chart, two sentences of its own
    for s in out:
        if s["kind"] == "chart":
            s["note"] = [r for _ in range(2) for r in g.sentence()]
    return out


# ---- our XML ----------------------------------------------------------------
def xesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xruns(runs):
    return "".join(f"<b>{xesc(t)}</b>" if b else xesc(t) for t, b in runs)


def chart_xml(s, o):
    stacked = ' stacked="true"' if s["stacked"] else ""
    legend = f' legend="{s["legend"]}"' if s["legend"] != "top" else ""
    o.append(f'  <slide title="{xesc(s["slide"])}">\n'
             f'    <chart type="{s["type"]}"{stacked} unit="{s["unit"]}" title="{xesc(s["title"])}"'
             f' number-format="comma" h="110mm"{legend}>\n      ')
    o.append("".join(f"<category>{xesc(c)}</category>" for c in s["cats"]) + "\n")
    for name, vals in s["series"]:
        o.append(f'      <series name="{xesc(name)}">{" ".join(map(str, vals))}</series>\n')
    o.append(f"    </chart>\n    <p>{xruns(s['note'])}</p>\n  </slide>\n")


def deck_xml(pages, all_slides):
    o = ['<?xml version="1.0" encoding="UTF-8"?>\n'
         '<deck xmlns="urn:ashireport:deck:1" xml:lang="ja" page="A4-landscape">\n'
         f'  <info><title>ベンチマーク冊子（{pages}ページ）</title><author>旭川市</author>'
         '<date>2026-01-31</date></info>\n'
         '  <theme><master footer-text="ASAHIKAWA CITY"/></theme>\n']
    for s in all_slides:
        if s["kind"] == "cols":
            o.append(f'  <slide title="{xesc(s["title"])}">\n    <columns widths="1fr 1fr 1fr" gap="6mm">\n')
            for c in s["cols"]:
                o.append(f'      <column>\n        <h>{xesc(c["h"])}</h>\n        <list>\n')
                o.extend(f"          <item>{xruns(i)}</item>\n" for i in c["items"])
                o.append("        </list>\n      </column>\n")
            o.append("    </columns>\n  </slide>\n")
        elif s["kind"] == "table":
            o.append(f'  <slide title="{xesc(s["title"])}">\n'
                     f'    <table header-rows="1" borders="{s["borders"]}" widths="{" ".join(s["widths"])}">\n      ')
            o.append("".join('<col align="num" format="comma"/>' if i in s["num"] else "<col/>"
                             for i in range(len(s["head"]))) + "\n")
            o.append("      <tr>" + "".join(f"<th>{xesc(h)}</th>" for h in s["head"]) + "</tr>\n")
            for row in s["rows"]:
                o.append("      <tr>" + "".join(f"<td>{xesc(str(c))}</td>" for c in row) + "</tr>\n")
            o.append("    </table>\n  </slide>\n")
        elif s["kind"] == "chart":
            chart_xml(s, o)
        else:
            o.append(f'  <slide title="{xesc(s["title"])}" fit="shrink">\n')
            o.extend(f"    <p>{xruns(p)}</p>\n" for p in s["paras"])
            o.append("    <list>\n")
            o.extend(f"      <item>{xruns(i)}</item>\n" for i in s["items"])
            o.append("    </list>\n  </slide>\n")
    o.append("</deck>\n")
    return "".join(o)


# ---- Typst ------------------------------------------------------------------
TYPST_HEAD = r"""// generated by bench/gen-booklet.py: the benchmark booklet for Typst
#let band = rgb("#1F4E79")
#let accent = rgb("#D7000F")
#let muted = rgb("#6B6B6B")
#let ink = rgb("#222222")
#set document(title: "ベンチマーク冊子", author: "旭川市")
#set text(font: "BIZ UDPGothic", lang: "ja", size: 16pt, fill: ink,
          top-edge: 1em, bottom-edge: 0em)
#set par(justify: true, leading: 0.6em, spacing: 0.6em)
#set page(width: 297mm, height: 210mm,
  margin: (left: 18mm, right: 18mm, top: 33mm, bottom: 14mm),
  footer-descent: 0mm,
  footer: {
    place(top + left, dy: 2mm, line(length: 100%, stroke: 0.5pt + muted))
    place(bottom + left, dy: -7mm + 10pt, text(10pt, fill: muted)[ASAHIKAWA CITY #h(1fr) #context counter(page).display()])
  })
#let slide(title, body, size: 16pt) = page(background: {
    place(top + left, rect(width: 100%, height: 24mm, fill: band))
    place(top + left, dy: 24mm, rect(width: 100%, height: 1.2mm, fill: accent))
    place(top + left, dx: 18mm, dy: 12mm - 12pt,
      block(width: 261mm, text(24pt, weight: "bold", fill: white, top-edge: "cap-height", title)))
  }, text(size, body))
#let hd(body) = block(above: 0.6em, below: 0.5em, text(20pt, weight: "bold", fill: band, body))
#let lst(..items) = list(marker: [・], indent: 0pt, body-indent: 0pt, spacing: 0.6em, ..items)
#let tbl(widths, head, rows, grid: true) = {
  set text(13pt, top-edge: 1em, bottom-edge: 0em)
  set par(leading: 0.35em, justify: false)
  table(columns: widths, inset: (x: 2mm, y: 1.5mm),
    stroke: if grid { 0.5pt + rgb("#8C8C8C") } else { (x: none, y: 0.5pt + rgb("#8C8C8C")) },
    fill: (x, y) => if y == 0 { rgb("#DCE6F1") },
    table.header(..head.map(h => align(center, text(weight: "bold", fill: band, h)))),
    ..rows.flatten())
}
#let palette = (rgb("#1F4E79"), rgb("#F2A33A"), rgb("#3F8F7F"), rgb("#A9C4E2"), rgb("#9E2A2B"), rgb("#6B6B6B"))
// a bar chart from rect bars: cats, series ((name, (values), (labels))),
// the axis (max, step, step labels), vertical or horizontal, stacked
#let chart(title, unit, cats, series, amax, step, ticks, horiz: false, stacked: false,
           legend: "top", totals: none, height: 110mm) = {
  set text(13pt, top-edge: 1em, bottom-edge: 0em)
  set par(justify: false)
  align(center, text(15pt, weight: "bold", title))
  let key = series.enumerate().map(((i, s)) => box[#box(rect(width: 4mm, height: 4mm, fill: palette.at(i))) #s.at(0)])
  if legend == "top" and series.len() > 1 { align(center, key.join(h(6mm))) }
  block(width: 100%, height: height - 20mm, layout(size => {
    let lw = if legend == "right" { 45mm } else { 0mm }
    let ax = if horiz { 28mm } else { 16mm }
    let pw = size.width - ax - lw
    let ph = size.height - 12mm
    let n = cats.len()
    if legend == "right" {
      place(top + left, dx: size.width - lw + 6mm, dy: 10mm, stack(spacing: 3mm, ..key))
    }
    place(top + left, dx: 0mm, dy: -2mm, text(11pt, fill: muted, "(" + unit + ")"))
    for (j, t) in ticks.enumerate() {
      let f = j * step / amax
      if horiz {
        place(top + left, dx: ax + f * pw, dy: 0mm, line(length: ph, angle: 90deg, stroke: 0.4pt + luma(200)))
        place(top + left, dx: ax + f * pw - 10mm, dy: ph + 2mm, box(width: 20mm, align(center, text(11pt, fill: muted, t))))
      } else {
        place(top + left, dx: ax, dy: 6mm + ph - f * ph, line(length: pw, stroke: 0.4pt + luma(200)))
        place(top + left, dx: 0mm, dy: 6mm + ph - f * ph - 2mm, box(width: ax - 2mm, align(right, text(11pt, fill: muted, t))))
      }
    }
    let slot = (if horiz { ph } else { pw }) / n
    let k = if stacked { 1 } else { series.len() }
    let bw = slot * 0.6 / k
    for (c, cat) in cats.enumerate() {
      let base = 0
      for (i, s) in series.enumerate() {
        let v = s.at(1).at(c)
        let len = v / amax * (if horiz { pw } else { ph })
        let off = base / amax * (if horiz { pw } else { ph })
        let pos = c * slot + slot * 0.2 + (if stacked { 0 } else { i }) * bw
        if horiz {
          place(top + left, dx: ax + off, dy: pos, rect(width: len, height: bw, fill: palette.at(i)))
          if not stacked { place(top + left, dx: ax + off + len + 1mm, dy: pos + bw / 2 - 5pt, text(11pt, s.at(2).at(c))) }
        } else {
          place(top + left, dx: ax + pos, dy: 6mm + ph - off - len, rect(width: bw, height: len, fill: palette.at(i)))
          if not stacked { place(top + left, dx: ax + pos - 5mm, dy: 6mm + ph - off - len - 5mm, box(width: bw + 10mm, align(center, text(11pt, s.at(2).at(c))))) }
        }
        if stacked { base += v }
      }
      if stacked and totals != none {
        place(top + left, dx: ax + c * slot, dy: 6mm + ph - base / amax * ph - 5mm, box(width: slot, align(center, text(11pt, weight: "bold", totals.at(c)))))
      }
      if horiz {
        place(top + left, dx: 0mm, dy: c * slot + slot / 2 - 6pt, box(width: ax - 3mm, align(right, cat)))
      } else {
        place(top + left, dx: ax + c * slot, dy: 6mm + ph + 2mm, box(width: slot, align(center, cat)))
      }
    }
    if horiz { place(top + left, dx: ax, dy: 0mm, line(length: ph, angle: 90deg, stroke: 0.8pt + ink)) }
    else { place(top + left, dx: ax, dy: 6mm + ph, line(length: pw, stroke: 0.8pt + ink)) }
  }))
}
"""


def tesc(s):
    """text as Typst markup"""
    out = []
    for ch in s:
        if ch in "\\#*_`$<>@[]~/=-+\"'":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def tstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def truns(runs):
    return "".join(f"#strong[{tesc(t)}]" if b else tesc(t) for t, b in runs)


def fmt_axis(v):
    return f"{int(v):,}" if v == int(v) else f"{v:,}"


def chart_typ(s, o):
    stacked = s["stacked"]
    if stacked:
        tot = [sum(vals[c] for _, vals in s["series"]) for c in range(len(s["cats"]))]
    else:
        tot = [v for _, vals in s["series"] for v in vals]
    amax, step = nice_axis(max(tot))
    ticks = "(" + ", ".join(tstr(fmt_axis(step * j)) for j in range(int(round(amax / step)) + 1)) + ",)"
    ser = ", ".join(f"({tstr(n)}, ({', '.join(map(str, v))},), ({', '.join(tstr(f'{x:,}') for x in v)},))"
                    for n, v in s["series"])
    cats = ", ".join(tstr(c) for c in s["cats"])
    extra = ", stacked: true, totals: (" + ", ".join(tstr(f"{t:,}") for t in tot) + ",)" if stacked else ""
    o.append(f'#slide({tstr(s["slide"])})[#chart({tstr(s["title"])}, {tstr(s["unit"])}, ({cats},), ({ser},), '
             f'{amax}, {step}, {ticks}, horiz: {"true" if s["type"] == "hbar" else "false"}, '
             f'legend: "{s["legend"]}"{extra})\n\n{truns(s["note"])}]\n')


def deck_typ(all_slides):
    o = [TYPST_HEAD]
    for s in all_slides:
        if s["kind"] == "cols":
            o.append(f'#slide({tstr(s["title"])})[#grid(columns: (1fr, 1fr, 1fr), column-gutter: 6mm,\n')
            for c in s["cols"]:
                items = ", ".join(f"[{truns(i)}]" for i in c["items"])
                o.append(f'  [#hd[{tesc(c["h"])}] #lst({items})],\n')
            o.append(")]\n")
        elif s["kind"] == "table":
            def cell(i, c):
                return f'align(right)[{c:,}]' if i in s["num"] else f"[{tesc(str(c))}]"
            rows = ", ".join("(" + ", ".join(cell(i, c) for i, c in enumerate(r)) + ")" for r in s["rows"])
            head = ", ".join(f"[{tesc(h)}]" for h in s["head"])
            widths = ", ".join(s["widths"])
            o.append(f'#slide({tstr(s["title"])})[#tbl(({widths}), ({head}), ({rows}), '
                     f'grid: {"true" if s["borders"] == "grid" else "false"})]\n')
        elif s["kind"] == "chart":
            chart_typ(s, o)
        else:
            body = "\n\n".join(truns(p) for p in s["paras"])
            items = ", ".join(f"[{truns(i)}]" for i in s["items"])
            o.append(f'#slide({tstr(s["title"])}, size: {16 * SHRINK:.2f}pt)[{body}\n\n#lst({items})]\n')
    return "".join(o)


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) % 9 or int(sys.argv[1]) == 0:
        sys.exit("usage: gen-booklet.py PAGES OUT   (PAGES a multiple of 9; writes OUT.xml and OUT.typ)")
    pages, base = int(sys.argv[1]), sys.argv[2]
    g = Gen(19)
    all_slides = [s for k in range(1, pages // 9 + 1) for s in slides(g, k)]
    with open(base + ".xml", "w", encoding="utf-8") as f:
        f.write(deck_xml(pages, all_slides))
    with open(base + ".typ", "w", encoding="utf-8") as f:
        f.write(deck_typ(all_slides))


if __name__ == "__main__":
    main()
