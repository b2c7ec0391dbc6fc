<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BenchmarkPage</name>
    <message>
        <source>Institution</source>
        <extracomment>Columns of the ESI table (one release) and their headers.</extracomment>
        <translation>机构</translation>
    </message>
    <message>
        <source>ESI field</source>
        <translation>ESI 学科</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Institutions listed</source>
        <translation>入榜机构数</translation>
    </message>
    <message>
        <source>Percentile position</source>
        <translation>排名百分位</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>论文数</translation>
    </message>
    <message>
        <source>Cites</source>
        <translation>被引次数</translation>
    </message>
    <message>
        <source>Cites per paper</source>
        <translation>篇均被引</translation>
    </message>
    <message>
        <source>Top papers</source>
        <translation>高水平论文数</translation>
    </message>
    <message>
        <source>Release</source>
        <extracomment>Columns of the ESI trend table (every release).</extracomment>
        <translation>期次</translation>
    </message>
    <message>
        <source>Rank change</source>
        <translation>排名变化</translation>
    </message>
    <message>
        <source>Year</source>
        <extracomment>Columns of the WoS tables (per year, or totals without ``year``).</extracomment>
        <translation>年份</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>论文数</translation>
    </message>
    <message>
        <source>Top 10% share
(collection-normalised)</source>
        <translation>前10%论文占比
（集合内归一化）</translation>
    </message>
    <message>
        <source>Top 1% share
(collection-normalised)</source>
        <translation>前1%论文占比
