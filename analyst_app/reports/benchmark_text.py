"""Generated sentences of the benchmarking report: the figures of the benchmark JSON in prose.

The librarian edits these sentences instead of copying numbers ("在化学学科，我校 ESI 排名第
47 位……"); :mod:`analyst_app.reports.benchmark_report` puts them into the context.
"""

from __future__ import annotations

import pandas as pd

from analyst_app.domain.esi_fields import normalise_field
from analyst_app.reports import fmt_float, fmt_int, fmt_percent

#: Marker of a small-sample row (fewer papers than ``min_papers``).
SMALL_MARK = "†"


def group_positions(rows: pd.DataFrame) -> pd.Series:
    """Return each listed institution's place among the listed ones by ESI rank (ties share).

    Unlisted institutions get NA: they are outside the ranking, not last in it.
    """
    ranks = pd.to_numeric(rows["rank"], errors="coerce")
    return ranks.rank(method="min").astype("Int64")


#: Field labels of the analysis that are not ESI fields.
ALL_FIELDS, UNCLASSIFIED = "ALL FIELDS", "UNCLASSIFIED"
#: More threshold rows than this go to the Excel twin only (a large corpus has hundreds).
MAX_THRESHOLD_ROWS = 60
_NUMERALS = "一二三四五六七八九十"


def field_zh(field: str) -> str:
    """Return the Chinese name of an ESI field (``全部学科合计`` / ``未归类`` for the totals)."""
    if field == ALL_FIELDS:
        return "全部学科合计"
    if field == UNCLASSIFIED:
        return "未归类（无对应 ESI 学科）"
    found = normalise_field(field)
    return found.name_zh if found is not None else field


