import type { LocalizedText } from '@techbridge/platform';

/**
 * What the audit log's codes mean to a reader: the log keeps the stable codes (what tools filter on), the screen and
 * the export show these labels beside them. A code without a label reads as itself rather than hiding the entry.
 */
const ACTIONS: Record<string, LocalizedText> = {
  'sign-up': { zh: '注册', en: 'Signed up' },
  'sign-in': { zh: '登录', en: 'Signed in' },
  'sign-out': { zh: '退出登录', en: 'Signed out' },
  'sign-in-failed': { zh: '登录失败', en: 'Failed sign-in' },
  'sign-in-refused': { zh: '登录被拒（密码过期）', en: 'Sign-in refused (password expired)' },
  'change-password-failed': { zh: '修改密码失败', en: 'Failed password change' },
  'verify-organisation': { zh: '机构核验通过', en: 'Verified an organisation' },
  'reject-organisation': { zh: '机构核验未通过', en: 'Rejected an organisation' },
  'achievement.submit': { zh: '提交成果审核', en: 'Submitted an achievement' },
  'achievement.resubmit': { zh: '重新提交成果', en: 'Resubmitted an achievement' },
  'achievement.approve': { zh: '成果审核通过', en: 'Approved an achievement' },
  'achievement.return': { zh: '成果退回修改', en: 'Returned an achievement' },
  'achievement.withdraw': { zh: '撤回成果', en: 'Withdrew an achievement' },
  'achievement.mark-transferred': { zh: '成果标记为已转化', en: 'Marked an achievement transferred' },
  'password-change': { zh: '修改密码', en: 'Changed password' },
  'accept-invitation': { zh: '接受邀请', en: 'Accepted an invitation' },
  'invite-member': { zh: '邀请成员', en: 'Invited a member' },
  'change-roles': { zh: '调整角色', en: 'Changed roles' },
  'create-platform-admin': { zh: '创建平台管理员', en: 'Created the platform administrator' },
  'account.deletion': { zh: '注销账号（个人信息已删除）', en: 'Deleted the account (personal data erased)' },
  verify: { zh: '核验机构', en: 'Verified an organisation' },
  approve: { zh: '审核通过', en: 'Approved' },
  publish: { zh: '发布', en: 'Published' },
  'privileged-request': { zh: '管理操作', en: 'Administrative request' },
  'audit-log.export': { zh: '导出审计日志', en: 'Exported the audit log' },
  'achievement.create': { zh: '登记成果', en: 'Registered an achievement' },
  'achievement.update': { zh: '修改成果', en: 'Edited an achievement' },
  'achievement.attachment.add': { zh: '上传成果附件', en: 'Added an attachment' },
  'achievement.attachment.remove': { zh: '删除成果附件', en: 'Removed an attachment' },
  'demand.create': { zh: '登记需求', en: 'Registered a demand' },
  'demand.update': { zh: '修改需求', en: 'Edited a demand' },
  'demand.publish': { zh: '发布需求', en: 'Published a demand' },
  'demand.close': { zh: '关闭需求', en: 'Closed a demand' },
  'demand.reopen': { zh: '重新开放需求', en: 'Reopened a demand' },
  'demand.solve': { zh: '需求已解决', en: 'Marked a demand solved' },
  'demand.expire': { zh: '需求到期', en: 'Demand expired' },
  'demand.assign-broker': { zh: '指派经纪人', en: 'Assigned a broker' },
  'proposal.submit': { zh: '提交揭榜方案', en: 'Submitted a proposal' },
  'proposal.withdraw': { zh: '撤回揭榜方案', en: 'Withdrew a proposal' },
  'create-contract': { zh: '创建技术合同', en: 'Created a contract' },
  'update-contract': { zh: '修改技术合同', en: 'Edited a contract' },
  'set-holiday': { zh: '设置节假日', en: 'Set a holiday' },
  'remove-holiday': { zh: '删除节假日', en: 'Removed a holiday' },
  'set-broker-profile': { zh: '设置经纪人档案', en: 'Set a broker profile' },
  'set-registration-institution-profile': { zh: '设置登记机构档案', en: 'Set a registration institution profile' },
  'set-transfer-institution-profile': { zh: '设置转移机构档案', en: 'Set a transfer institution profile' },
  'update-park-key-industries': { zh: '调整园区主导产业', en: 'Changed a park’s key industries' },
  'monitoring.quarter.open': { zh: '开放季度填报', en: 'Opened a reporting quarter' },
  'monitoring.quarter.publish': { zh: '发布季度数据', en: 'Published a quarter' },
  'monitoring.figure.correct': { zh: '更正已发布数据', en: 'Corrected a published figure' },
  'monitoring.index.compute': { zh: '计算创新指数', en: 'Computed the innovation index' },
  'monitoring.index.weights': { zh: '调整指数权重', en: 'Changed the index weights' },
  'thesaurus.create': { zh: '新增同义词', en: 'Added a thesaurus entry' },
  'thesaurus.update': { zh: '修改同义词', en: 'Edited a thesaurus entry' },
  'thesaurus.delete': { zh: '删除同义词', en: 'Deleted a thesaurus entry' },
  'content.create': { zh: '撰写政策资讯', en: 'Wrote an article' },
  'content.update': { zh: '修改政策资讯', en: 'Edited an article' },
  'content.publish': { zh: '发布政策资讯', en: 'Published an article' },
  'content.archive': { zh: '归档政策资讯', en: 'Archived an article' },
  'content.restore': { zh: '恢复政策资讯为草稿', en: 'Restored an article to draft' },
  'content.attachment.add': { zh: '上传政策资讯附件', en: 'Added an article attachment' },
  'content.attachment.remove': { zh: '删除政策资讯附件', en: 'Removed an article attachment' },
  'match-weights.activate': { zh: '启用匹配权重版本', en: 'Activated a matching weights version' },
  'create-broker-course': { zh: '新建经纪人培训课程', en: 'Created a broker course' },
  'log-training-hours': { zh: '登记培训学时', en: 'Logged training hours' },
  'record-broker-exam': { zh: '登记经纪人考试成绩', en: 'Recorded a broker exam result' },
  'issue-broker-certificate': { zh: '颁发技术经纪人证书', en: 'Issued a broker certificate' },
  'propose-major-project': { zh: '申报重大成果转化项目', en: 'Proposed a major transfer project' },
  'report-project-milestone': { zh: '报送项目里程碑', en: 'Reported a project milestone' },
  'resolve-project-objection': { zh: '处理项目公示异议', en: 'Decided a project notice objection' },
  'add-three-list-item': { zh: '新增三个清单事项', en: 'Added a three-lists item' },
  'monitoring.target.add': { zh: '新增规划目标', en: 'Added a plan target' },
  'propose-park-awards': { zh: '生成园区拟奖励名单', en: 'Proposed the park awards' },
  'confirm-park-awards': { zh: '审定并公布园区奖励', en: 'Confirmed and published the park awards' },
  'create-listing': { zh: '创建挂牌', en: 'Drafted a listing' },
  'listing-submit': { zh: '提交挂牌审核', en: 'Submitted a listing for review' },
  'listing-approve': { zh: '批准挂牌', en: 'Approved a listing' },
  'listing-return': { zh: '退回挂牌', en: 'Returned a listing' },
  'listing-withdraw': { zh: '撤回挂牌', en: 'Withdrew a listing' },
  'listing-break-off': { zh: '终止洽谈', en: 'Broke off a negotiation' },
  'decline-intent': { zh: '谢绝受让意向', en: 'Declined a buyer\'s intent' },
  'agree-deal': { zh: '达成交易', en: 'Agreed a deal' },
  'objection-sustain': { zh: '异议成立', en: 'Sustained an objection' },
  'objection-dismiss': { zh: '异议不成立', en: 'Dismissed an objection' },
  'announce-auction': { zh: '发布竞价拍卖', en: 'Announced an auction' },
  'confirm-deposit': { zh: '确认竞买保证金', en: 'Confirmed a bidder\'s deposit' },
  'create-contract-from-deal': { zh: '由交易生成合同草稿', en: 'Drafted a contract from a market deal' },
  'introduction-accept': { zh: '同意对接', en: 'Accepted an introduction' },
  'introduction-decline': { zh: '谢绝对接', en: 'Declined an introduction' },
};

