// The words of a new draft that the format prescribes beside its tables (国办公开办函〔2021〕30号):
// the title, the preamble with the statistical period, and a line of guidance under each prose
// section, which the drafter replaces with the report's own text.

import { t2ItemTitle } from './f2021.js';

export const DRAFT_TEXT = {
  title: (office: string, year: number) => `${office}${year}年政府信息公开工作年度报告`,
  preamble: (year: number) =>
    '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。' +
    `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
  itemTitle: (item: string) => t2ItemTitle(item).zh,
  guidance: {
    1: '（请在此概述本年度政府信息公开工作的总体情况，包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面。）',
    5: '（请在此如实说明本年度政府信息公开工作存在的主要问题，上一年度报告所列问题的改进情况，以及下一步的改进措施。）',
    6: '（请在此报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，以及本机关认为需要报告的其他事项。）',
  } as Record<number, string>,
};