def numeral(n: int) -> str:
    """Return ``n`` (1–99) in Chinese numerals, as section numbers print it (十二, 二十一)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _NUMERALS[ones - 1]
    head = "" if tens == 1 else _NUMERALS[tens - 1]
    return head + "十" + (_NUMERALS[ones - 1] if ones else "")


def group_phrase(group: str | None) -> str:
    """Return how the group is named in sentences: `` C9 对标组`` or ``对标组``.

    The leading space sets a Latin group id apart from the Chinese word before it
    (``在 C9 对标组``), as the other numbers in the sentences are.
    """
    return f" {group} 对标组" if group else "对标组"


def _join(items: list[str]) -> str:
    return "、".join(items)


def _our_fields(data: dict) -> list[dict]:
    # Our standing per field: rank, percentile, place among the listed members.
    esi = pd.DataFrame(data["esi"])
    out = []
    for field, rows in esi.groupby("field", sort=False) if not esi.empty else []:
        ours = rows.assign(position=group_positions(rows))
        ours = ours[ours["institution"] == data["institution"]].iloc[0]
        out.append({"field": field, "field_zh": field_zh(field), "listed": bool(ours["listed"]),
                    "rank": ours["rank"], "percentile": ours["percentile"],
                    "position": ours["position"], "members": len(rows),
                    "listed_count": int(rows["listed"].sum())})
    return out


def lead_sentence(data: dict, names: dict[str, str], group: str, n_fields: int) -> str:
    """Return the opening sentence: who is compared with whom, on which data."""
    peers = len(data["peers"])
    esi = (f"ESI {n_fields} 个学科（{data['release']} 期）" if n_fields else "ESI（未导入榜单）")
    return (f"本报告以{group}（我校与 {peers} 所对标院校，共 {peers + 1} 所高校）为比较对象，"
            f"从 {esi}和导入的 Web of Science 论文集合两方面分析{names[data['institution']]}"
            "的学科竞争力，并给出排名走势与论文指标趋势。")


def overview_sentences(data: dict, fields: list[dict], names: dict[str, str]) -> list[str]:
    """Return the overview: fields entered, where we lead and lag within the group."""
    ours = _our_fields(data)
    if not ours:
        return ["未导入 ESI 榜单，本报告仅比较论文指标。"]
    members = ours[0]["members"]
    listed = [f for f in ours if f["listed"]]
    text = [f"本期共导入 {len(ours)} 个学科的 ESI 榜单，我校进入其中 {len(listed)} 个学科的 ESI "
            f"全球前 1%；对标组各学科平均有 "
            f"{sum(f['listed_count'] for f in ours) / len(ours):.1f} 所高校进入。"]
    half = members / 2
    ahead = [f for f in listed if f["position"] <= half]
    behind = [f for f in listed if f["position"] > half]
    for label, chosen in (("前半", ahead), ("后半", behind)):
        if chosen:
            chosen = sorted(chosen, key=lambda f: (f["position"], f["percentile"]))
            items = [f"{f['field_zh']}（第 {int(f['position'])}/{members}）" for f in chosen]
            text.append(f"我校位列对标组{label}的学科（{len(chosen)} 个）：{_join(items)}。")
    absent = [f["field_zh"] for f in ours if not f["listed"]]
    if absent:
        text.append(f"我校未进入 ESI 前 1% 的学科：{_join(absent)}。")
    if listed:
        best = min(listed, key=lambda f: (f["position"], f["percentile"]))
        top = min(listed, key=lambda f: f["percentile"])
        text.append(f"组内位次最好的学科为{best['field_zh']}（第 {int(best['position'])} 位），"
                    f"百分位最好的学科为{top['field_zh']}（前 {fmt_percent(top['percentile'])}）。")
    return text


def field_sentence(field: str, rows: pd.DataFrame, us: str, names: dict[str, str],
                   group: str) -> str:
    """Return the sentence of one field: our rank, our place in the group, the leader.

    Example: ``在化学学科，我校 ESI 排名第 47 位（前 2.20%），在 C9 对标组 10 所高校中位列第 8；
    对标组中排名最高的是中国科学技术大学（第 6 位），我校被引次数为其 46.3%。``
    """
    zh, members = field_zh(field), len(rows)
    listed = rows[rows["listed"]].sort_values("rank")
    ours = rows[rows["institution"] == us].iloc[0]
    absent = members - len(listed)
    note = f"（{absent} 所未进入 ESI 前 1%）" if absent else ""
    if not ours["listed"]:
        head = (f"在{zh}学科，我校未进入 ESI 前 1%（本学科榜单 {fmt_int(ours['institutions'])} "
                f"个机构），{group.strip()} {members} 所高校中有 {len(listed)} 所进入")
        if listed.empty:
            return head + "。"
        leader = listed.iloc[0]
        return (head + f"，排名最高的是{names.get(leader['institution'])}（第 "
                f"{fmt_int(leader['rank'])} 位）。")
    head = (f"在{zh}学科，我校 ESI 排名第 {fmt_int(ours['rank'])} 位（前 "
            f"{fmt_percent(ours['percentile'])}），在{group} {members} 所高校中位列第 "
            f"{fmt_int(ours['position'])}{note}")
    others = listed[listed["institution"] != us]
    if others.empty:
        return head + "，对标院校均未进入该学科 ESI 前 1%。"
    if int(ours["position"]) == 1:
        second = others.iloc[0]
        return (head + f"，领先组内第二的{names.get(second['institution'])}（第 "
                f"{fmt_int(second['rank'])} 位），被引次数为其 "
                f"{fmt_percent(ours['cites'] / second['cites'], 1)}。")
    leader = others.iloc[0]
    return (head + f"；对标组中排名最高的是{names.get(leader['institution'])}（第 "
            f"{fmt_int(leader['rank'])} 位），我校被引次数为其 "
            f"{fmt_percent(ours['cites'] / leader['cites'], 1)}。")


def esi_note(rows: pd.DataFrame, names: dict[str, str]) -> str:
    """Return the note under a field's ESI table."""
    absent = [names.get(n, n) for n in rows.loc[~rows["listed"], "institution"]]
    text = ("注：百分位 = 排名 ÷ N；组内位次为进入榜单院校按 ESI 排名的位次；高水平论文 = "
            "高被引论文与热点论文（ESI Top Papers）。")
    if absent:
        text += f"“未进入”表示不在本学科 ESI 前 1% 榜单中（不是 0）：{_join(absent)}。"
    return text


def esi_intro(data: dict, n_fields: int) -> list[str]:
    """Return the paragraphs opening the ESI section."""
    if not n_fields:
        return ["未导入 ESI 榜单，本节暂无内容。导入 ESI Institutions 榜单后重新生成报告即可。"]
    # The dot plot is the report's first figure, so its number is always 1.
    return [f"本节逐学科比较我校与对标院校在 ESI {data['release']} 期榜单中的表现，共 "
            f"{n_fields} 个学科。每个学科给出一张对标表和一张被引次数对比图；我校以粗体"
            "（图中红色）标出；图 1 汇总各学科的百分位分布。"]


