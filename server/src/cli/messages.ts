// The CLI's own texts (help, usage errors, per-file errors, the summary) in Chinese and English.
// Each command's help is here too (`help.<command>`), beside the one-line summary the global
// help lists; a new command adds both, in both languages.

import type { Locale } from '../core/index.js';

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
    check: '检查报告草稿，可就地重算总计（--fix）',
  } as Record<string, string>,
  help: {
    check: `用法：disclosure-report check [--format text|json] [--fix] [--previous 文件] [--locale zh-CN|en] 路径...

检查政府信息公开工作年度报告草稿（纯文本）。路径可以是文件或目录（递归查找 *.txt）。
每份报告与上年报告比对（上年结转、现行有效件数、正文重复）：上年报告为 --previous 指定的文件，
否则为输入中同一机关、上一年度的报告（机关与年度从标题、统计期限或文件名读出）。

选项：
  --format text|json   输出格式（默认 text：路径:行:列: 级别 规则 说明）
  --fix                就地重算派生单元格（总计、（七）总计、结转下年度继续办理），只改这些数字（从不改正文）
  --previous 文件      上年报告：与每个输入（它本身除外）比对
  --locale zh-CN|en    说明文字的语言（默认 zh-CN）
  -h, --help           显示本帮助

退出码：0 无错误级诊断；1 至少一个错误；2 用法错误或有无法读取的输入（其余输入照常检查）。
编码：UTF-8（可带 BOM）、带 BOM 的 UTF-16、GB18030/GBK 自动识别；修正后按原编码、BOM 与换行符写回，
先写临时文件再改名，不会留下写了一半的文件。`,
  } as Record<string, string>,
  seeHelp: (command: string) => `运行 disclosure-report ${command} --help 查看用法`,
  unreadable: (p: string, why: string) => `${p}: 无法读取：${why}`,
  notFound: '文件或目录不存在',
  denied: '没有权限',
  binary: '二进制文件，不是文本草稿',
  encoding: '无法识别的编码（支持 UTF-8、UTF-16、GB18030）',
  tooLarge: (mb: string) => `文件过大（${mb} MB，上限 10 MB）`,
  notFile: '不是普通文件',
  changed: '修正期间文件被其他程序改动，未写入',
  noRoundTrip: '该文件的编码无法原样写回，未修正',
  fixed: '已修正',
  previousTaken: (p: string) => `上年报告：${p}`,
  noPrevious: (why: string) => `未与上年报告比对：${why}`,
  unreadablePrevious: (p: string, why: string) => `${p}: 无法读取上年报告：${why}`,
  notFixed: '未修正',
  summary: (files: number, e: number, w: number, i: number, fixes: number) =>
    `检查了 ${files} 个文件：${e} 个错误，${w} 个警告，${i} 个提示` + (fixes ? `；修正了 ${fixes} 个单元格` : ''),
  badOption: (o: string) => `未知选项：${o}`,
  badValue: (o: string) => `选项 ${o} 缺少取值或取值不对`,
  badCommand: (c: string, known: string) => `未知命令：${c}（可用命令：${known}）`,
  noCommand: (known: string) => `请给出命令（可用命令：${known}）`,
  noPaths: '请给出要检查的文件或目录',
  badFormat: (f: string) => `--format 只能是 text 或 json，而不是 ${f}`,
};

export type CliText = typeof zh;

const en: CliText = {
  usage: `Usage: disclosure-report <command> [options] [arguments...]

Checks government information disclosure annual reports (政府信息公开工作年度报告).

Commands:
%COMMANDS%

Common options:
  --locale zh-CN|en    language of messages (default zh-CN)
  -h, --help           show help; disclosure-report <command> --help shows that command's
  --version            show the version`,
  summaries: {
    check: 'check report drafts; recompute the totals in place with --fix',
  },
  help: {
    check: `Usage: disclosure-report check [--format text|json] [--fix] [--previous FILE] [--locale zh-CN|en] PATH...

Checks drafts of government information disclosure annual reports (plain text). PATH is a file
or a directory (walked for *.txt). Each report is compared with last year's (carry-over, valid
counts, repeated prose): the --previous FILE, else the input of the same office and the year
before (office and year read from the title, the period statement or the file name).

Options:
  --format text|json   output format (default text: path:line:col: severity rule message)
  --fix                recompute derived cells in place (totals, （七）总计, 结转下年度继续办理); only those numbers change (never the prose)
  --previous FILE      last year's report: every input (but itself) is compared with it
  --locale zh-CN|en    language of messages (default zh-CN)
  -h, --help           show this help

Exit codes: 0 no error-severity diagnostic; 1 at least one; 2 bad usage or an unreadable input (the others are still checked).
Encodings: UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK are detected; a fixed file keeps its encoding,
BOM and line ends, and is written to a temporary file and renamed, never left half-written.`,
  },
  seeHelp: (command) => `run disclosure-report ${command} --help for its usage`,
  unreadable: (p, why) => `${p}: cannot read: ${why}`,
  notFound: 'no such file or directory',
  denied: 'permission denied',
  binary: 'a binary file, not a text draft',
  encoding: 'unknown encoding (UTF-8, UTF-16 and GB18030 are supported)',
  tooLarge: (mb) => `file too large (${mb} MB; the limit is 10 MB)`,
  notFile: 'not a regular file',
  changed: 'the file changed while being fixed; nothing written',
  noRoundTrip: 'the file’s encoding cannot be written back unchanged; not fixed',
  fixed: 'fixed',
  previousTaken: (p) => `last year's report: ${p}`,
  noPrevious: (why) => `not compared with last year's report: ${why}`,
  unreadablePrevious: (p, why) => `${p}: cannot read last year's report: ${why}`,
  notFixed: 'not fixed',
  summary: (files, e, w, i, fixes) => `Checked ${files} file${files === 1 ? '' : 's'}: ${e} errors, ${w} warnings, ${i} notes` + (fixes ? `; fixed ${fixes} cells` : ''),
  badOption: (o) => `unknown option: ${o}`,
  badValue: (o) => `option ${o} is missing its value or has a wrong one`,
  badCommand: (c, known) => `unknown command: ${c} (commands: ${known})`,
  noCommand: (known) => `name a command (commands: ${known})`,
  noPaths: 'name the files or directories to check',
  badFormat: (f) => `--format is text or json, not ${f}`,
};

export function cliText(locale: Locale): CliText {
  return locale === 'en' ? en : zh;
}
