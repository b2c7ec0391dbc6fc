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
        <source>Exports (*.csv *.txt *.tsv *.xls *.xlsx);;All files (*)</source>
        <translation>导出文件 (*.csv *.txt *.tsv *.xls *.xlsx);;所有文件 (*)</translation>
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