（集合内归一化）</translation>
    </message>
    <message>
        <source>International share</source>
        <translation>国际合作论文占比</translation>
    </message>
    <message>
        <source>h-index</source>
        <translation>h 指数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Rank / institutions in the field&apos;s ESI list; smaller is better.</source>
        <extracomment>Header tooltips (why a number is what it is).</extracomment>
        <translation>排名 / 该学科 ESI 名单的入榜机构数；数值越小越好。</translation>
    </message>
    <message>
        <source>Previous rank − rank: ↑ moved up.</source>
        <translation>上期排名 − 本期排名：↑ 表示排名上升。</translation>
    </message>
    <message>
        <source>Share of the papers among the 10% most cited of the same ESI field and year in the imported collection. Normalised within the collection: not CNCI.</source>
        <translation>在所导入的文献集合中，进入同一 ESI 学科、同一年份被引次数前 10% 的论文所占比例。此为集合内归一化指标，并非 CNCI。</translation>
    </message>
    <message>
        <source>Share of the papers among the 1% most cited of the same ESI field and year in the imported collection. Normalised within the collection: not CNCI.</source>
        <translation>在所导入的文献集合中，进入同一 ESI 学科、同一年份被引次数前 1% 的论文所占比例。此为集合内归一化指标，并非 CNCI。</translation>
    </message>
    <message>
        <source>Share of the papers with an address in another country or region.</source>
        <translation>含有其他国家或地区地址的论文所占比例（国际合作）。</translation>
    </message>
    <message>
        <source>h-index of the papers of the cell (within the imported collection).</source>
        <translation>该单元格论文的 h 指数（在所导入的文献集合内计算）。</translation>
    </message>
    <message>
        <source>not listed</source>
        <translation>未进入</translation>
    </message>
    <message>
        <source>⚠ small sample</source>
        <translation>⚠ 小样本</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部学科</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Top 10% share (collection-normalised)</source>
        <extracomment>Indicators the WoS chart offers, with their labels.</extracomment>
        <translation>前10%论文占比（集合内归一化）</translation>
    </message>
    <message>
        <source>Top 1% share (collection-normalised)</source>
        <translation>前1%论文占比（集合内归一化）</translation>
    </message>
    <message>
        <source>ESI</source>
        <translation>ESI 学科</translation>
    </message>
    <message>
        <source>ESI trend</source>
        <translation>ESI 趋势</translation>
    </message>
    <message>
        <source>Web of Science</source>
        <translation>Web of Science</translation>
    </message>
    <message>
        <source>Warnings ({count})</source>
        <translation>警告（{count}）</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>学科：</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Totals over all years</source>
        <translation>各年合计</translation>
    </message>
    <message>
        <source>Per publication year</source>
        <translation>按出版年</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>in</source>
        <translation>学科：</translation>
    </message>
    <message>
        <source>How the indicators were computed:</source>
        <translation>指标计算方法：</translation>
    </message>
    <message>
        <source>Import ESI Institutions lists (and Web of Science records for the publication indicators) on the Data page.</source>
        <translation>请在“数据”页导入 ESI 机构名单（如需发文指标，还需导入 Web of Science 记录）。</translation>
    </message>
    <message>
        <source>Choose a peer group (or name peers) and press Compute.</source>
        <translation>请选择对标组（或填写对标机构），然后点击“计算”。</translation>
    </message>
    <message>
        <source>Choose a peer group or name at least one peer to compare with.</source>
        <translation>请选择对标组，或至少填写一所对标机构。</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（不使用对标组）</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新一期</translation>
    </message>
    <message>
        <source>Comparing with the peers</source>
        <translation>正在与对标机构比较</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Writing the benchmarking report</source>
        <translation>正在生成学科竞争力对标分析报告</translation>
    </message>
    <message>
        <source>Report written: {files}</source>
        <translation>报告已生成：{files}</translation>
    </message>
    <message>
        <source>{institution} against {peers} peers{group}</source>
        <translation>{institution} 对标 {peers} 所机构{group}</translation>
    </message>
    <message>
        <source> ({group})</source>
        <translation>（{group}）</translation>
    </message>
    <message>
        <source>; ESI release {release}: listed in {listed} of {fields} fields</source>
        <translation>；ESI {release} 期：在 {fields} 个学科中有 {listed} 个进入 ESI 前1%</translation>
    </message>
    <message>
        <source>; {papers} of our papers in the imported records</source>
        <translation>；导入记录中有本机构论文 {papers} 篇</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}。</translation>
    </message>
    <message>
        <source>{count} warnings: see the Warnings tab.</source>
        <translation>{count} 条警告：请查看“警告”选项卡。</translation>
    </message>
    <message>
        <source>Benchmarking</source>
        <translation>学科竞争力对标</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>机构(&amp;I)：</translation>
    </message>
    <message>
        <source>e.g. DALIAN UNIVERSITY OF TECHNOLOGY</source>
        <translation>例如 DALIAN UNIVERSITY OF TECHNOLOGY</translation>
    </message>
    <message>
        <source>Peer &amp;group:</source>
        <translation>对标组(&amp;G)：</translation>
    </message>
    <message>
        <source>Edit groups…</source>
        <translation>编辑对标组…</translation>
    </message>
    <message>
        <source>Other &amp;peers:</source>
        <translation>其他对标机构(&amp;P)：</translation>
    </message>
    <message>
        <source>ESI names, separated by ;</source>
        <translation>ESI 机构名称，以 ; 分隔</translation>
    </message>
    <message>
        <source>Institutions to compare with besides the group, as ESI names them, separated by ;</source>
        <translation>对标组之外的其他对标机构，按 ESI 中的名称填写，以 ; 分隔</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>期次(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>学科(&amp;F)：</translation>
    </message>
    <message>
        <source>Small sample below:</source>
        <translation>小样本：少于</translation>
    </message>
    <message>
        <source> papers</source>
        <translation> 篇</translation>
    </message>
    <message>
        <source>Cells with fewer papers are marked: their shares and h-index are unstable.</source>
        <translation>论文数少于该值的单元格会被标记：其占比和 h 指数不稳定。</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>The tables shown, one sheet each</source>
        <translation>导出当前显示的表格，每个表格一个工作表</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>The benchmarking report in Word, with its charts and an Excel twin</source>
        <translation>Word 格式的学科竞争力对标分析报告，含图表及配套 Excel 工作簿</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>WoS totals</source>
        <translation>WoS 合计</translation>
    </message>
    <message>
        <source>WoS per year</source>
        <translation>WoS 逐年</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>对标机构</translation>
    </message>
    <message>
        <source>Peer group</source>
        <translation>对标组</translation>
    </message>
    <message>
        <source>ESI release</source>
        <translation>ESI 期次</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>Small sample below (papers)</source>
        <translation>小样本阈值（论文数）</translation>
    </message>
    <message>
        <source>Publications read</source>
        <translation>文献范围</translation>
    </message>
    <message>
        <source>WoS spellings of {name}</source>
        <translation>{name} 的 WoS 写法</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>程序版本</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>No chart yet.</source>
        <translation>尚无图表。</translation>
    </message>
    <message>
        <source>Interactive charts are not available ({reason}). The table holds the same figures.</source>
        <translation>交互式图表不可用（{reason}）。表格中包含相同的数据。</translation>
    </message>
</context>
<context>
    <name>ContributionPage</name>
    <message>
        <source>The school mapping has no rules: open a mapping file or start from the DUT example in the School mapping tab.</source>
        <extracomment>Template id of the Word report (``analyst_app.services.report_registry``).</extracomment>
        <translation>学院映射中没有规则：请在“学院映射”选项卡中打开映射文件，或从大连理工大学示例开始。</translation>
    </message>
    <message>
        <source>Computing school contributions</source>
        <translation>正在计算学院贡献度</translation>
    </message>
    <message>
        <source>Exporting to Excel</source>
        <translation>正在导出到 Excel</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the school mapping first: the report names the mapping file it used.</source>
        <translation>请先保存学院映射：报告中会注明所用的映射文件。</translation>
    </message>
    <message>
        <source>Building the report</source>
        <translation>正在生成报告</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Exported to {file}.</source>
        <translation>已导出到 {file}。</translation>
    </message>
    <message>
        <source>Report written: {docx} (tables in {xlsx}).</source>
        <translation>报告已生成：{docx}（表格见 {xlsx}）。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Unmatched addresses</source>
        <translation>未匹配地址</translation>
    </message>
    <message>
        <source>Unmatched addresses ({n})</source>
        <translation>未匹配地址（{n}）</translation>
    </message>
    <message>
        <source>School mapping ({n} rules)</source>
        <translation>学院映射（{n} 条规则）</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>学院贡献度</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>机构(&amp;I)：</translation>
    </message>
    <message>
        <source>as the addresses write it, e.g. Dalian Univ Technol</source>
        <translation>地址中的写法，如 Dalian Univ Technol</translation>
    </message>
    <message>
        <source>C&amp;ounting:</source>
        <translation>计数方式(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Years</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the tables shown to an Excel workbook</source>
        <translation>将当前显示的表格写入 Excel 工作簿</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Build the school contribution report (Word, with its Excel tables) with these settings</source>
        <translation>按当前设置生成学院学科贡献度分析报告（Word 文档及配套 Excel 表格）</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>C&amp;hart:</source>
        <translation>图表(&amp;H)：</translation>
    </message>
    <message>
        <source>Double-click a row to list its papers.</source>
        <translation>双击一行可列出相应论文。</translation>
    </message>
    <message>
        <source>Unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>整数计数</translation>
    </message>
    <message>
        <source>Fractional</source>
        <translation>分数计数</translation>
    </message>
    <message>
        <source>Full: each school on a paper counts it once (shares of a field may sum to more than 100%). Fractional: a paper is split equally over its schools (shares sum to 100%).</source>
        <translation>整数计数：论文涉及的每个学院各计 1 篇（同一学科各学院占比之和可能超过 100%）。分数计数：每篇论文在其涉及的学院间平均分配（占比之和为 100%）。</translation>
    </message>
    <message>
        <source>Share of papers</source>
        <translation>论文数占比</translation>
    </message>
    <message>
        <source>Share of cites</source>
        <translation>被引次数占比</translation>
    </message>
    <message>
        <source>Share of highly cited papers</source>
        <translation>高被引论文占比</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学院</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>ESI field</source>
        <translation>ESI 学科</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>论文数</translation>
    </message>
    <message>
        <source>Papers share</source>
        <translation>论文数占比</translation>
    </message>
    <message>
        <source>Cites</source>
        <translation>被引次数</translation>
    </message>
    <message>
        <source>Cites share</source>
        <translation>被引次数占比</translation>
    </message>
    <message>
        <source>HCP</source>
        <translation>高被引论文</translation>
    </message>
    <message>
        <source>HCP share</source>
        <translation>高被引论文占比</translation>
    </message>
    <message>
        <source>Field papers</source>
        <translation>学科论文数</translation>
    </message>
    <message>
        <source>Field cites</source>
        <translation>学科被引次数</translation>
    </message>
    <message>
        <source>Field HCP</source>
        <translation>学科高被引论文数</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>School or lab part</source>
        <translation>学院或实验室部分</translation>
    </message>
    <message>
        <source>Address pattern</source>
        <translation>地址匹配模式</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>School mapping</source>
        <translation>学院映射</translation>
    </message>
    <message>
        <source>Method and parameters</source>
        <translation>方法与参数</translation>
    </message>
    <message>
        <source>Choose a school mapping (tab School mapping: open a file or start from the DUT example), then Compute.</source>
        <translation>请选择学院映射（在“学院映射”选项卡中打开文件，或从大连理工大学示例开始），然后点击“计算”。</translation>
    </message>
    <message>
        <source>Press Compute to count each school&apos;s papers, cites and highly cited papers per ESI field.</source>
        <translation>点击“计算”，按 ESI 学科统计各学院的论文数、被引次数和高被引论文数。</translation>
    </message>
    <message>
        <source>{institution}: {papers} papers, {schools} schools matched; {unmatched} papers with no matched school, {addresses} unmatched addresses.</source>
        <translation>{institution}：论文 {papers} 篇，匹配到 {schools} 个学院；{unmatched} 篇论文未匹配到学院，未匹配地址 {addresses} 条。</translation>
    </message>
    <message>
        <source>{n} papers without an ESI field are left out.</source>
        <translation>另有 {n} 篇无 ESI 学科的论文未计入。</translation>
    </message>
    <message>
        <source>The school mapping changed since: Compute again to update.</source>
        <translation>学院映射已更改：请重新计算以更新结果。</translation>
    </message>
    <message>
        <source>{school} — {field}: papers</source>
        <translation>{school} — {field}：论文</translation>
    </message>
    <message>
        <source>Filter papers…</source>
        <translation>筛选论文…</translation>
    </message>
    <message>
        <source>Select or double-click a paper to read its record.</source>
        <translation>选择或双击一篇论文以查看其记录。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Authors of the school</source>
        <translation>本学院作者</translation>
    </message>
    <message>
        <source>{papers} papers ({share} of the field), {cites} cites, {hcp} highly cited papers. Authors: those linked to this school&apos;s addresses on each paper.</source>
        <translation>论文 {papers} 篇（占该学科 {share}），被引 {cites} 次，高被引论文 {hcp} 篇。作者：各篇论文中与本学院地址关联的作者。</translation>
    </message>
    <message>
        <source>&amp;Add rule…</source>
        <translation>添加规则(&amp;A)…</translation>
    </message>
    <message>
        <source>Addresses of the institution no rule matched, most papers first. Select one and Add rule… to map it to a school.</source>
        <translation>本机构中未被任何规则匹配的地址，按论文数从多到少排列。选择一条地址并点击“添加规则…”，即可将其映射到学院。</translation>
    </message>
</context>
<context>
    <name>CorpusFilter</name>
    <message>
        <source>years {first}–{last}</source>
        <translation>{first}–{last} 年</translation>
    </message>
    <message>
        <source>document types {types}</source>
        <translation>文献类型为 {types}</translation>
    </message>
    <message>
        <source>query “{query}” in title, keywords and abstract</source>
        <translation>标题、关键词和摘要中检索“{query}”</translation>
    </message>
    <message>
        <source>WoS categories {categories}</source>
        <translation>WoS 类别为 {categories}</translation>
    </message>
    <message>
        <source>ESI fields {fields}</source>
        <translation>ESI 学科为 {fields}</translation>
    </message>
    <message>
        <source>sources {sources}</source>
        <translation>来源为 {sources}</translation>
    </message>
    <message>
        <source>all publications</source>
        <translation>全部文献</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Exports (*.txt *.csv *.tsv *.xls *.xlsx *.net *.ris *.enw);;All files (*)</source>
        <translation>导出文件 (*.txt *.csv *.tsv *.xls *.xlsx *.net *.ris *.enw);;所有文件 (*)</translation>
    </message>
    <message>
        <source>An import is running; wait or cancel it.</source>
        <translation>正在导入，请等待完成或取消。</translation>
    </message>
    <message>
        <source>Importing files</source>
        <translation>正在导入文件</translation>
    </message>
    <message>
        <source>{imported} imported, {duplicate} already imported, {rejected} rejected.</source>
        <translation>导入 {imported} 个，已导入过 {duplicate} 个，拒绝 {rejected} 个。</translation>
    </message>
    <message>
        <source>Cancelled: {n} files were not imported.</source>
        <translation>已取消：{n} 个文件未导入。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>ESI &amp;release:</source>
        <translation>ESI 期次(&amp;R)：</translation>
    </message>
    <message>
        <source>ESI release (year-month) the imported ESI lists belong to. ESI is updated bimonthly, mid-month, in odd months.</source>
        <translation>所导入 ESI 名单所属的期次（年-月）。ESI 每两个月更新一次，在单数月的月中发布。</translation>
    </message>
    <message>
        <source>Or drop export files onto this window.</source>
        <translation>也可将导出文件拖放到本窗口。</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>ESI release</source>
        <translation>ESI 期次</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Select an import to see its report.</source>
        <translation>选择一条导入记录以查看导入报告。</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cannot use the input</source>
        <translation>输入无法使用</translation>
    </message>
    <message>
        <source>Workspace problem</source>
        <translation>工作区问题</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行该操作</translation>
    </message>
    <message>
        <source>Cannot read or write {file}: {reason}</source>
        <translation>无法读写 {file}：{reason}</translation>
    </message>
    <message>
        <source>File problem</source>
        <translation>文件问题</translation>
    </message>
    <message>
        <source>Internal error: {error}</source>
        <translation>内部错误：{error}</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
</context>
<context>
    <name>EsiHistoryPanel</name>
    <message>
        <source>ESI field</source>
        <translation>ESI 学科</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层次</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Rank change</source>
        <translation>排名变化</translation>
    </message>
    <message>
        <source>Institutions listed</source>
        <translation>入榜机构数</translation>
    </message>
    <message>
        <source>Percentile position</source>
        <translation>排名百分位</translation>
    </message>
    <message>
        <source>Cites</source>
        <translation>被引次数</translation>
    </message>
    <message>
        <source>Top 1% threshold</source>
        <translation>前1%阈值</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Position (rank / institutions)</source>
        <extracomment>Chart metrics: (code, label).</extracomment>
        <translation>排名位置（排名 / 入榜机构数）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史变化</translation>
    </message>
    <message>
        <source>Computing the ESI history</source>
        <translation>正在计算 ESI 历史数据</translation>
    </message>
    <message>
        <source>{institution}: {count} releases imported ({releases}).</source>
        <translation>{institution}：已导入 {count} 期（{releases}）。</translation>
    </message>
    <message>
        <source>Import two or more releases to see changes.</source>
        <translation>导入两期或更多期次后可查看变化。</translation>
    </message>
    <message>
        <source>No change between the releases.</source>
        <translation>各期之间没有变化。</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>图表(&amp;C)：</translation>
    </message>
    <message>
        <source>Fields in the chart and table:</source>
        <translation>图表和表格中的学科：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
</context>
<context>
    <name>EsiNamePicker</name>
    <message>
        <source>Add from ESI list</source>
        <translation>从 ESI 名单添加</translation>
    </message>
    <message>
        <source>Type part of the name, e.g. TSINGHUA</source>
        <translation>输入名称的一部分，例如 TSINGHUA</translation>
    </message>
    <message>
        <source>{count} institution names from the imported ESI lists.</source>
        <translation>已导入的 ESI 名单中共有 {count} 个机构名称。</translation>
    </message>
</context>
<context>
    <name>EsiPage</name>
    <message>
        <source>top 1‱</source>
        <translation>前1‱</translation>
    </message>
    <message>
        <source>top 1‰</source>
        <translation>前1‰</translation>
    </message>
    <message>
        <source>top 1%</source>
        <translation>前1%</translation>
    </message>
    <message>
        <source>not listed</source>
        <translation>未进入</translation>
    </message>
    <message>
        <source>ESI field</source>
        <translation>ESI 学科</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层次</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Rank change</source>
        <translation>排名变化</translation>
    </message>
    <message>
        <source>Institutions listed</source>
        <translation>入榜机构数</translation>
    </message>
    <message>
        <source>Percentile position</source>
        <translation>排名百分位</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>论文数</translation>
    </message>
    <message>
        <source>Cites</source>
        <translation>被引次数</translation>
    </message>
    <message>
        <source>Cites per paper</source>
        <translation>篇均被引</translation>
    </message>
    <message>
        <source>Top papers</source>
        <translation>高水平论文数</translation>
    </message>
    <message>
        <source>Top 1% threshold</source>
        <translation>前1%阈值</translation>
    </message>
    <message>
        <source>Top 1‰ threshold</source>
        <translation>前1‰阈值</translation>
    </message>
    <message>
        <source>Top 1‱ threshold</source>
        <translation>前1‱阈值</translation>
    </message>
    <message>
        <source>Potential value (1%)</source>
        <translation>潜力值（1%）</translation>
    </message>
    <message>
        <source>Potential value (1‰)</source>
        <translation>潜力值（1‰）</translation>
    </message>
    <message>
        <source>Potential value (1‱)</source>
        <translation>潜力值（1‱）</translation>
    </message>
    <message>
        <source>Previous rank</source>
        <translation>上期排名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No ESI lists imported yet: import them on the Data page.</source>
        <translation>尚未导入 ESI 名单：请在“数据”页导入。</translation>
    </message>
    <message>
        <source>Enter the institution&apos;s name as ESI prints it, or set it in File → Institution settings.</source>
        <translation>请输入 ESI 中的机构英文名称，或在“文件 → 机构设置”中设置。</translation>
    </message>
    <message>
        <source>newly listed</source>
        <translation>新进入</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Computing ESI status</source>
        <translation>正在计算 ESI 学科状态</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新一期</translation>
    </message>
    <message>
        <source>{institution}, release {release}: listed in {listed} of {fields} fields.</source>
        <translation>{institution}，{release} 期：在 {fields} 个学科中有 {listed} 个进入 ESI 前1%。</translation>
    </message>
    <message>
        <source>Rank changes against {previous}.</source>
        <translation>排名变化与 {previous} 期相比。</translation>
    </message>
    <message>
        <source>ESI</source>
        <translation>ESI 学科</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>机构(&amp;I)：</translation>
    </message>
    <message>
        <source>e.g. DALIAN UNIVERSITY OF TECHNOLOGY</source>
        <translation>例如 DALIAN UNIVERSITY OF TECHNOLOGY</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>期次(&amp;R)：</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Recompute the tab shown with these parameters</source>
        <translation>按当前参数重新计算当前选项卡</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
</context>
<context>
    <name>EsiPushPanel</name>
    <message>
        <source>Highly cited and hot papers</source>
        <extracomment>Workspace settings: the school mapping chosen here, and the Contribution page&apos;s one (used when none was chosen here; one mapping usually serves the whole university).</extracomment>
        <translation>高被引论文和热点论文</translation>
    </message>
    <message>
        <source>Highly cited papers</source>
        <translation>高被引论文</translation>
    </message>
    <message>
        <source>Hot papers</source>
        <translation>热点论文</translation>
    </message>
    <message>
        <source>Highly cited</source>
        <translation>高被引</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>热点</translation>
    </message>
    <message>
        <source>Top paper</source>
        <translation>高水平论文</translation>
    </message>
    <message>
        <source>ESI list</source>
        <translation>ESI 名单</translation>
    </message>
    <message>
        <source>WoS flag</source>
        <translation>WoS 标记</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>ESI field</source>
        <translation>ESI 学科</translation>
    </message>
    <message>
        <source>Times cited</source>
        <translation>被引次数</translation>
    </message>
    <message>
        <source>Authors to notify</source>
        <translation>待通知作者</translation>
    </message>
    <message>
        <source>Corresponding</source>
        <translation>通讯作者</translation>
    </message>
    <message>
        <source>Schools</source>
        <translation>学院</translation>
    </message>
    <message>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <source>Accession number</source>
        <translation>WoS 入藏号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>new</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新一期</translation>
    </message>
    <message>
        <source>School mapping</source>
        <translation>学院映射</translation>
    </message>
    <message>
        <source>School mappings (*.csv *.xlsx);;All files (*)</source>
        <translation>学院映射文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>School mapping: {file}</source>
        <translation>学院映射：{file}</translation>
    </message>
    <message>
        <source>School mapping: none chosen, schools are left empty.</source>
        <translation>学院映射：未选择，“学院”列留空。</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the push list</source>
        <translation>正在导出推送清单</translation>
    </message>
    <message>
        <source>Push list saved to {path}</source>
        <translation>推送清单已保存到 {path}</translation>
    </message>
    <message>
        <source>New highly cited / hot papers</source>
        <translation>新增高被引/热点论文</translation>
    </message>
    <message>
        <source>Computing the push list</source>
        <translation>正在生成推送清单</translation>
    </message>
    <message>
        <source>{institution}, release {release}: {papers} paper(s), {new} new, {authors} author(s) to notify.</source>
        <translation>{institution}，期次 {release}：论文 {papers} 篇，其中新增 {new} 篇，待通知作者 {authors} 位。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No highly cited or hot paper of the institution in this release. Import the ESI Highly Cited / Hot Papers exports of two releases on the Data page to see the new ones.</source>
        <translation>本期没有本机构的高被引论文或热点论文。请在“数据”页导入两期 ESI 高被引论文/热点论文导出文件，以查看新增论文。</translation>
    </message>
    <message>
        <source>No ESI highly cited / hot paper list is imported: the papers flagged in the institution&apos;s WoS records are listed, and which are new cannot be decided.</source>
        <translation>尚未导入 ESI 高被引/热点论文名单：此处列出本机构 WoS 记录中带有相应标记的论文，无法判断哪些为新增。</translation>
    </message>
    <message>
        <source>No earlier release of the {kinds} list was imported, so &quot;new&quot; cannot be decided: every paper of the institution is listed. Import the previous release to see only the new ones.</source>
        <translation>未导入更早期次的{kinds}论文名单，无法判断“新增”：此处列出本机构的全部论文。导入上一期名单后即可只查看新增论文。</translation>
    </message>
    <message>
        <source>Paper list &amp;release:</source>
        <translation>论文名单期次(&amp;R)：</translation>
    </message>
    <message>
        <source>Only new papers</source>
        <translation>仅显示新增论文</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>Choose school mapping…</source>
        <translation>选择学院映射…</translation>
    </message>
</context>
<context>
    <name>EsiWatchPanel</name>
    <message>
        <source>ESI field</source>
        <extracomment>Workspace setting holding the watch-list cut-off, and its default (DESIGN §5).</extracomment>
        <translation>ESI 学科</translation>
    </message>
    <message>
        <source>Level now</source>
        <translation>当前层次</translation>
    </message>
    <message>
        <source>Cites</source>
        <translation>被引次数</translation>
    </message>
    <message>
        <source>Top 1% threshold</source>
        <translation>前1%阈值</translation>
    </message>
    <message>
        <source>Next level</source>
        <translation>下一层次</translation>
    </message>
    <message>
        <source>P vs next level</source>
        <translation>潜力值 P（对下一层次）</translation>
    </message>
    <message>
        <source>Watch list</source>
        <translation>列入关注清单</translation>
    </message>
    <message>
        <source>Forecast of reaching the next level</source>
        <translation>达到下一层次的预测</translation>
    </message>
    <message>
        <source>Likely in next release</source>
        <translation>下期可能进入</translation>
    </message>
    <message>
        <source>Cites from</source>
        <translation>被引次数来源</translation>
    </message>
    <message>
        <source>ESI list</source>
        <translation>ESI 名单</translation>
    </message>
    <message>
        <source>WoS records (estimate)</source>
        <translation>WoS 记录（估算）</translation>
    </message>
    <message>
        <source>WoS records counted: {filter}; articles and reviews only.</source>
        <translation>统计的 WoS 记录：{filter}；仅限 Article 和 Review。</translation>
    </message>
    <message>
        <source>No publication in the workspace names the institution in its addresses: cites of unlisted fields are unknown (import its WoS records, or add the spelling WoS uses as an alias).</source>
        <translation>工作区中没有地址含本机构的文献：未进入 ESI 的学科被引次数未知（请导入本机构的 WoS 记录，或将 WoS 中的机构写法添加为别名）。</translation>
    </message>
    <message>
        <source>{counted} of {matched} matched records counted; fields from the ESI journal list for {journal}, from the WoS-category map (an estimate) for {category}.</source>
        <translation>匹配到的 {matched} 条记录中统计了 {counted} 条；其中 {journal} 条按 ESI 期刊列表确定学科，{category} 条按 WoS 类别映射确定学科（估计值）。</translation>
    </message>
    <message>
        <source>Potential &amp;&amp; watch list</source>
        <translation>潜力值与关注清单</translation>
    </message>
    <message>
        <source>Computing ESI potential values</source>
        <translation>正在计算 ESI 潜力值</translation>
    </message>
    <message>
        <source>{institution}, release {release}: {count} field(s) on the watch list (P ≥ {watch:.2f} against the next level): {fields}.</source>
        <translation>{institution}，{release} 期：{count} 个学科列入潜力学科关注清单（相对下一层次 P ≥ {watch:.2f}）：{fields}。</translation>
    </message>
    <message>
        <source>{institution}, release {release}: no field on the watch list (P ≥ {watch:.2f} against the next level).</source>
        <translation>{institution}，{release} 期：没有学科列入潜力学科关注清单（相对下一层次 P ≥ {watch:.2f}）。</translation>
    </message>
    <message>
        <source>Likely listed in the next release: {fields}.</source>
        <translation>下一期可能进入：{fields}。</translation>
    </message>
    <message>
        <source>&amp;Watch cut-off:</source>
        <translation>关注阈值(&amp;W)：</translation>
    </message>
    <message>
        <source>A field is on the watch list when its potential value P against the next level is at least this value and below 1.</source>
        <translation>学科相对下一层次的潜力值 P 不低于此值且小于 1 时，列入潜力学科关注清单。</translation>
    </message>
    <message>
        <source>Only fields on the watch list</source>
        <translation>仅显示关注清单中的学科</translation>
    </message>
</context>
<context>
    <name>HotspotsPage</name>
    <message>
        <source>Keyword thesaurus</source>
        <translation>关键词同义词表</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Replace by</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove rows</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Suggest variants</source>
        <translation>推荐变体</translation>
    </message>
    <message>
        <source>Accept checked</source>
        <translation>采纳勾选项</translation>
    </message>
    <message>
        <source>Spelling variants among the selected publications&apos; keywords (plural, British/American spelling, hyphens).</source>
        <translation>在所选文献的关键词中查找拼写变体（单复数、英式/美式拼写、连字符）。</translation>
    </message>
    <message>
        <source>Cannot read {file}, line {line}: {message}</source>
        <translation>无法读取 {file} 第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>{n} pairs from {file}</source>
        <translation>从 {file} 读取 {n} 对</translation>
    </message>
    <message>
        <source>Looking for variants…</source>
        <translation>正在查找变体…</translation>
    </message>
    <message>
        <source>{n} suggestions</source>
        <translation>{n} 条建议</translation>
    </message>
    <message>
        <source>Import a VOSviewer thesaurus</source>
        <translation>导入 VOSviewer 同义词表</translation>
    </message>
    <message>
        <source>Thesaurus files (*.txt);;All files (*)</source>
        <translation>同义词表文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export the thesaurus</source>
        <translation>导出同义词表</translation>
    </message>
    <message>
        <source>Thesaurus files (*.txt)</source>
        <translation>同义词表文件 (*.txt)</translation>
    </message>
    <message>
        <source>Written: {file}</source>
        <translation>已写入：{file}</translation>
    </message>
    <message>
        <source>Save the thesaurus</source>
        <translation>保存同义词表</translation>
    </message>
    <message>
        <source>Set {name}</source>
        <translation>集合 {name}</translation>
    </message>
    <message>
        <source>Publications in set {name}: words in title, keywords or abstract, and/or Web of Science categories (separated by semicolons).</source>
        <translation>集合 {name} 的文献：标题、关键词或摘要中的词语，和/或 Web of Science 类别（以分号分隔）。</translation>
    </message>
    <message>
        <source>&amp;Query:</source>
        <translation>检索式(&amp;Q)：</translation>
    </message>
    <message>
        <source>WoS &amp;categories:</source>
        <translation>WoS 类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Intersection of A and B</source>
        <translation>A 与 B 的交集</translation>
    </message>
    <message>
        <source>Cancel computing</source>
        <translation>取消计算</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>增长</translation>
    </message>
    <message>
        <source>Bursting terms</source>
        <translation>突现词</translation>
    </message>
    <message>
        <source>Our authors</source>
        <translation>本机构作者</translation>
    </message>
    <message>
        <source>Our schools</source>
        <translation>本机构学院</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Share of A</source>
        <translation>占 A 的比例</translation>
    </message>
    <message>
        <source>Share of B</source>
        <translation>占 B 的比例</translation>
    </message>
    <message>
        <source>Growth of A ∩ B</source>
        <translation>A ∩ B 年增长率</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>词项</translation>
    </message>
    <message>
        <source>Begin</source>
        <translation>起始年</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束年</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文献数</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Publications</source>
        <translation>文献</translation>
    </message>
    <message>
        <source>Cites</source>
        <translation>被引次数</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Cross-discipline hotspots</source>
        <translation>交叉学科研究热点</translation>
    </message>
    <message>
        <source>(no institution set in the workspace)</source>
        <translation>（工作区未设置机构）</translation>
    </message>
    <message>
        <source>A: {a} publications; B: {b}; both: {both}, of which {ours} with an address of {institution}. {bursts} bursting terms in the intersection.</source>
        <translation>A：{a} 篇文献；B：{b} 篇；交集：{both} 篇，其中 {ours} 篇含有 {institution} 的地址。交集中有 {bursts} 个突现词。</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Filter publications…</source>
        <translation>筛选文献…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>{heading} — {n} publications</source>
        <translation>{heading}（{n} 篇文献）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源出版物</translation>
    </message>
    <message>
        <source>Select or double-click a publication to read its record.</source>
        <translation>选择或双击一篇文献以查看其记录。</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Choose the map and the publications, then press Compute map.</source>
        <translation>请选择图谱类型和文献范围，然后点击“计算图谱”。</translation>
    </message>
    <message>
        <source>{nodes} nodes, {links} links, {clusters} clusters from {pubs} publications ({filter}); modularity {q:.3f}, silhouette {s}. Wheel: zoom; drag: pan; click a node or a link: its publications.</source>
        <translation>基于 {pubs} 篇文献（{filter}）：{nodes} 个节点，{links} 条连线，{clusters} 个聚类；模块度 {q:.3f}，轮廓系数 {s}。滚轮：缩放；拖动：平移；单击节点或连线：查看相关文献。</translation>
    </message>
    <message>
        <source>The {n} strongest links are drawn.</source>
        <translation>仅绘制强度最高的 {n} 条连线。</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>a label, then Enter</source>
        <translation>输入标签后按回车</translation>
    </message>
    <message>
        <source>&amp;Colour by:</source>
        <translation>着色依据(&amp;C)：</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>聚类</translation>
    </message>
    <message>
        <source>Average year</source>
        <translation>平均年份</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole map</source>
        <translation>显示整个图谱</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Network file (GraphML, GEXF, VOSviewer)…</source>
        <translation>网络文件（GraphML、GEXF、VOSviewer）…</translation>
    </message>
    <message>
        <source>Node and cluster tables (Excel)…</source>
        <translation>节点表和聚类表（Excel）…</translation>
    </message>
    <message>
        <source>Map image (PNG)…</source>
        <translation>图谱图片（PNG）…</translation>
    </message>
    <message>
        <source>Map image (SVG)…</source>
        <translation>图谱图片（SVG）…</translation>
    </message>
    <message>
        <source>No bursts to show.</source>
        <translation>没有可显示的突现。</translation>
    </message>
    <message>
        <source>Both keyword lists</source>
        <translation>两类关键词</translation>
    </message>
    <message>
        <source>Author keywords</source>
        <translation>作者关键词</translation>
    </message>
    <message>
        <source>Keywords Plus</source>
        <translation>扩展关键词</translation>
    </message>
    <message>
        <source>Cited references</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>T&amp;erms:</source>
        <translation>词项来源(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;s:</source>
        <translation>&amp;s：</translation>
    </message>
    <message>
        <source>&amp;γ:</source>
        <translation>&amp;γ：</translation>
    </message>
    <message>
        <source>Min. &amp;documents:</source>
        <translation>最少文献数(&amp;D)：</translation>
    </message>
    <message>
        <source>Burst rate / base rate (CiteSpace: 2).</source>
        <translation>突现速率与基准速率之比（CiteSpace 默认：2）。</translation>
    </message>
    <message>
        <source>Cost of entering a burst: larger values give fewer, longer bursts (CiteSpace: 1).</source>
        <translation>进入突现状态的代价：值越大，突现越少、持续越长（CiteSpace 默认：1）。</translation>
    </message>
    <message>
        <source>Detect bursts</source>
        <translation>检测突现</translation>
    </message>
    <message>
        <source>Filter bursts…</source>
        <translation>筛选突现…</translation>
    </message>
    <message>
        <source>Double-click a burst to list the publications of its burst years.</source>
        <translation>双击一条突现，可列出其突现年份内的文献。</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>首次出现年份</translation>
    </message>
    <message>
        <source>Motor themes</source>
        <translation>核心主题</translation>
    </message>
    <message>
        <source>Niche themes</source>
        <translation>利基主题</translation>
    </message>
    <message>
        <source>Emerging or declining themes</source>
        <translation>新兴或衰退主题</translation>
    </message>
    <message>
        <source>Basic themes</source>
        <translation>基础主题</translation>
    </message>
    <message>
        <source>Centrality (links to other themes) →</source>
        <translation>中心度（与其他主题的联系）→</translation>
    </message>
    <message>
        <source>Density (links inside the theme) →</source>
        <translation>密度（主题内部的联系）→</translation>
    </message>
    <message>
        <source>The thematic map places the clusters of a keyword map: compute a keyword map to see it.</source>
        <translation>主题战略图基于关键词图谱的聚类绘制：请先计算关键词图谱。</translation>
    </message>
    <message>
        <source>Centrality: links of a cluster to other clusters; density: links inside it per keyword; quadrants split at the medians. Motor themes: {motor}; niche themes: {niche}; emerging or declining themes: {emerging}; basic themes: {basic}.</source>
        <translation>中心度：聚类与其他聚类之间的联系；密度：聚类内部按关键词平均的联系；象限以中位数划分。核心主题 {motor} 个，利基主题 {niche} 个，新兴或衰退主题 {emerging} 个，基础主题 {basic} 个。</translation>
    </message>
    <message>
        <source>Most frequent keywords</source>
        <translation>高频关键词</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Centrality</source>
        <translation>中心度</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Filter themes…</source>
        <translation>筛选主题…</translation>
    </message>
    <message>
        <source>Double-click a theme to list its publications.</source>
        <translation>双击一个主题可列出其文献。</translation>
    </message>
    <message>
        <source>Keywords: author keywords</source>
        <extracomment>The year spin boxes&apos; &quot;any year&quot; value (shown as text).</extracomment>
        <translation>关键词：作者关键词</translation>
    </message>
    <message>
        <source>Keywords: Keywords Plus</source>
        <translation>关键词：扩展关键词</translation>
    </message>
    <message>
        <source>Keywords: both lists</source>
        <translation>关键词：两类关键词</translation>
    </message>
    <message>
        <source>Co-citation of cited references</source>
        <translation>参考文献共被引</translation>
    </message>
    <message>
        <source>Bibliographic coupling of publications</source>
        <translation>文献耦合</translation>
    </message>
    <message>
        <source>Co-authorship: authors</source>
        <translation>合作网络：作者</translation>
    </message>
    <message>
        <source>Co-authorship: institutions</source>
        <translation>合作网络：机构</translation>
    </message>
    <message>
        <source>Co-authorship: countries/regions</source>
        <translation>合作网络：国家/地区</translation>
    </message>
    <message>
        <source>Open a VOSviewer thesaurus file</source>
        <translation>打开 VOSviewer 同义词表文件</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>图谱</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Years:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>Document t&amp;ypes:</source>
        <translation>文献类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Min. occurrences:</source>
        <translation>最低出现次数(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Top N nodes:</source>
        <translation>前 N 个节点(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>分辨率(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <source>T&amp;hesaurus:</source>
        <translation>同义词表(&amp;H)：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>all, or e.g. Article, Review</source>
        <translation>全部，或如 Article, Review</translation>
    </message>
    <message>
        <source>words in title, keywords, abstract</source>
        <translation>标题、关键词、摘要中的词语</translation>
    </message>
    <message>
        <source>Terms separated by OR; the words of a term must all occur.</source>
        <translation>多个检索词以 OR 分隔；同一检索词中的各个词须全部出现。</translation>
    </message>
    <message>
        <source>Publications a node needs (coupling: matched cited references).</source>
        <translation>节点所需的最少文献数（文献耦合：为匹配到的参考文献数）。</translation>
    </message>
    <message>
        <source>Keep the N nodes with the largest total link strength.</source>
        <translation>保留总连接强度最大的 N 个节点。</translation>
    </message>
    <message>
        <source>Leiden resolution: larger values give more, smaller clusters.</source>
        <translation>Leiden 算法分辨率：值越大，聚类越多、越小。</translation>
    </message>
    <message>
        <source>none (keyword maps)</source>
        <translation>无（用于关键词图谱）</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Compute map</source>
        <translation>计算图谱</translation>
    </message>
    <message>
        <source>Co-citation</source>
        <translation>共被引分析</translation>
    </message>
    <message>
        <source>Bibliographic coupling</source>
        <translation>文献耦合分析</translation>
    </message>
    <message>
        <source>Citation bursts</source>
        <translation>引文突现分析</translation>
    </message>
    <message>
        <source>This analysis</source>
        <translation>此分析</translation>
    </message>
    <message>
        <source>{what} is not available: the selected publications have no cited references. Export the records from Web of Science with “Full Record and Cited References” and import them again.</source>
        <translation>{what}不可用：所选文献没有参考文献。请在 Web of Science 中以“全记录与引用的参考文献”（Full Record and Cited References）导出记录，然后重新导入。</translation>
    </message>
    <message>
        <source>No publications match the selection (years, document types, query). Widen the selection and compute again.</source>
        <translation>没有符合所选条件（年份、文献类型、检索式）的文献。请放宽条件后重新计算。</translation>
    </message>
    <message>
        <source>Computing the science map</source>
        <extracomment>Workspace setting remembering the thesaurus file of keyword maps.</extracomment>
        <translation>正在计算科学图谱</translation>
    </message>
    <message>
        <source>Detecting bursts</source>
        <translation>正在检测突现</translation>
    </message>
    <message>
        <source>{bursts} bursts among {terms} terms tested in {pubs} publications ({filter}); s = {s}, γ = {g}.</source>
        <translation>在 {pubs} 篇文献（{filter}）中检测了 {terms} 个词项，发现 {bursts} 个突现；s = {s}，γ = {g}。</translation>
    </message>
    <message>
        <source>Node “{label}”</source>
        <translation>节点“{label}”</translation>
    </message>
    <message>
        <source>Link “{a}” — “{b}”</source>
        <translation>连线“{a}”—“{b}”</translation>
    </message>
    <message>
        <source>Cluster {n}</source>
        <translation>聚类 {n}</translation>
    </message>
    <message>
        <source>“{term}”, {begin}–{end}</source>
        <translation>“{term}”，{begin}–{end}</translation>
    </message>
    <message>
        <source>GraphML (*.graphml);;GEXF (*.gexf);;VOSviewer map (*.txt)</source>
        <translation>GraphML (*.graphml);;GEXF (*.gexf);;VOSviewer 图谱 (*.txt)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>PNG resolution</source>
        <translation>PNG 分辨率</translation>
    </message>
    <message>
        <source>Dots per inch:</source>
        <translation>每英寸点数（DPI）：</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>已写入：{files}</translation>
    </message>
    <message>
        <source>Hotspots</source>
        <translation>研究热点</translation>
    </message>
    <message>
        <source>Cross-discipline hotspots…</source>
        <translation>交叉学科研究热点…</translation>
    </message>
    <message>
        <source>Intersection of two fields: growth, bursting terms, our authors and schools</source>
        <translation>两个领域的交叉：增长趋势、突现词、本机构作者和学院</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>聚类</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Bursts</source>
        <translation>突现</translation>
    </message>
    <message>
        <source>Thematic map</source>
        <translation>主题战略图</translation>
    </message>
    <message>
        <source>Label terms (log-likelihood ratio)</source>
        <translation>标签词（对数似然比）</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>连线数</translation>
    </message>
    <message>
        <source>Total link strength</source>
        <translation>总连接强度</translation>
    </message>
    <message>
        <source>Average citations</source>
        <translation>平均被引次数</translation>
    </message>
    <message>
        <source>Select a cluster to highlight it on the map; double-click to list its publications.</source>
        <translation>选择一个聚类可在图谱中突出显示；双击可列出其文献。</translation>
    </message>
    <message>
        <source>Filter clusters…</source>
        <translation>筛选聚类…</translation>
    </message>
    <message>
        <source>Filter nodes…</source>
        <translation>筛选节点…</translation>
    </message>
    <message>
        <source>Double-click a node to list its publications.</source>
        <translation>双击一个节点可列出其文献。</translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <extracomment>Largest side of a PNG (pixels): 600 dpi of a full-screen map is still printable.</extracomment>
        <translation>无法写入图片</translation>
    </message>
    <message>
        <source>Science map exported by Subject Analyst Workbench</source>
        <translation>由学科分析工作台导出的科学图谱</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Label terms</source>
        <translation>标签词</translation>
    </message>
    <message>
        <source>Log-likelihood ratio (G²)</source>
        <translation>对数似然比（G²）</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Average publication year</source>
        <extracomment>Radius of the smallest and the largest node (scene units). Links drawn at most, the strongest first (VOSviewer draws 1,000 by default): more lines add no reading, only ink and paint time. Weight classes of links; each (colour, class) pair is one path item, not one item per link. Colours of the year scale links are grouped into. Labels shown at most, the largest nodes first, as long as they do not overlap. A press that moves less than this (pixels) is a click, not a pan. Clusters listed in the legend.</extracomment>
        <translation>平均出版年份</translation>
    </message>
    <message>
        <source>… {n} more clusters</source>
        <translation>…… 另有 {n} 个聚类</translation>
    </message>
    <message>
        <source>Occurrences: {n}</source>
        <translation>出现次数：{n}</translation>
    </message>
    <message>
        <source>Links: {n}; total link strength: {s:.0f}</source>
        <translation>连线数：{n}；总连接强度：{s:.0f}</translation>
    </message>
    <message>
        <source>Cluster: {c}</source>
        <translation>聚类：{c}</translation>
    </message>
    <message>
        <source>Average year: {y:.1f}; average citations: {c:.1f}</source>
        <translation>平均年份：{y:.1f}；平均被引次数：{c:.1f}</translation>
    </message>
</context>
<context>
    <name>ImportDetails</name>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>此前已导入</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>not imported (cancelled)</source>
        <translation>未导入（已取消）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Import no.</source>
        <translation>导入编号</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>ESI release</source>
        <translation>ESI 期次</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
</context>
<context>
    <name>InstitutionDialog</name>
    <message>
        <source>Institution settings</source>
        <translation>机构设置</translation>
    </message>
    <message>
        <source>e.g. DALIAN UNIVERSITY OF TECHNOLOGY</source>
        <translation>例如 DALIAN UNIVERSITY OF TECHNOLOGY</translation>
    </message>
    <message>
        <source>e.g. DALIAN UNIV TECHNOL</source>
        <translation>例如 DALIAN UNIV TECHNOL</translation>
    </message>
    <message>
        <source>The name exactly as ESI lists it. Aliases are other names ESI or Web of Science have used for the institution, one per line.</source>
        <translation>名称须与 ESI 名单中的写法一致。别名是 ESI 或 Web of Science 曾用于本机构的其他名称，每行一个。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation>别名(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Workspace upgraded</source>
        <translation>工作区已升级</translation>
    </message>
    <message>
        <source>The workspace was upgraded to this version. A copy of the old file was saved as {backup}.</source>
        <translation>工作区已升级到当前版本。旧文件的副本已保存为 {backup}。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Subject Analyst Workbench: ESI monitoring, discipline analyses and Word reports for subject librarians.</source>
        <translation>学科分析工作台：面向学科馆员的 ESI 动态监测、学科分析与 Word 报告工具。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Recent workspaces</source>
        <translation>最近的工作区(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Institution settings…</source>
        <translation>机构设置(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Subject Analyst Workbench</source>
        <translation>学科分析工作台</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <source>Workspace: {path}</source>
        <translation>工作区：{path}</translation>
    </message>
</context>
<context>
    <name>MergesPage</name>
    <message>
        <source>Loading the merge log</source>
        <translation>正在读取合并记录</translation>
    </message>
    <message>
        <source>Merge undone: the merged record is now publication no. {id}.</source>
        <translation>已撤销合并：被合并的记录现为编号 {id} 的文献。</translation>
    </message>
    <message>
        <source>All imports</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <source>No. {id}: {file}</source>
        <translation>编号 {id}：{file}</translation>
    </message>
    <message>
        <source>Merges: {n}, undone: {undone}</source>
        <translation>合并 {n} 条，已撤销 {undone} 条</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Undo the merge of “{title}”?

The record read from {file} (line {line}) becomes a publication of its own again; the publication it was merged into loses the fields it took from it.</source>
        <translation>撤销“{title}”的合并？

从 {file}（第 {line} 行）读取的记录将重新成为一条独立的文献；被并入的文献将失去从该记录获得的字段。</translation>
    </message>
    <message>
        <source>Undoing the merge</source>
        <translation>正在撤销合并</translation>
    </message>
    <message>
        <source>UT (WoS accession no.)</source>
        <translation>UT（WoS 入藏号）</translation>
    </message>
    <message>
        <source>EID (Scopus)</source>
        <translation>EID（Scopus）</translation>
    </message>
    <message>
        <source>Title + year + first author</source>
        <translation>标题 + 年份 + 第一作者</translation>
    </message>
    <message>
        <source>Merge log</source>
        <translation>合并记录</translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation>导入批次(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Undo merge…</source>
        <translation>撤销合并(&amp;U)…</translation>
    </message>
    <message>
        <source>Split the selected merge: the merged record becomes a publication of its own.</source>
        <translation>拆分所选合并：被合并的记录重新成为一条独立的文献。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>文献编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Match rule</source>
        <translation>匹配规则</translation>
    </message>
    <message>
        <source>Match key</source>
        <translation>匹配键</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Fields changed</source>
        <translation>被合并字段</translation>
    </message>
    <message>
        <source>Merged at</source>
        <translation>合并时间</translation>
    </message>
    <message>
        <source>Undone at</source>
        <translation>撤销时间</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>PageBase</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PeerGroupDialog</name>
    <message>
        <source>Peer groups</source>
        <translation>对标组</translation>
    </message>
    <message>
        <source>Add group…</source>
        <translation>添加对标组…</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>删除对标组</translation>
    </message>
    <message>
        <source>Reset to examples</source>
        <translation>恢复为示例</translation>
    </message>
    <message>
        <source>Replace every group by the shipped examples (C9, E9, …); saved only with Save.</source>
        <translation>用内置示例（C9、E9 等）替换全部对标组；点击“保存”后才会保存。</translation>
    </message>
    <message>
        <source>&amp;ID:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Chinese name:</source>
        <translation>中文名称(&amp;C)：</translation>
    </message>
    <message>
        <source>ESI name</source>
        <translation>ESI 名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>WoS spellings (separated by ;)</source>
        <translation>WoS 写法（以 ; 分隔）</translation>
    </message>
    <message>
        <source>Other ESI names</source>
        <translation>其他 ESI 名称</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Add from ESI list…</source>
        <translation>从 ESI 名单添加…</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>添加对标组</translation>
    </message>
    <message>
        <source>Short ID of the new group (e.g. MY-PEERS):</source>
        <translation>新对标组的简短标识（例如 MY-PEERS）：</translation>
    </message>
    <message>
        <source>The shipped example groups are back; Save to keep them.</source>
        <translation>已恢复内置示例对标组；点击“保存”即可保留。</translation>
    </message>
    <message>
        <source> (did you mean {names}?)</source>
        <translation>（是否应为 {names}？）</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Not in any imported ESI list: {names}.</source>
        <translation>以下名称不在任何已导入的 ESI 名单中：{names}。</translation>
    </message>
    <message>
        <source>Correct the names (Add from ESI list… has the exact spellings), or press Save again to keep them.</source>
        <translation>请更正名称（“从 ESI 名单添加…”中有准确写法），或再次点击“保存”保留这些名称。</translation>
    </message>
</context>
<context>
    <name>RecordDetails</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>English title</source>
        <translation>英文标题</translation>
    </message>
    <message>
        <source>UT (WoS accession no.)</source>
        <translation>UT（WoS 入藏号）</translation>
    </message>
    <message>
        <source>EID (Scopus)</source>
        <translation>EID（Scopus）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Document type</source>
        <translation>文献类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语种</translation>
    </message>
    <message>
        <source>Source title</source>
        <translation>来源出版物</translation>
    </message>
    <message>
        <source>Abbreviated source</source>
        <translation>来源刊名缩写</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>期</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>起始页</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>结束页</translation>
    </message>
    <message>
        <source>Article number</source>
        <translation>文章编号</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>出版商</translation>
    </message>
    <message>
        <source>Times cited</source>
        <translation>被引次数</translation>
    </message>
    <message>
        <source>Highly cited paper</source>
        <translation>高被引论文</translation>
    </message>
    <message>
        <source>Hot paper</source>
        <translation>热点论文</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>基金资助</translation>
    </message>
    <message>
        <source>Open access</source>
        <translation>开放获取</translation>
    </message>
    <message>
        <source>Reprint address</source>
        <translation>通讯作者地址</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>学科类别</translation>
    </message>
    <message>
        <source>Research areas</source>
        <translation>研究方向</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Author keywords</source>
        <translation>作者关键词</translation>
    </message>
    <message>
        <source>Keywords Plus / index terms</source>
        <translation>Keywords Plus / 索引词</translation>
    </message>
    <message>
        <source>Cited references</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Cited reference count</source>
        <translation>参考文献数</translation>
    </message>
    <message>
        <source>Other fields</source>
        <translation>其他字段</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>corresponding author</source>
        <translation>通讯作者</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>…… 另有 {n} 位</translation>
    </message>
    <message>
        <source>Authors ({n})</source>
        <translation>作者（{n} 位）</translation>
    </message>
    <message>
        <source>Addresses not linked to an author</source>
        <translation>未关联到作者的地址</translation>
    </message>
    <message>
        <source>{label}: {items}</source>
        <translation>{label}：{items}</translation>
    </message>
    <message>
        <source>{label} (first {shown} of {n})</source>
        <translation>{label}（共 {n} 条，显示前 {shown} 条）</translation>
    </message>
    <message>
        <source>new record</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>split by an undone merge</source>
        <translation>因撤销合并而拆分</translation>
    </message>
    <message>
        <source>{file} ({format}), line {line} — {rule}</source>
        <translation>{file}（{format}），第 {line} 行 — {rule}</translation>
    </message>
    <message>
        <source>merged by {rule}</source>
        <translation>按 {rule} 合并</translation>
    </message>
    <message>
        <source>Read from</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <source>No. {id} · {sources}</source>
        <translation>编号 {id} · {sources}</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <source>Searching records</source>
        <translation>正在检索文献</translation>
    </message>
    <message>
        <source>Loading records</source>
        <translation>正在读取文献</translation>
    </message>
    <message>
        <source>Counting records</source>
        <translation>正在统计文献数</translation>
    </message>
    <message>
        <source>Records shown: {loaded}; counting…</source>
        <translation>已显示 {loaded} 条，正在统计总数…</translation>
    </message>
    <message>
        <source>Records shown: {loaded}</source>
        <translation>已显示 {loaded} 条</translation>
    </message>
    <message>
        <source>No records match.</source>
        <translation>没有符合条件的文献。</translation>
    </message>
    <message>
        <source>Records: {total} ({loaded} loaded; scroll for more)</source>
        <translation>共 {total} 条（已载入 {loaded} 条，向下滚动载入更多）</translation>
    </message>
    <message>
        <source>Records: {total}</source>
        <translation>共 {total} 条</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>文献浏览</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>检索(&amp;S)：</translation>
    </message>
    <message>
        <source>Title, author, source title or DOI</source>
        <translation>标题、作者、来源出版物或 DOI</translation>
    </message>
    <message>
        <source>Searched in titles, author names and source titles, or an exact DOI. Runs when you press Enter or stop typing.</source>
        <translation>在标题、作者姓名和来源出版物中检索，或按完整 DOI 查找。按回车或停止输入后开始检索。</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>来源(&amp;O)：</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>First author</source>
        <translation>第一作者</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Source title</source>
        <translation>来源出版物</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cited</source>
        <translation>被引</translation>
    </message>
    <message>
        <source>Refs</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Select a record to see all its fields.</source>
        <translation>选择一条文献以查看其全部字段。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Choose a report in the list.</source>
        <translation>请在列表中选择一种报告。</translation>
    </message>
    <message>
        <source>A file name cannot contain {chars}.</source>
        <translation>文件名不能包含 {chars}。</translation>
    </message>
    <message>
        <source>Building “{title}”</source>
        <translation>正在生成“{title}”</translation>
    </message>
    <message>
        <source>Replace report?</source>
        <translation>替换报告？</translation>
    </message>
    <message>
        <source>{file} already exists and may hold your edits. Replace it?</source>
        <translation>{file} 已存在，其中可能有您的修改。是否替换？</translation>
    </message>
    <message>
        <source>Report written.</source>
        <translation>报告已生成。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新一期</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>&amp;File name:</source>
        <translation>文件名(&amp;F)：</translation>
    </message>
    <message>
        <source>Without .docx; empty: the name shown in grey.</source>
        <translation>不含 .docx；留空则使用灰色显示的名称。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>No report is available in this build.</source>
        <translation>此版本中没有可用的报告。</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>机构(&amp;I)：</translation>
    </message>
    <message>
        <source>ESI_bulletin</source>
        <translation>ESI动态监测通报</translation>
    </message>
    <message>
        <source>&amp;Name in the report:</source>
        <translation>报告中的名称(&amp;N)：</translation>
    </message>
    <message>
        <source>R&amp;elease:</source>
        <translation>期次(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>输出文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>The workspace institution</source>
        <translation>工作区设置的机构</translation>
    </message>
    <message>
        <source>How the report names the institution, e.g. 大连理工大学 (default: the ESI name)</source>
        <translation>报告中使用的机构名称，例如 大连理工大学（默认使用 ESI 英文名称）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Also write the Excel workbook (tables, parameters and provenance)</source>
        <translation>同时生成 Excel 工作簿（表格、参数和数据来源）</translation>
    </message>
    <message>
        <source>Common options</source>
        <translation>通用选项</translation>
    </message>
    <message>
        <source>Report options</source>
        <translation>报告选项</translation>
    </message>
    <message>
        <source>This report has no options of its own.</source>
        <translation>此报告没有专用选项。</translation>
    </message>
    <message>
        <source>Build report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>已生成的文件</translation>
    </message>
    <message>
        <source>Years must look like 2015-2024 (or one year), not “{text}”.</source>
        <extracomment>The years syntax the report services accept: ``2020`` or ``2015-2024``.</extracomment>
        <translation>年份格式应为 2015-2024（或单个年份），而不是“{text}”。</translation>
    </message>
    <message>
        <source>The first year is after the last: “{text}”.</source>
        <translation>起始年份晚于结束年份：“{text}”。</translation>
    </message>
    <message>
        <source>School mapping</source>
        <translation>学院映射</translation>
    </message>
    <message>
        <source>School mappings (*.csv *.xlsx);;All files (*)</source>
        <translation>学院映射文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CSV or Excel file: school, address pattern, priority</source>
        <translation>CSV 或 Excel 文件：学院、地址匹配模式、优先级</translation>
    </message>
    <message>
        <source>This report needs a school mapping file: choose one under Report options (the Contribution page can create it).</source>
        <translation>此报告需要学院映射文件：请在“报告选项”中选择（可在“学院贡献度”页创建）。</translation>
    </message>
    <message>
        <source>The school mapping file {file} does not exist.</source>
        <translation>学院映射文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>all, or e.g. 2015-2024</source>
        <translation>全部，或如 2015-2024</translation>
    </message>
    <message>
        <source>School mapping (optional):</source>
        <translation>学院映射（可选）：</translation>
    </message>
    <message>
        <source>Potential cut-off:</source>
        <translation>潜力阈值：</translation>
    </message>
    <message>
        <source>Names the schools of the authors of new highly cited papers.</source>
        <translation>用于标注新增高被引论文作者所属的学院。</translation>
    </message>
    <message>
        <source>A field is potential when its citations reach this share of the ESI threshold.</source>
        <translation>学科被引次数达到 ESI 阈值的该比例时，视为潜力学科。</translation>
    </message>
    <message>
        <source>Build even when no ESI list names the institution</source>
        <translation>即使 ESI 名单中没有本机构也生成报告</translation>
    </message>
    <message>
        <source>School mapping:</source>
        <translation>学院映射：</translation>
    </message>
    <message>
        <source>Papers:</source>
        <translation>论文：</translation>
    </message>
    <message>
        <source>Highly cited and hot papers</source>
        <translation>高被引论文和热点论文</translation>
    </message>
    <message>
        <source>Highly cited papers</source>
        <translation>高被引论文</translation>
    </message>
    <message>
        <source>Hot papers</source>
        <translation>热点论文</translation>
    </message>
    <message>
        <source>Every paper of ours in the lists, not only the new ones</source>
        <translation>列出名单中本机构的全部论文，而不仅是新增论文</translation>
    </message>
    <message>
        <source>Counting:</source>
        <translation>计数方式：</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Fractional counting</source>
        <translation>分数计数</translation>
    </message>
    <message>
        <source>Full counting</source>
        <translation>整数计数</translation>
    </message>
    <message>
        <source>A table for each counting</source>
        <translation>每种计数方式各生成一张表</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（不使用对标组）</translation>
    </message>
    <message>
        <source>Choose a peer group or name at least one peer to compare with.</source>
        <translation>请选择对标组，或至少填写一所对标机构。</translation>
    </message>
    <message>
        <source>Peer group:</source>
        <translation>对标组：</translation>
    </message>
    <message>
        <source>Other peers:</source>
        <translation>其他对标机构：</translation>
    </message>
    <message>
        <source>ESI field:</source>
        <translation>ESI 学科：</translation>
    </message>
    <message>
        <source>Small sample below (papers):</source>
        <translation>小样本阈值（论文数）：</translation>
    </message>
    <message>
        <source>Years of the papers:</source>
        <translation>论文年份：</translation>
    </message>
    <message>
        <source>ESI names separated by ; (added to the group)</source>
        <translation>ESI 机构名称，以 ; 分隔（在对标组基础上追加）</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部学科</translation>
    </message>
    <message>
        <source>Name the field or topic of the panorama (its title).</source>
        <translation>请填写全景分析的学科或主题（即报告标题）。</translation>
    </message>
    <message>
        <source>Field or topic:</source>
        <translation>学科或主题：</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>检索式：</translation>
    </message>
    <message>
        <source>Crossed with:</source>
        <translation>交叉主题：</translation>
    </message>
    <message>
        <source>e.g. 储能材料</source>
        <translation>例如 储能材料</translation>
    </message>
    <message>
        <source>Words in titles, abstracts and keywords (empty: every record)</source>
        <translation>标题、摘要和关键词中的词语（留空：全部记录）</translation>
    </message>
    <message>
        <source>Optional: a query for a second topic to compare</source>
        <translation>可选：用于对比的第二个主题的检索式</translation>
    </message>
</context>
<context>
    <name>SchoolMappingEditor</name>
    <message>
        <source>Row {row}: {message}</source>
        <translation>第 {row} 行：{message}</translation>
    </message>
    <message>
        <source>Add a school rule</source>
        <translation>添加学院规则</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>地址：{address}</translation>
    </message>
    <message>
        <source>Plain text matches anywhere in the address, ignoring case; start with re: for a regular expression. On a tie the higher priority wins, then the longer match.</source>
        <translation>普通文本可匹配地址中的任意位置，不区分大小写；以 re: 开头表示正则表达式。多条规则同时匹配时，优先级高者优先，其次为匹配较长者。</translation>
    </message>
    <message>
        <source>&amp;School:</source>
        <translation>学院(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>匹配模式(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;English name:</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>优先级(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Matches {hits} of the {n} unmatched addresses.</source>
        <translation>可匹配 {n} 条未匹配地址中的 {hits} 条。</translation>
    </message>
    <message>
        <source>Unsaved school mapping</source>
        <extracomment>The shipped example mapping (Dalian University of Technology).</extracomment>
        <translation>学院映射未保存</translation>
    </message>
    <message>
        <source>The school mapping has unsaved changes. Save them first?</source>
        <translation>学院映射有未保存的更改。是否先保存？</translation>
    </message>
    <message>
        <source>Open a school mapping</source>
        <translation>打开学院映射</translation>
    </message>
    <message>
        <source>School mappings (*.csv *.xlsx)</source>
        <translation>学院映射文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Save the school mapping</source>
        <translation>保存学院映射</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel workbook (*.xlsx)</source>
        <translation>CSV (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>No mapping loaded</source>
        <translation>未加载映射</translation>
    </message>
    <message>
        <source>Example: {file} (Save as… to keep your changes)</source>
        <translation>示例：{file}（请“另存为…”以保留修改）</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>文件：{file}</translation>
    </message>
    <message>
        <source>unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <source>{rules} rules, {schools} schools</source>
        <translation>{rules} 条规则，{schools} 个学院</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Start from the DUT example</source>
        <translation>从大连理工大学示例开始</translation>
    </message>
    <message>
        <source>Load the mapping shipped for Dalian University of Technology as a starting point</source>
        <translation>载入内置的大连理工大学学院映射作为起点</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>A&amp;dd rule…</source>
        <translation>添加规则(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Filter rules…</source>
        <translation>筛选规则…</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学院</translation>
    </message>
    <message>
        <source>Address pattern</source>
        <translation>地址匹配模式</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Double-click a cell to edit it. A pattern is plain text (found anywhere in the address, ignoring case) or re: and a regular expression.</source>
        <translation>双击单元格进行编辑。匹配模式可以是普通文本（在地址任意位置匹配，不区分大小写），也可以是 re: 加正则表达式。</translation>
    </message>
</context>
<context>
    <name>TaskProgressWidget</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running task</source>
        <translation>停止正在运行的任务</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Subject Analyst Workbench</source>
        <translation>学科分析工作台</translation>
    </message>
    <message>
        <source>A workspace is one file that holds your imported exports and settings. Create a new one or open an existing one to start.</source>
        <translation>工作区是一个文件，保存导入的数据和各项设置。请新建或打开一个工作区开始工作。</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Recent workspaces (double-click to open):</source>
        <translation>最近的工作区（双击打开）：</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialogs</name>
    <message>
        <source>Workspaces (*.sqlite);;All files (*)</source>
        <translation>工作区 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>workspace.sqlite</source>
        <translation>工作区.sqlite</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
</context>
</TS>