const ENTITIES: Record<string, LocalizedText> = {
  account: { zh: '账号', en: 'Account' },
  user: { zh: '用户', en: 'User' },
  organisation: { zh: '机构', en: 'Organisation' },
  achievement: { zh: '科技成果', en: 'Achievement' },
  demand: { zh: '技术需求', en: 'Demand' },
  proposal: { zh: '揭榜方案', en: 'Proposal' },
  'technology-contract': { zh: '技术合同', en: 'Technology contract' },
  holiday: { zh: '节假日', en: 'Holiday' },
  park: { zh: '园区', en: 'Park' },
  route: { zh: '接口', en: 'API route' },
  'audit-log': { zh: '审计日志', en: 'Audit log' },
  'monitoring-entry': { zh: '园区填报', en: 'Park entry' },
  'monitoring-quarter': { zh: '监测季度', en: 'Reporting quarter' },
  'monitoring-index-run': { zh: '创新指数计算', en: 'Index computation' },
  'monitoring-index-weights': { zh: '指数权重', en: 'Index weights' },
  thesaurus_entry: { zh: '同义词', en: 'Thesaurus entry' },
  match_weights: { zh: '匹配权重版本', en: 'Matching weights version' },
  'content-article': { zh: '政策资讯', en: 'Policy or news article' },
  'broker-course': { zh: '经纪人培训课程', en: 'Broker course' },
  'broker-enrolment': { zh: '培训报名', en: 'Broker enrolment' },
  'broker-certificate': { zh: '技术经纪人证书', en: 'Broker certificate' },
  'major-project': { zh: '重大成果转化项目', en: 'Major transfer project' },
  'park-list-item': { zh: '园区三个清单事项', en: 'Park three-lists item' },
  'monitoring-target': { zh: '规划目标', en: 'Plan target' },
  'park-awards': { zh: '园区年度奖励', en: 'Park awards of a year' },
};

