// Who marks a finding reviewed when `disclosureReport.reviewer` is not set, on Node only (the
// extension's Node entry passes it to activate.ts; in a browser there is no git and no OS user):
// `git config user.name` in the first workspace folder, else the operating system's user.
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';

let gitName: Promise<string> | undefined;

/** `git config user.name` in the first workspace folder ('' when git or the name is absent). */
function gitUserName(): Promise<string> {
  gitName ??= new Promise((resolve) => {
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? '' : String(stdout).trim()));
  });
  return gitName;
}

/** git's user.name, else the OS user ('' when neither is known). */
export async function nodeReviewerName(): Promise<string> {
  const git = await gitUserName();
  if (git) return git;
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