def no_trend_sentence(releases: list[str]) -> str:
    """Return the sentence shown when fewer than two ESI releases are imported."""
    if not releases:
        return "未导入 ESI 榜单，暂无排名走势。"
    return (f"目前仅导入 1 期 ESI 数据（{releases[0]}），暂无法分析排名走势；"
            "导入更多期次的 ESI 榜单后重新生成报告，本节将给出各学科排名与百分位的变化。")


def trend_sentences(rows: list[dict], releases: list[str]) -> list[str]:
    """Return the trend paragraphs: rises and falls of our rank since the first release."""
    moved = [r for r in rows if r["_delta"] is not None]
    up = sorted((r for r in moved if r["_delta"] > 0), key=lambda r: -r["_delta"])
    down = sorted((r for r in moved if r["_delta"] < 0), key=lambda r: r["_delta"])
    text = [f"共导入 {len(releases)} 期 ESI 数据（{_join(releases)}）。与首期相比，我校排名"
            f"上升的学科 {len(up)} 个、下降 {len(down)} 个、持平 "
            f"{sum(1 for r in moved if r['_delta'] == 0)} 个。"]
    if up:
        text.append("排名上升的学科：" + _join(f"{r['field_zh']}（{r['change_first']}）"
                                          for r in up) + "。")
    if down:
        text.append("排名下降的学科：" + _join(f"{r['field_zh']}（{r['change_first']}）"
                                          for r in down) + "。")
    new = [r["field_zh"] for r in rows if r["change_first"] == "新进"]
    if new:
        text.append(f"首期以来新进入 ESI 前 1% 的学科：{_join(new)}。")
    return text


def year_sentences(years: pd.DataFrame, data: dict, names: dict[str, str]) -> list[str]:
    """Return the per-year paragraph: our papers and cites in the first and last year."""
    ours = years[years["institution"] == data["institution"]]
    text = [f"图中给出我校与对标院校在导入论文集合中 {year_span(data)}逐年的论文数与被引次数"
            "（各学科合计）。导入集合只是全部论文的一部分，逐年数字反映集合的构成，不代表各校全部产出。"]
    if ours.empty:
        text.append("导入论文集合中没有我校地址的论文。")
        return text
    first, last = ours.iloc[0], ours.iloc[-1]
    text.append(f"我校论文数由 {int(first['year'])} 年的 {fmt_int(first['papers'])} 篇变为 "
                f"{int(last['year'])} 年的 {fmt_int(last['papers'])} 篇，合计 "
                f"{fmt_int(ours['papers'].sum())} 篇、被引 {fmt_int(ours['cites'].sum())} 次。")
    return text


def year_span(data: dict) -> str:
    """Return the publication years of the WoS rows as printed (``2016–2025 年``), or ``""``."""
    years = [r["year"] for r in data["wos"] if r["year"] is not None]
    return f"{min(years)}–{max(years)} 年" if years else ""


def wos_scope(data: dict) -> str:
    """Return the scope of the publication indicators as printed in captions."""
    span = year_span(data)
    return f"导入论文集合，{span}" if span else "导入论文集合"


def publications_zh(data: dict) -> str:
    """Return the corpus filter as printed (the CLI writes it in English)."""
    text = data["parameters"]["publications"]
    return "全部导入论文" if text == "all publications" else text


def wos_intro(data: dict, has_rows: bool) -> list[str]:
    """Return the paragraphs opening the publication section (the CNCI caution first)."""
    if not has_rows:
        return ["未导入论文数据，或对标院校在导入的论文中均无地址，本节暂无内容。"]
    return [
        f"本节指标由导入的 Web of Science 论文集合计算（{year_span(data)}；论文范围："
        f"{publications_zh(data)}），与 ESI 榜单数据相互独立、不混合。",
        "前 10% / 前 1% 论文占比为集合内归一化（collection-normalised）指标，非 CNCI：阈值在"
        "导入集合的同一 ESI 学科、同一出版年内确定，只反映各校论文在本集合中的相对位置。",
        f"论文数少于 {data['parameters']['min_papers']} 篇的行以 {SMALL_MARK} 标注（小样本），"
        "其占比与 h 指数不稳定，仅供参考。",
    ]


def wos_note(small: bool, min_papers: int, absent: list[str]) -> str:
    """Return the note under a publication table."""
    text = "注：* 集合内归一化（collection-normalised），非 CNCI，定义见附录。"
    if small:
        text += f"{SMALL_MARK} 论文数少于 {min_papers} 篇（小样本）：占比与 h 指数不稳定。"
    if absent:
        text += f"本学科在导入集合中无论文的院校：{_join(absent)}。"
    return text