/**
 * Lifecycle steps recorded as `<step>-<object>` (certificates, major projects, three-list items): labelled from the
 * step and the object, so a new step of a known lifecycle is labelled without another entry here.
 */
const STEP_OBJECTS: Record<string, LocalizedText> = {
  'broker-certificate': { zh: '技术经纪人证书', en: 'a broker certificate' },
  'major-project': { zh: '重大成果转化项目', en: 'a major transfer project' },
  'three-list-item': { zh: '三个清单事项', en: 'a three-lists item' },
};
const STEPS: Record<string, LocalizedText> = {
  renew: { zh: '续期', en: 'Renewed' },
  suspend: { zh: '暂停', en: 'Suspended' },
  reinstate: { zh: '恢复', en: 'Reinstated' },
  revoke: { zh: '撤销', en: 'Revoked' },
  shortlist: { zh: '入围', en: 'Shortlisted' },
  'start-notice': { zh: '公示', en: 'Put on public notice' },
  approve: { zh: '批准', en: 'Approved' },
  'pass-mid-term': { zh: '中期检查通过', en: 'Passed the mid-term check of' },
  'fail-mid-term': { zh: '中期检查未通过', en: 'Failed the mid-term check of' },
  accept: { zh: '验收', en: 'Accepted' },
  terminate: { zh: '终止', en: 'Terminated' },
  reject: { zh: '驳回', en: 'Rejected' },
  start: { zh: '开始', en: 'Started' },
  complete: { zh: '完成', en: 'Completed' },
  drop: { zh: '放弃', en: 'Dropped' },
  update: { zh: '更新', en: 'Updated' },
  'market-listing': { zh: '挂牌项目', en: 'Market listing' },
  'market-intent': { zh: '受让意向', en: 'Buyer\'s intent' },
  'market-objection': { zh: '公示异议', en: 'Notice objection' },
  'market-auction': { zh: '竞价拍卖', en: 'Auction' },
  'market-bidder': { zh: '竞买登记', en: 'Bidder registration' },
  'market-introduction': { zh: '对接请求', en: 'Introduction request' },
};

export function auditActionLabel(action: string): LocalizedText {
  const known = ACTIONS[action];
  if (known) return known;
  for (const [object, o] of Object.entries(STEP_OBJECTS)) {
    const step = action.endsWith(`-${object}`) ? STEPS[action.slice(0, -object.length - 1)] : undefined;
    if (step) return { zh: `${step.zh}${o.zh}`, en: `${step.en} ${o.en}` };
  }
  return { zh: action, en: action };
}

export function auditEntityLabel(entityType: string): LocalizedText {
  return ENTITIES[entityType] ?? { zh: entityType, en: entityType };
}
