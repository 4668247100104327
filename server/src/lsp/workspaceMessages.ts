// The strings of the workspace check, the config file and "Mark as reviewed", in Chinese and English.

import type { Localized } from '../core/index.js';

const L = (zh: string, en: string): Localized => ({ zh, en });

export const workspaceText = {
  checkTitle: () => L('检查工作区中的报告', 'Checking the reports in the workspace'),
  checking: (i: number, n: number, name: string) => L(`${i}/${n}：${name}`, `${i}/${n}: ${name}`),
  noFolder: () => L('没有打开的工作区文件夹：没有可检查的报告', 'No workspace folder is open: there are no reports to check'),
  noDisk: () => L('此环境下语言服务器不能读取磁盘文件', 'The language server cannot read files from disk here'),
  done: (reports: number, e: number, w: number, n: number) => L(`检查了 ${reports} 份报告：${e} 个错误，${w} 个警告，${n} 个提示`, `Checked ${reports} report${reports === 1 ? '' : 's'}: ${e} errors, ${w} warnings, ${n} notes`),
  cancelled: (done: number, n: number) => L(`已取消：检查了 ${n} 个文件中的 ${done} 个`, `Cancelled after ${done} of ${n} files`),
  truncated: (max: number, more: number) => L(`文件过多：只检查前 ${max} 个，另有 ${more} 个未检查`, `Too many files: only the first ${max} were checked, ${more} more were not`),
  removeEntry: () => L('从 .disclosure-report.json 删除这条已审核记录', 'Remove this reviewed entry from .disclosure-report.json'),
  markReviewed: () => L('标记为已审核（记入 .disclosure-report.json）', 'Mark as reviewed (recorded in .disclosure-report.json)'),
};
