<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Filter…</source>
        <translation>筛选…</translation>
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
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
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
        <source>ESI_bulletin</source>
        <translation>ESI动态监测通报</translation>
    </message>
    <message>
        <source>Building the ESI bulletin</source>
        <translation>正在生成 ESI 动态监测通报</translation>
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
        <source>&amp;Report:</source>
        <translation>报告(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Institution:</source>
        <translation>机构(&amp;I)：</translation>
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
        <source>ESI bulletin (Word + Excel)</source>
        <translation>ESI 动态监测通报（Word + Excel）</translation>
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
        <source>Build report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>The report service is not installed in this build.</source>
        <translation>此版本未安装报告生成服务。</translation>
    </message>
    <message>
        <source>Files written</source>
        <translation>已生成的文件</translation>
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
