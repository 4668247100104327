// Reports for prose-copied (issue 18 item 3): the composed report of an office with its own prose
// (topic sentences after the published reports' wording) before section 二, and a second office's
// prose, so that a test can make one office copy another's.
import { complete, composeReport } from './compose.mjs';

/** Prose an office wrote (after the real reports' wording). */
export const OWN = [
  '一是围绕优化营商环境，集中公开涉企政策文件和办事指南，同步推出图文解读和问答解读。',
  '二是完善政府信息公开目录，对历年发布的规范性文件逐件核对有效性并标注状态。',
  '三是规范依申请公开办理流程，建立登记、审核、答复、归档全流程台账，确保按期答复。',
  '四是加强政务新媒体管理，对账号开设、内容发布和互动回应实行统一审核。',
  '五是组织全系统政务公开业务培训两次，邀请律师讲解答复文书的常见问题。',
  '六是开展政府开放日活动，邀请企业代表和群众走进机关，面对面听取意见建议。',
];

/** Another office's own prose. */
export const OTHER = [
  '全年围绕乡村振兴重点工作，公开惠农补贴发放明细，接受群众监督。',
  '在村务公开栏同步张贴重要政策，方便不上网的群众了解政策内容。',
  '针对群众关心的征地补偿问题，召开政策说明会三场并公开答复要点。',
  '建立信息公开保密审查台账，做到先审查、后公开，一事一审、全程留痕。',
  '聘请政务公开监督员十名，定期收集对公开内容和形式的意见。',
  '结合年度考核，对各站所信息报送的及时性和准确性进行通报。',
];

/**
 * A complete, consistent report of `office` for `year` with `prose` before section 二. Two offices
 * given OWN share 7 of their 9 counted sentences (the six and the composer's own closing one).
 */
export function proseReport(office: string, year: number, prose: readonly string[]): string {
  const text = composeReport({ office, year, cells: complete({}) });
  return text.replace('二、主动公开政府信息情况', prose.join('') + '\n二、主动公开政府信息情况');
}