def wos_sentences(data: dict, names: dict[str, str]) -> list[str]:
    """Return the overview paragraph of our publication indicators and place in the group."""
    totals = pd.DataFrame(data["wos_totals"])
    if totals.empty:
        return ["未导入论文数据，论文指标暂缺。"]
    field = ALL_FIELDS if (totals["field"] == ALL_FIELDS).any() else totals["field"].iloc[0]
    block = totals[totals["field"] == field]
    ours = block[block["institution"] == data["institution"]]
    if ours.empty:
        spellings = "；".join(data["parameters"]["address_spellings"][data["institution"]])
        return [f"导入的论文集合中没有我校地址的论文（已尝试拼写：{spellings}），论文指标无法计算。"]
    row = ours.iloc[0]
    cpp_place = int((block["cites_per_paper"] > row["cites_per_paper"]).sum()) + 1
    paper_place = int((block["papers"] > row["papers"]).sum()) + 1
    span = year_span(data)
    text = [f"在导入论文集合（{span + '，' if span else ''}{field_zh(field)}）中，我校论文 {fmt_int(row['papers'])} 篇，"
            f"被引 {fmt_int(row['cites'])} 次，篇均被引 {fmt_float(row['cites_per_paper'])} 次，"
            f"h 指数 {fmt_int(row['h_index'])}；前 10% 论文占比 {fmt_percent(row['top10_share'], 1)}、"
            f"前 1% 论文占比 {fmt_percent(row['top1_share'], 1)}（集合内归一化，非 CNCI），"
            f"国际合作论文占比 {fmt_percent(row['international_share'], 1)}。",
            f"在对标组中有论文的 {len(block)} 所高校里，我校论文数位列第 {paper_place}，"
            f"篇均被引位列第 {cpp_place}。"]
    if row["small_sample"]:
        text.append(f"我校论文数少于 {data['parameters']['min_papers']} 篇（小样本），"
                    "上述占比与 h 指数不稳定，结论仅供参考。")
    return text


_WARNINGS = (
    (r"^(?P<name>.+) is in no peer group: its WoS spelling was guessed as '(?P<guess>.+)'; .*$",
     "{name}不在任何对标组中，其 WoS 地址拼写按 ESI 名称推测为“{guess}”，请在对标组中补充准确拼写。"),
    (r"^no ESI lists are imported: .*$", "未导入 ESI 榜单：ESI 对标表为空。"),
    (r"^no imported ESI list for (?P<fields>.+)$", "以下学科未导入 ESI 榜单：{fields}。"),
    (r"^no publication records are imported: .*$", "未导入论文数据：论文指标为空。"),
    (r"^no publication has an address of (?P<name>.+) \(spellings tried: (?P<tried>.*)\): .*$",
     "导入的论文中没有{name}的地址（已尝试拼写：{tried}）：请在对标组中补充拼写或导入其论文。"),
    (r"^(?P<name>.+): (?P<small>\d+) of (?P<cells>\d+) field-year cells have fewer than "
     r"(?P<min>\d+) papers .*$",
     "{name}：{cells} 个“学科 × 年度”单元中有 {small} 个论文数少于 {min} 篇（小样本），"
     "其占比与 h 指数不稳定。"),
    (r"^the top-1% threshold of (?P<thin>\d+) of (?P<all>\d+) field-years rests on fewer than "
     r"100 papers.*$",
     "导入集合的 {all} 个“学科 × 年度”中有 {thin} 个的前 1% 阈值基于不足 100 篇论文，"
     "单篇论文即可改变阈值，前 1% 占比宜谨慎解读。"),
)


def warning_zh(warning: str, names: dict[str, str]) -> str:
    """Return a benchmark warning in Chinese; an unknown one is returned unchanged.

    The analysis writes its warnings in English (they are also in the CLI JSON); the
    patterns here follow :mod:`analysis.benchmark` and :mod:`analyst_app.services.benchmark`.
    """
    import re

    for pattern, template in _WARNINGS:
        found = re.match(pattern, warning)
        if found:
            parts = found.groupdict()
            if "name" in parts:
                parts["name"] = names.get(parts["name"], parts["name"])
            if "fields" in parts:
                parts["fields"] = _join([field_zh(f.strip()) for f in parts["fields"].split(", ")])
            return template.format(**parts)
    return warning


