// The CLI's own texts (help, usage errors, per-file errors, the summary) in Chinese and English.
// Each command's help is here too (`help.<command>`), beside the one-line summary the global
// help lists; a new command adds both, in both languages.

import type { Locale } from '../core/index.js';
import { shown } from './shown.js';

const zh = {
  usage: `用法：disclosure-report <命令> [选项] [参数...]

检查政府信息公开工作年度报告。

命令：
%COMMANDS%

通用选项：
  --locale zh-CN|en    说明文字的语言（默认 zh-CN）
  -h, --help           显示帮助；disclosure-report <命令> --help 显示该命令的帮助
  --version            显示版本`,
  summaries: {
    check: '检查报告（文本、Word、网页、PDF），可就地重算总计（--fix）',
    text: '打印 Word/网页/PDF 转换成的文本草稿',
    export: '把一批报告的各单元格导出为 CSV 或 JSON 表格',
    new: '按官方格式输出一份新报告（全部行列名称，单元格为 0）',
  } as Record<string, string>,
  help: {
    check: `用法：disclosure-report check [--format text|json|sarif|csv] [--fix] [--config 文件] [--previous 文件] [--jobs N] [--locale zh-CN|en] 路径...

检查政府信息公开工作年度报告：纯文本（.txt、.md）、Word 文档（.docx）、网页（.html、.htm）和带文字层的
PDF（.pdf）。路径可以是文件或目录（递归查找以上各类文件）。.doc、.wps、加密、损坏、扫描件或过大的文件各报
一条错误，其余文件照常检查。对 .docx、网页和 PDF，行号与列号指 disclosure-report text 文件 打印的文本。
检查多个文件时，最后列出每条规则有多少份报告未通过。
每份报告与上年报告比对（上年结转、现行有效件数、正文重复）：上年报告为 --previous 指定的文件，
否则为输入中同一机关、上一年度的报告（机关与年度从标题、统计期限或文件名读出）。

选项：
  --format text|json|sarif|csv
                       输出格式（默认 text：路径:行:列: 级别 规则 说明）；sarif：SARIF 2.1.0 日志，
                       已审核的发现带 suppressions；csv：发现列表（UTF-8 带 BOM，含审核状态与理由）。
                       每种格式都列出已审核的发现及其状态与理由
  --fix                就地重算派生单元格（总计、（七）总计、结转下年度继续办理），只改这些数字，并列出
                       改了什么（旧值 → 新值）；已审核为按原样接受或误报的单元格不改；
                       .docx 只改这些单元格的文字，其余原样保留；网页和 PDF 不修改；从不改正文；
                       若某个输入单元格可能录入有误（一个单元格能解释全部不成立的等式），在改动旁注明
  --config 文件        使用该配置文件（规则级别、阈值、已审核的发现）；默认从每个被检查文件所在目录向上
                       查找 .disclosure-report.json，到文件系统根目录或含 .git 的目录为止
  --previous 文件      上年报告：与每个输入（它本身除外）比对
  --jobs N             用 N 个线程读取和检查文件（默认为本机 CPU 核数）；文件少于 48 个、N 为 1 或带 --fix
                       时在主线程进行；输出与单线程完全相同，按输入顺序
  --locale zh-CN|en    说明文字的语言（默认 zh-CN）
  -h, --help           显示本帮助

退出码：0 无错误级诊断；1 至少一个错误；2 用法错误或有无法读取的输入（其余输入照常检查）。
编码：UTF-8（可带 BOM）、带 BOM 的 UTF-16、GB18030/GBK 自动识别；修正后按原编码、BOM 与换行符写回，
先写临时文件再改名，不会留下写了一半的文件。`,
    text: `用法：disclosure-report text [--locale zh-CN|en] 文件...

打印文件转换成的文本草稿，即 check 检查的文本：Word 文档、网页和 PDF 转为制表符分隔的格式（正文每段一行，
表格每行一行，单元格以制表符分隔）；check 对这些文件给出的行号与列号即指这份文本。
只给一个文件时只打印文本，可直接重定向存为 .txt；多个文件（或目录）时，每个文件前有一行 ==> 路径 <==，
文件之间空一行。

选项：
  --locale zh-CN|en    说明文字的语言（默认 zh-CN）
  -h, --help           显示本帮助

退出码：0 成功；2 用法错误或有无法读取的文件（其余文件照常打印）。`,
    export: `用法：disclosure-report export [--format csv|json] [--output 文件] [--locale zh-CN|en] 路径...

把每份报告导出为一条记录：path、office（机关）、year（年度）、format（2021 或 2019 格式）、每个单元格
（以单元格键为列名，如 t3.new.total；空白单元格留空，不是数字的文字照原样）、errors、warnings（错误与
警告数）和 failing（未通过的规则，以空格分隔）。路径可以是文件或目录（递归查找文本、.docx、网页和 PDF）。

选项：
  --format csv|json    输出格式（默认 csv：UTF-8 带 BOM，Excel 和 WPS 可直接打开；json：{version, reports}）
  -o, --output 文件    写入该文件（先写临时文件再改名），不写则输出到标准输出
  --locale zh-CN|en    说明文字的语言（默认 zh-CN）
  -h, --help           显示本帮助

在终端中处理多份报告时，标准错误上显示进度（如 12/300）。
退出码：0 成功；2 用法错误或有无法读取的文件（其余文件照常导出）。`,
    new: `用法：disclosure-report new [--office 机关名称] [--year 年度] [--layout pipes|tabs] [--eol lf|crlf]

按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）输出一份新报告：标题、
统计期限、六个部分的标题、三张表格的全部行列名称，每个单元格为 0。输出到标准输出，例如
  disclosure-report new --office 青禾县数据资源局 --year 2025 > 2025年报告.txt
新报告检查结果为零问题。

选项：
  --office 机关名称    标题中的报告机关（默认“（机关名称）”，请替换）
  --year 年度          报告年度，四位数字（默认上一年：年度报告通常在次年一月编写）
  --layout pipes|tabs  表格格式：pipes 为“ | ”分隔并对齐（默认），tabs 为制表符分隔（可直接粘贴到 Word、WPS、Excel）
  --eol lf|crlf        换行符（默认 lf）
  --locale zh-CN|en    说明文字的语言（默认 zh-CN）
  -h, --help           显示本帮助`,
  } as Record<string, string>,
  seeHelp: (command: string) => `运行 disclosure-report ${command} --help 查看用法`,
  unreadable: (p: string, why: string) => `${shown(p)}: 无法读取：${why}`,
  fixed: '已修正',
  note: (text: string) => `；注意：${text}`,
  previousTaken: (p: string) => `上年报告：${shown(p)}`,
  noPrevious: (why: string) => `未与上年报告比对：${why}`,
  unreadablePrevious: (p: string, why: string) => `${shown(p)}: 无法读取上年报告：${why}`,
  notFixed: '未修正',
  unwritten: '未写入的修正',
  readOnlySource: (kind: string) => `--fix 不修改${kind === 'pdf' ? ' PDF ' : '网页'}文件，未作改动（可在原 Word 文档上修正）`,
  tallyHead: (n: number) => `各规则未通过的报告数（共 ${n} 份报告）：`,
  noFiles: '请给出要转换的文件',
  badExportFormat: (f: string) => `--format 只能是 csv 或 json，而不是 ${f}`,
  cannotWrite: (p: string, why: string) => `${shown(p)}: 无法写入：${why}`,
  notWritten: (why: string) => `修正未写入：${why}（以下为原文件的检查结果）`,
  interrupted: (fixed: number, left: number) => `已中断：${fixed} 个文件已完整修正，其余 ${left} 个文件未改动`,
  outputIsInput: (p: string) => `${shown(p)}: 输出文件是输入文件之一，未写入（请另选输出文件）`,
  exported: (n: number, p: string) => `已导出 ${n} 份报告到 ${shown(p)}`,
  summary: (files: number, e: number, w: number, i: number, fixes: number, partial = 0) =>
    `检查了 ${files} 个文件：${e} 个错误，${w} 个警告，${i} 个提示` + (fixes ? `；修正了 ${fixes} 个单元格` : '') + (partial ? `；${partial} 份报告未发现错误但未完全核对` : ''),
  badOption: (o: string) => `未知选项：${o}`,
  badValue: (o: string) => `选项 ${o} 缺少取值或取值不对`,
  badCommand: (c: string, known: string) => `未知命令：${c}（可用命令：${known}）`,
  noCommand: (known: string) => `请给出命令（可用命令：${known}）`,
  noPaths: '请给出要检查的文件或目录',
  badFormat: (f: string) => `--format 只能是 text、json、sarif 或 csv，而不是 ${f}`,
  /** After a reviewed finding's message: its status, reason and who. */
  reviewed: (status: string, reason: string, who: string) => `（已审核：${status}${reason ? `：${reason}` : ''}${who ? `；${who}` : ''}）`,
  statusWords: { confirmed: '已确认，待改正', accepted: '按原样接受', 'false-alarm': '误报' } as Record<string, string>,
  badLayout: (l: string) => `--layout 只能是 pipes 或 tabs，而不是 ${l}`,
  badYear: (y: string) => `--year 应为四位数字的年度（1900–2099），而不是 ${y}`,
  badEol: (e: string) => `--eol 只能是 lf 或 crlf，而不是 ${e}`,
};

