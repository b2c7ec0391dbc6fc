"""Generate ``template.docx`` of the ESI bulletin (ESI 学科动态监测通报) with python-docx.

Run ``python report_templates/esi_bulletin/build_template.py`` after changing this script.
The output is an ordinary Word document with docxtpl (Jinja) tags: a librarian may edit its
wording and styles in Word as long as the ``{{ ... }}`` and ``{% ... %}`` tags stay intact.
The context variables are documented in :mod:`analyst_app.reports.esi_bulletin`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from anywhere in the tree

from analyst_app.reports import docx_style as ds  # noqa: E402
from analyst_app.reports import template_kit as kit  # noqa: E402

#: Header and body cells of table 1: (header, cell tag, width in cm, left-aligned).
MAIN_COLUMNS = (
    ("学科", "{{ row.field_zh }}", 3.3, True),
    ("排名", "{{ row.rank }}", 1.5, False),
    ("机构数 N", "{{ row.institutions }}", 1.6, False),
    ("百分位", "{{ row.percentile }}", 1.6, False),
    ("论文数", "{{ row.documents }}", 1.6, False),
    ("被引次数", "{{ row.cites }}", 1.9, False),
    ("篇均被引", "{{ row.cites_per_paper }}", 1.5, False),
    ("高水平论文", "{{ row.top_papers }}", 1.6, False),
    ("1% 阈值", "{{ row.threshold_1pct }}", 1.8, False),
    ("1‰ 阈值", "{{ row.threshold_1permille }}", 1.9, False),
    ("1‱ 阈值", "{{ row.threshold_1per10k }}", 1.9, False),
    ("层次", "{{ row.level }}", 1.6, False),
    ("排名变化", "{{ row.change }}", 1.3, False),
)

SOURCE_COLUMNS = (
    ("学科", "{{ s.field_zh }}", 2.2, True),
    ("期次", "{{ s.release }}", 1.6, False),
    ("文件名", "{{ s.file_name }}", 3.0, True),
    ("SHA-256", "{{ s.sha256 }}", 4.6, True),
    ("导入时间", "{{ s.imported_at }}", 2.0, False),
    ("机构数 N", "{{ s.institutions }}", 1.2, False),
)

HISTORY_COLUMNS = (
    ("学科", "{{ h.field_zh }}", 2.8, True),
    ("期次", "{{ h.release }}", 2.0, False),
    ("排名", "{{ h.rank }}", 1.3, False),
    ("机构数 N", "{{ h.institutions }}", 1.6, False),
    ("百分位", "{{ h.percentile }}", 1.6, False),
    ("被引次数", "{{ h.cites }}", 1.9, False),
    ("层次", "{{ h.level }}", 1.7, False),
    ("排名变化", "{{ h.change }}", 1.6, False),
)

POTENTIAL_COLUMNS = (
    ("学科", "{{ p.field_zh }}", 3.6, True),
    ("层次", "{{ p.level }}", 1.8, False),
    ("被引次数", "{{ p.cites }}", 2.0, False),
    ("来源", "{{ p.source }}", 1.2, False),
    ("P（1%）", "{{ p.p_1pct }}", 2.0, False),
    ("P（1‰）", "{{ p.p_1permille }}", 2.0, False),
    ("P（1‱）", "{{ p.p_1per10k }}", 2.0, False),
    ("下一层次", "{{ p.next_level }}", 1.7, False),
    ("关注", "{{ p.watch }}", 1.6, False),
    ("入选预测区间", "{{ p.forecast }}", 3.4, False),
)

PUSH_COLUMNS = (
    ("序号", "{{ r.no }}", 1.0, False),
    ("类型", "{{ r.kind_zh }}", 2.2, False),
    ("题名", "{{ r.title }}", 7.0, True),
    ("ESI 学科", "{{ r.field_zh }}", 2.6, True),
    ("被引", "{{ r.times_cited }}", 1.4, False),
    ("待通知作者", "{{ r.authors }}", 5.6, True),
    ("学院", "{{ r.schools }}", 3.2, True),
)

PAPER_SOURCE_COLUMNS = (
    ("期次", "{{ s.release }}", 1.6, False),
    ("类型", "{{ s.kind_zh }}", 2.0, False),
    ("文件名", "{{ s.file_name }}", 3.6, True),
    ("SHA-256", "{{ s.sha256 }}", 5.6, True),
    ("论文数", "{{ s.papers }}", 1.4, False),
)


def main(out: Path = HERE / "template.docx") -> Path:
    """Build the template and write it to ``out``; return the path."""
    document = kit.report_document("esi_bulletin", "ESI 学科动态监测通报", "（{{ release }} 期）",
                                   "数据来源：Clarivate Essential Science Indicators（ESI）")
    _summary(document)
    _main_table(document)
    _figure_and_history(document)
    _potential_and_papers(document)
    _appendix(document)
    document.save(out)
    return out


def _summary(document) -> None:
    kit.new_section(document, restart=True)
    document.add_heading("一、摘要", level=1)
    document.add_paragraph("{{ lead }}")
    for title, var in (("（一）总体情况", "overview"), ("（二）各学科表现", "field_sentences"),
                       ("（三）变化情况", "change_sentences"),
                       ("（四）距更高层次的差距", "distance_sentences")):
        document.add_heading(title, level=2)
        kit.loop_paragraphs(document, var)


def _main_table(document) -> None:
    kit.new_section(document, landscape=True)
    document.add_heading("二、ESI 学科排名总表", level=1)
    document.add_paragraph(
        "表 1 列出本期 ESI 全部 {{ field_count }} 个已导入学科的排名、论文与被引情况及各层次阈值，"
        "已进入 ESI 前 1% 的学科列在前面。")
    kit.caption(document, "表", "1", "　{{ institution_name }} ESI 各学科排名与阈值（{{ release }} 期）")
    # 小五 (9 pt) keeps "1,127" and "前1‰" on one line in these widths.
    kit.loop_table(document, MAIN_COLUMNS, "rows", "row", size="小五")
    note = kit.plain(document, "注：百分位 = 排名 ÷ 机构数 N；阈值以被引次数计。"
                     "{% if has_derived_threshold %}* 由榜单末位机构被引次数推得（未导入官方 1% 阈值）。"
                     "{% endif %}{% if previous_release %}排名变化相对上期（{{ previous_release }}），"
                     "↑ 为上升、↓ 为下降。{% else %}本期为首次导入，暂无排名变化。{% endif %}",
                     style=ds.TABLE_TEXT_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _figure_and_history(document) -> None:
    kit.new_section(document)
    document.add_heading("三、学科阈值对比图", level=1)
    document.add_paragraph(
        "图 1 以对数刻度给出各已进入学科被引次数与前 1%、前 1‰、前 1‱ 阈值之比；"
        "比值达到 1（虚线）即达到相应层次。")
    kit.figure(document, "figure_1", "1",
               "　{{ institution_name }} 各学科被引次数与 ESI 阈值之比（{{ release }} 期）")
    document.add_heading("四、多期变化", level=1)
    document.add_paragraph("{{ history_intro }}")
    kit.caption(document, "表", "2", "　{{ institution_name }} ESI 已进入学科各期表现")
    kit.loop_table(document, HISTORY_COLUMNS, "history_rows", "h", size="小五")
    note = kit.plain(document, "注：排名变化相对上一期，↑ 为上升、↓ 为下降；首期及上期未导入该学科"
                     "榜单时记为“—”。", style=ds.TABLE_TEXT_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT
    # Figure 2 is the last figure, so leaving it out with one release renumbers nothing.
    kit.plain(document, "{%p if has_history %}")
    kit.figure(document, "figure_2", "2",
               "　{{ institution_name }} ESI 各学科百分位变化（{{ history_releases_text }}）")
    kit.plain(document, "{%p endif %}")
    document.add_heading("（一）逐期变化表述", level=2)
    kit.loop_paragraphs(document, "history_sentences")


def _potential_and_papers(document) -> None:
    kit.new_section(document, landscape=True)
    document.add_heading("五、潜力学科", level=1)
    document.add_paragraph("{{ potential_intro }}")
    kit.caption(document, "表", "3", "　{{ institution_name }} ESI 各学科潜力值（{{ release }} 期）")
    kit.loop_table(document, POTENTIAL_COLUMNS, "potential_rows", "p", size="小五")
    note = kit.plain(document, "注：P（1%）、P（1‰）、P（1‱）分别为被引次数与前 1%、前 1‰、前 1‱ 阈值之比；"
                     "来源“ESI”为 ESI 榜单被引次数，“WoS”为本校 Web of Science 记录统计"
                     "（{{ window_text }}，论文与综述）；入选预测为 {{ confidence_text }} 置信区间，"
                     "不满足预测条件时记为“不作预测”，原因见正文。", style=ds.TABLE_TEXT_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT
    kit.loop_paragraphs(document, "potential_sentences")
    document.add_heading("六、本期新增高被引论文与热点论文", level=1)
    kit.loop_paragraphs(document, "push_sentences")
    kit.caption(document, "表", "4", "　{{ institution_name }} 本期新增 ESI 高被引论文与热点论文"
                "（{{ release }} 期）")
    kit.loop_table(document, PUSH_COLUMNS, "push_rows", "r", size="小五")
    note = kit.plain(document, "注：待通知作者为署本校地址的作者，“（通讯）”为通讯作者；"
                     "学院按学院映射表由作者地址匹配。", style=ds.TABLE_TEXT_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT


def _appendix(document) -> None:
    kit.new_section(document)
    document.add_heading("附录　方法与数据来源", level=1)
    document.add_heading("（一）计算方法", level=2)
    for text in (
        "百分位 = 排名 ÷ N，N 为该学科 ESI 榜单（全球前 1%）所列机构数。",
        "前 1‰ 阈值 = 榜单第 {{ rank_1permille_formula }} 位机构的被引次数；"
        "前 1‱ 阈值 = 榜单第 {{ rank_1per10k_formula }} 位机构的被引次数；"
        "位次取整方式：{{ rounding_zh }}。",
        "前 1% 阈值：已导入 ESI 官方阈值的学科采用官方值，否则取榜单末位机构的被引次数"
        "（表 1 中以 * 标注）。",
        "层次：被引次数不低于前 1‱ 阈值为“前 1‱”，不低于前 1‰ 阈值为“前 1‰”，"
        "列入榜单为“前 1%”。阈值比 = 被引次数 ÷ 阈值；差距 = 阈值 − 被引次数。",
        "潜力值 P = 本校该学科被引次数 ÷ 阈值（前 1%、前 1‰ 或前 1‱）。P ≥ 1 即达到该层次；"
        "{{ watch_text }} ≤ P < 1（对下一层次）为潜力学科。已进入学科的被引次数取自 ESI 榜单；"
        "未进入学科 ESI 不公布其被引次数，取本校 Web of Science 记录中 ESI 统计窗口"
        "（{{ window_text }}）内的论文（Article）与综述（Review）的被引次数，学科按 ESI 期刊"
        "清单（未导入时按 WoS 学科类别对照表估计）归属。",
        "ESI 统计窗口：ESI 每两个月更新一次，覆盖最近 10 年又若干月的 Web of Science 论文，"
        "机构按全计数统计、按总被引次数排名。",
        "入选预测：将本校被引次数与阈值之差（线性模型）或二者之比的对数（对数线性模型）对"
        "发布时间作最小二乘拟合，取拟合优度较高者，求差距为零的时间；区间为 Fieller "
        "{{ confidence_text }} 置信区间。至少需 {{ min_releases_text }} 期同时具备本校被引次数与"
        "阈值的数据；趋势不显著、差距未在缩小或区间超出最近一期后 {{ horizon_text }} 年时不作预测，"
        "只说明原因，不给出日期。",
        "新增高被引论文与热点论文：本期 ESI 清单中、上一期已导入的同类清单中没有的论文"
        "（按入藏号 UT 与 DOI 比对）；上一期清单未导入时无法区分新增，列出本期全部本校论文。",
    ):
        document.add_paragraph(text)
    document.add_heading("（二）机构与数据版本", level=2)
    for text in (
        "分析机构（ESI 名称）：{{ institution_esi }}；别名：{{ aliases_text }}；"
        "榜单中匹配到的名称：{{ matched_names_text }}。",
        "本期：{{ release }}；对比期：{{ previous_release_text }}；已导入期次："
        "{{ history_releases_text }}。",
        "本报告由学科分析工作台 {{ program_version }} 于 {{ generated_at }} 生成。",
    ):
        # Left-aligned: justifying a line that ends in a long Latin name spreads it apart.
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.add_heading("（三）数据来源文件", level=2)
    kit.caption(document, "表", "5", "　ESI 学科榜单文件")
    # 六号 type keeps a full SHA-256 to two lines in a portrait page.
    kit.loop_table(document, SOURCE_COLUMNS, "sources", "s", size="六号")
    kit.plain(document, "")
    kit.caption(document, "表", "6", "　ESI 高被引论文与热点论文清单文件")
    kit.loop_table(document, PAPER_SOURCE_COLUMNS, "push_sources", "s", size="六号")


if __name__ == "__main__":
    print(main())