def method_items(data: dict) -> list[str]:
    """Return the definitions printed in the appendix (Chinese, then the CLI's English note)."""
    params = data["parameters"]
    region = ("香港、澳门、台湾与中国大陆按同一地区计" if params["greater_china_as_one"] else
              "中国大陆、香港、澳门、台湾按不同地区计（与 ESI、InCites 一致），WoS 对香港、澳门"
              "地址也写作 Peoples R China，按城市名识别；英格兰、苏格兰、威尔士、北爱尔兰合为英国")
    return [
        f"ESI 指标：排名、论文数、被引次数、篇均被引、高水平论文数取自 {data['release'] or '—'} "
        "期 ESI Institutions 榜单原值；百分位 = 排名 ÷ N，N 为该学科榜单所列机构数；不在榜单"
        "中的院校记为“未进入”，不以 0 计。",
        "组内位次：我校与对标院校中进入该学科榜单者按 ESI 排名排序的位次，排名相同取相同位次；"
        "未进入的院校不参与排序。",
        "论文指标：导入论文集合中至少一个地址与院校拼写相符（机构名或地址中以逗号分隔的任一"
        "部分与拼写相同，不区分大小写）的论文，全计数；学科为论文 WoS 类别对应的 ESI 学科；"
        "被引次数为导出时的被引频次。",
        "前 10% / 前 1% 论文（集合内归一化，collection-normalised，非 CNCI）：在导入集合的每个"
        "ESI 学科、每个出版年内按被引次数从高到低排序，取第 ⌈0.10 × n⌉ / ⌈0.01 × n⌉ 篇的被引"
        "次数为阈值；被引次数不低于阈值且大于 0 的论文计入，与阈值并列的论文全部计入，"
        "因此前列论文可能多于相应比例。",
        f"国际合作论文：论文中至少有一个地址的国家/地区不同于该院校自身地址的国家/地区；{region}。",
        "h 指数：在单元格（院校 × 学科，或院校 × 学科 × 年度）内，h 篇论文各被引至少 h 次的最大 h。",
        f"小样本：论文数少于 {params['min_papers']} 篇的单元格标注 {SMALL_MARK}，其占比与 h 指数不稳定。",
        "英文方法说明（与命令 analyst-app benchmark --format json 的 method 字段相同）："
        + data["method"],
    ]


def members_sentence(data: dict, names: dict[str, str], group_name: str | None) -> str:
    """Return the sentence introducing the members table."""
    group = data.get("group")
    chosen = (f"对标组 {group}（{group_name}）" if group and group_name else
              f"对标组 {group}" if group else "命令中指定的对标院校")
    return (f"本报告的对标院校为{chosen}，共 {len(data['peers'])} 所；ESI 榜单按 ESI 名称匹配，"
            "论文按下表的 WoS 地址拼写匹配。拼写不全会低估该校的论文数，请在对标组设置中核对。")


def thresholds_sentence(n_rows: int, shown: bool) -> str:
    """Return the sentence about the threshold table (printed, or in the workbook only)."""
    if n_rows == 0:
        return "未导入论文数据，无被引阈值。"
    where = "见下表" if shown else f"共 {n_rows} 行，较多，见 Excel 附表“阈值”"
    return f"导入论文集合各 ESI 学科、出版年的前 10% / 前 1% 被引阈值{where}。"


def parameter_items(data: dict, names: dict[str, str], group_name: str | None,
                    program: str, stamp: str) -> list[str]:
    """Return the parameter and version lines of the appendix."""
    params = data["parameters"]
    releases = sorted({r["release"] for r in data["esi_trend"]})
    fields = _join([field_zh(f) for f in params["fields"]]) or "全部已导入学科"
    group = data.get("group")
    return [
        f"分析机构：{names[data['institution']]}（ESI 名称：{data['institution']}）。",
        f"对标组：{group + (f'（{group_name}）' if group_name else '') if group else '未使用（自选院校）'}；"
        f"对标院校：{_join([names.get(p, p) for p in data['peers']])}。",
        f"ESI 期次：{data['release'] or '未导入'}；已导入期次：{_join(releases) or '无'}。",
        f"论文集合：{publications_zh(data)}；学科范围：{fields}；小样本阈值：{params['min_papers']} 篇。",
        f"本报告由{program}于 {stamp} 生成；报告中的数字与命令 analyst-app benchmark "
        "--format json 的输出一致，完整数据见 Excel 附表。",
    ]


