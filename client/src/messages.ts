// Runtime strings of the client, in English and Chinese. The language follows VS Code's display
// language (vscode.env.language): zh* → Chinese, anything else → English.
// Contributed strings (command titles, setting descriptions) live in package.nls*.json instead.

const en = {
  clientName: 'Disclosure Report Language Server',
  statusTooltip: (errors: number, warnings: number) =>
    `Disclosure report: ${errors} error(s), ${warnings} warning(s). Click to open the Problems panel.`,
  statusTooltipClean: 'Disclosure report: no problems found. Click to open the Problems panel.',
  statusName: 'Disclosure Report Problems',
  statusNotFully: 'not fully checked',
  statusTooltipPartial: (detail: string) => `Disclosure report: no problems found, but not fully checked: ${detail}. Click to open the Problems panel.`,
  statusNotFullyLine: (detail: string) => `Not fully checked: ${detail}.`,
  noActiveEditor: 'Open a report first: there is no active text editor.',
  switchedTo: (name: string) => `${name} is now checked as a disclosure report.`,
  switchedAway: (name: string) => `${name} is now plain text; it will not be switched back automatically this session.`,
  notAReport: 'The active document is not a disclosure report. Use “Toggle Disclosure Report language” first.',
  nothingToFix: 'No automatic fixes available for this report.',
  fixApplied: 'Applied the automatic fixes.',
  fixFailed: (reason: string) => `Could not apply the fixes: ${reason}`,
  restarting: 'Restarting the disclosure report language server…',
  restarted: 'The disclosure report language server has restarted.',
  restartFailed: (reason: string) => `Could not restart the language server: ${reason}`,
  startFailed: (reason: string) => `The disclosure report language server failed to start: ${reason}`,
  noWorkspace: 'Open a folder first: there is no workspace to check.',
  checkingWorkspace: 'Checking the disclosure reports in the workspace',
  checkCancelled: 'The workspace check was cancelled.',
  workspaceChecked: (reports: number, errors: number, warnings: number, notes: number) =>
    `Checked ${reports} report(s): ${errors} error(s), ${warnings} warning(s), ${notes} note(s). See the Problems panel.`,
  checkFailed: (reason: string) => `Could not check the workspace: ${reason}`,
};

export type Messages = typeof en;

const zh: Messages = {
  clientName: '政府信息公开年度报告语言服务器',
  statusTooltip: (errors: number, warnings: number) =>
    `政府信息公开年度报告：${errors} 个错误，${warnings} 个警告。单击打开“问题”面板。`,
  statusTooltipClean: '政府信息公开年度报告：未发现问题。单击打开“问题”面板。',
  statusName: '政府信息公开年度报告问题',
  statusNotFully: '未完全核对',
  statusTooltipPartial: (detail: string) => `政府信息公开年度报告：未发现问题，但未完全核对：${detail}。单击打开“问题”面板。`,
  statusNotFullyLine: (detail: string) => `未完全核对：${detail}。`,
  noActiveEditor: '请先打开一份报告：当前没有活动的文本编辑器。',
  switchedTo: (name: string) => `已将 ${name} 作为政府信息公开年度报告检查。`,
  switchedAway: (name: string) => `${name} 已切换为纯文本；本次会话中不会再自动切换回来。`,
  notAReport: '当前文档不是政府信息公开年度报告。请先使用“切换为/取消 政府信息公开年度报告”。',
  nothingToFix: '这份报告没有可自动修复的问题。',
  fixApplied: '已应用自动修复。',
  fixFailed: (reason: string) => `无法应用修复：${reason}`,
  restarting: '正在重启政府信息公开年度报告语言服务器……',
  restarted: '政府信息公开年度报告语言服务器已重启。',
  restartFailed: (reason: string) => `无法重启语言服务器：${reason}`,
  startFailed: (reason: string) => `政府信息公开年度报告语言服务器启动失败：${reason}`,
  noWorkspace: '请先打开一个文件夹：没有可检查的工作区。',
  checkingWorkspace: '正在检查工作区中的政府信息公开年度报告',
  checkCancelled: '已取消工作区检查。',
  workspaceChecked: (reports: number, errors: number, warnings: number, notes: number) =>
    `检查了 ${reports} 份报告：${errors} 个错误，${warnings} 个警告，${notes} 个提示。详见“问题”面板。`,
  checkFailed: (reason: string) => `无法检查工作区：${reason}`,
};

/** The message table for a VS Code display language such as `en`, `zh-cn` or `zh-tw`. */
export function messagesFor(language: string | undefined): Messages {
  return (language ?? '').toLowerCase().startsWith('zh') ? zh : en;
}
