"""Generate ``template.docx`` of the push notice (高被引/热点论文推送通知) with the template kit.

Run ``python report_templates/esi_push_notice/build_template.py`` after changing this script.
The context variables are documented in :mod:`analyst_app.reports.push_notice`. Each school's
notice is one pass of a ``{%p for notice in notices %}`` loop: a heading that starts a new
page, the letter, a numbered caption and the table of that school's papers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from anywhere in the tree

from analyst_app.reports import docx_style as ds  # noqa: E402
from analyst_app.reports import template_kit as kit  # noqa: E402

SCHOOL_COLUMNS = (
    ("学院", "{{ s.school }}", 5.6, True),
    ("高被引论文", "{{ s.hcp }}", 2.2, False),
    ("热点论文", "{{ s.hot }}", 2.2, False),
    ("高水平论文", "{{ s.top }}", 2.2, False),
    ("合计", "{{ s.total }}", 2.0, False),
)

PAPER_COLUMNS = (
    ("序号", "{{ r.no }}", 1.0, False),
    ("类型", "{{ r.kind_zh }}", 2.2, False),
    ("题名", "{{ r.title }}", 7.0, True),
    ("ESI 学科", "{{ r.field_zh }}", 2.6, True),
    ("被引", "{{ r.times_cited }}", 1.4, False),
    ("待通知作者", "{{ r.authors }}", 5.2, True),
    ("入藏号 UT", "{{ r.ut }}", 3.8, True),
)

SOURCE_COLUMNS = (
    ("期次", "{{ s.release }}", 1.6, False),
    ("类型", "{{ s.kind_zh }}", 2.0, False),
    ("文件名", "{{ s.file_name }}", 3.6, True),
    ("SHA-256", "{{ s.sha256 }}", 5.6, True),
    ("论文数", "{{ s.papers }}", 1.4, False),
)


def main(out: Path = HERE / "template.docx") -> Path:
    """Build the template and write it to ``out``; return the path."""
    document = kit.report_document("esi_push_notice", "ESI 高被引与热点论文推送通知", "（{{ release }} 期）",
                                   "数据来源：Clarivate Essential Science Indicators（ESI）")
    kit.new_section(document, restart=True)
    document.add_heading("一、总体情况", level=1)
    kit.loop_paragraphs(document, "summary")
    kit.caption(document, "表", "1", "　各学院新增论文数（{{ release }} 期）")
    kit.loop_table(document, SCHOOL_COLUMNS, "school_rows", "s", size="小五")
    _notices(document)
    _appendix(document)
    document.save(out)
    return out


def _notices(document) -> None:
    # Landscape: titles and author lists need the width of the page.
    kit.new_section(document, landscape=True)
    document.add_heading("二、各学院推送通知", level=1)
    kit.plain(document, "{%p for notice in notices %}")
    # One notice per page, to forward alone; the first shares the page with the heading.
    kit.plain(document, "{%p if not loop.first %}")
    kit.plain(document, "").add_run().add_break(WD_BREAK.PAGE)
    kit.plain(document, "{%p endif %}")
    document.add_heading("{{ notice.school }}", level=2)
    document.add_paragraph("{{ notice.letter }}")
    # SEQ fields inside the loop: Word and LibreOffice number each copy in turn.
    kit.caption(document, "表", "2", "　{{ notice.school }}新增 ESI 高被引与热点论文"
                "（{{ notice.count }} 篇）")
    kit.loop_table(document, PAPER_COLUMNS, "notice.rows", "r", size="小五")
    note = kit.plain(document, "注：待通知作者为署本校该学院地址的作者，“（通讯）”为通讯作者。",
                     style=ds.TABLE_TEXT_STYLE)
    note.alignment = WD_ALIGN_PARAGRAPH.LEFT
    signature = kit.plain(document, "图书馆学科服务部　{{ generated_date }}")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    kit.plain(document, "{%p endfor %}")
    kit.plain(document, "{%p if not notices %}")
    document.add_paragraph("本期无需推送的论文。")
    kit.plain(document, "{%p endif %}")


def _appendix(document) -> None:
    kit.new_section(document)
    document.add_heading("附录　方法与数据来源", level=1)
    kit.loop_paragraphs(document, "methods")
    for text in (
        "分析机构（ESI 名称）：{{ institution_esi }}；本期：{{ release }}；对比期："
        "{{ previous_release_text }}；学院映射表：{{ mapping_file }}。",
        "本通知由学科分析工作台 {{ program_version }} 于 {{ generated_at }} 生成。",
    ):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.LEFT
    kit.caption(document, "表", "3", "　ESI 高被引论文与热点论文清单文件")
    kit.loop_table(document, SOURCE_COLUMNS, "sources", "s", size="六号")


if __name__ == "__main__":
    print(main())