export type CliText = typeof zh;

const en: CliText = {
  usage: `Usage: disclosure-report <command> [options] [arguments...]

Checks government information disclosure annual reports (政府信息公开工作年度报告).

Commands:
%COMMANDS%

Common options:
  --locale zh-CN|en    language of messages (default zh-CN)
  -h, --help           show help; disclosure-report <command> --help shows a command's own
  --version            show the version`,
  summaries: {
    check: 'check reports (text, Word, web pages, PDF); recompute the totals in place with --fix',
    text: 'print the text draft a Word document, web page or PDF converts to',
    export: 'tabulate the cells of a batch of reports as CSV or JSON',
    new: 'print a new report in the official format (every label, 0 in every cell)',
  },
  help: {
    check: `Usage: disclosure-report check [--format text|json|sarif|csv] [--fix] [--config FILE] [--previous FILE] [--jobs N] [--locale zh-CN|en] PATH...

Checks government information disclosure annual reports: plain text (.txt, .md), Word documents
(.docx), saved web pages (.html, .htm) and PDFs with a text layer (.pdf). PATH is a file or a
directory (walked for all of these). A .doc, .wps, encrypted, damaged, scanned or too large file
gets one error each; the others are still checked. For a .docx, web page or PDF, lines and
columns refer to the text that disclosure-report text FILE prints. Over several files, the output
ends with a tally: for each rule, how many reports fail it. Each report is compared with last
year's (carry-over, valid counts, repeated prose): the --previous FILE, else the input of the same
office and the year before (office and year read from the title, the period statement or the file name).

Options:
  --format text|json|sarif|csv
                       output format (default text: path:line:col: severity rule message); sarif: a SARIF 2.1.0
                       log, reviewed findings with suppressions; csv: the list of findings (UTF-8 with BOM,
                       review status and reason). Every format lists the reviewed findings with status and reason
  --fix                recompute derived cells in place (totals, （七）总计, 结转下年度继续办理); only those numbers change,
                       each listed (old → new); cells reviewed as accepted or a false alarm are left alone;
                       in a .docx only those cells' text, everything else kept; web pages and PDFs are not changed; prose never;
                       where one cell likely holds a typo (it explains every failing identity), the change names it
  --config FILE        use this configuration file (rule severities, thresholds, reviewed findings); by default
                       .disclosure-report.json is looked for from each checked file's folder upward,
                       up to the filesystem root or a folder holding .git
  --previous FILE      last year's report: compared with every input (but itself)
  --jobs N             read and check the files on N threads (default: the machine's cores); on the main
                       thread for fewer than 48 files, N = 1 or --fix; the output is the same as on one thread, in input order
  --locale zh-CN|en    language of messages (default zh-CN)
  -h, --help           show this help

Exit codes: 0 no error-severity diagnostic; 1 at least one; 2 bad usage or an unreadable input (the others are still checked).
Encodings: UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK are detected; a fixed file keeps its encoding,
BOM and line ends, and is written to a temporary file and renamed, never left half-written.`,
    text: `Usage: disclosure-report text [--locale zh-CN|en] FILE...

Prints the text draft a file converts to — the text check reads: a Word document, web page or
PDF in the tab layout (prose one paragraph a line, every table row one line, cells split by
tabs); the lines and columns check reports for such a file are this text's.
One file: the text alone, so that it can be redirected into a .txt. Several files (or a
directory): each preceded by a line ==> PATH <==, with an empty line between them.

Options:
  --locale zh-CN|en    language of messages (default zh-CN)
  -h, --help           show this help

Exit codes: 0 done; 2 bad usage or an unreadable file (the others are still printed).`,
    export: `Usage: disclosure-report export [--format csv|json] [--output FILE] [--locale zh-CN|en] PATH...

Exports one record per report: path, office, year, format (2021 or 2019), every cell by its key
as a column (e.g. t3.new.total; a blank cell stays empty, text that is not a number as written),
errors and warnings (their counts) and failing (the rules that failed, space-separated). PATH is
a file or a directory (walked for text, .docx, web pages and PDFs).

Options:
  --format csv|json    output format (default csv: UTF-8 with a BOM, opens in Excel and WPS; json: {version, reports})
  -o, --output FILE    write into FILE (a temporary file, then renamed) instead of stdout
  --locale zh-CN|en    language of messages (default zh-CN)
  -h, --help           show this help

A progress line (e.g. 12/300) shows on stderr while reading, when stderr is a terminal.
Exit codes: 0 done; 2 bad usage or an unreadable file (the others are still exported).`,
    new: `Usage: disclosure-report new [--office NAME] [--year YYYY] [--layout pipes|tabs] [--eol lf|crlf]

Prints a new report in the official format (国办公开办函〔2021〕30号) on stdout: the title, the
statistical period, the six headings and the three tables with every row and column label and 0
in every cell, e.g.
  disclosure-report new --office 青禾县数据资源局 --year 2025 > report-2025.txt
A new report checks with no diagnostic at all.

Options:
  --office NAME        the reporting body as printed in the title (default （机关名称）, to replace)
  --year YYYY          the year the report covers (default last year: reports are written in January)
  --layout pipes|tabs  tables split by " | " and aligned (default), or by tabs (pastes into Word, WPS, Excel)
  --eol lf|crlf        line ends (default lf)
  --locale zh-CN|en    language of messages (default zh-CN)
  -h, --help           show this help`,
  },
  seeHelp: (command) => `run disclosure-report ${command} --help for its usage`,
  unreadable: (p, why) => `${shown(p)}: cannot read: ${why}`,
  fixed: 'fixed',
  note: (text) => `; note: ${text}`,
  previousTaken: (p) => `last year's report: ${shown(p)}`,
  noPrevious: (why) => `not compared with last year's report: ${why}`,
  unreadablePrevious: (p, why) => `${shown(p)}: cannot read last year's report: ${why}`,
  notFixed: 'not fixed',
  unwritten: 'not written',
  readOnlySource: (kind) => `--fix does not change ${kind === 'pdf' ? 'a PDF' : 'a web page'}; nothing written (fix the Word document it came from)`,
  tallyHead: (n) => `Reports failing each rule (of ${n} report${n === 1 ? '' : 's'}):`,
  noFiles: 'name the files to convert',
  badExportFormat: (f) => `--format is csv or json, not ${f}`,
  cannotWrite: (p, why) => `${shown(p)}: cannot write: ${why}`,
  notWritten: (why) => `fixes not written: ${why} (the findings below are the file's as it is)`,
  interrupted: (fixed, left) => `interrupted: ${fixed} file${fixed === 1 ? '' : 's'} fixed whole, the other ${left} left untouched`,
  outputIsInput: (p) => `${shown(p)}: the output file is one of the inputs; nothing written (choose another output file)`,
  exported: (n, p) => `exported ${n} report${n === 1 ? '' : 's'} to ${shown(p)}`,
  summary: (files, e, w, i, fixes, partial = 0) =>
    `Checked ${files} file${files === 1 ? '' : 's'}: ${e} errors, ${w} warnings, ${i} notes` + (fixes ? `; fixed ${fixes} cells` : '') + (partial ? `; ${partial} report${partial === 1 ? '' : 's'} with no error not fully checked` : ''),
  badOption: (o) => `unknown option: ${o}`,
  badValue: (o) => `option ${o} is missing its value or has a wrong one`,
  badCommand: (c, known) => `unknown command: ${c} (commands: ${known})`,
  noCommand: (known) => `name a command (commands: ${known})`,
  noPaths: 'name the files or directories to check',
  badFormat: (f) => `--format is text, json, sarif or csv, not ${f}`,
  reviewed: (status, reason, who) => ` (reviewed: ${status}${reason ? `: ${reason}` : ''}${who ? `; ${who}` : ''})`,
  statusWords: { confirmed: 'confirmed, to be corrected', accepted: 'accepted as is', 'false-alarm': 'a false alarm' },
  badLayout: (l) => `--layout is pipes or tabs, not ${l}`,
  badYear: (y) => `--year is a four-digit year (1900–2099), not ${y}`,
  badEol: (e) => `--eol is lf or crlf, not ${e}`,
};

export function cliText(locale: Locale): CliText {
  return locale === 'en' ? en : zh;
}
