import { NewNotification } from '@techbridge/notification';
import { TechnologyContract } from './entities/technology-contract.entity';

type ContractRef = Pick<TechnologyContract, 'id' | 'title'>;
const link = (c: ContractRef) => `/contracts/${c.id}`;

/** Every notice of the registration workflow, zh first, with its kind and dedupe key (a retried job stores it once). */
export const ContractNotices = {
  checksFailed: (c: ContractRef & { sellerOrgId: string }, submission: number): NewNotification => ({
    orgId: c.sellerOrgId,
    kind: 'contract.returned',
    title: { zh: `技术合同「${c.title}」未通过形式审查，已退回`, en: `Contract '${c.title}' failed the automatic checks and was returned` },
    link: link(c),
    dedupeKey: `contract:${c.id}:checks-failed:${submission}`,
  }),

  toReview: (c: ContractRef, institutionId: string, submission: number, deadlineDate: string): NewNotification => ({
    orgId: institutionId,
    kind: 'contract.to-review',
    title: { zh: `待认定登记：${c.title}`, en: `Contract to review: ${c.title}` },
    body: { zh: `请于 ${deadlineDate} 前作出决定`, en: `Decide by ${deadlineDate}` },
    link: link(c),
    dedupeKey: `contract:${c.id}:to-review:${submission}`,
  }),

  registered: (c: ContractRef & { sellerOrgId: string }, number: string): NewNotification => ({
    orgId: c.sellerOrgId,
    kind: 'contract.registered',
    title: { zh: `技术合同「${c.title}」已登记，登记编号 ${number}`, en: `Contract '${c.title}' registered as ${number}` },
    link: link(c),
    dedupeKey: `contract:${c.id}:registered`,
  }),

  returned: (c: ContractRef & { sellerOrgId: string; submissionCount: number }): NewNotification => ({
    orgId: c.sellerOrgId,
    kind: 'contract.returned',
    title: { zh: `技术合同「${c.title}」被退回补正`, en: `Contract '${c.title}' was returned for correction` },
    link: link(c),
    dedupeKey: `contract:${c.id}:returned:${c.submissionCount}`,
  }),

  refused: (c: ContractRef & { sellerOrgId: string }): NewNotification => ({
    orgId: c.sellerOrgId,
    kind: 'contract.refused',
    title: { zh: `技术合同「${c.title}」不予登记`, en: `Contract '${c.title}' was refused registration` },
    link: link(c),
    dedupeKey: `contract:${c.id}:refused`,
  }),

  deadlineReminder: (c: ContractRef & { deadlineAt: Date | null }, institutionId: string, submission: number): NewNotification => ({
    orgId: institutionId,
    kind: 'contract.deadline-reminder',
    title: { zh: `认定登记即将到期：${c.title}`, en: `Registration decision due soon: ${c.title}` },
    body: { zh: `决定期限 ${c.deadlineAt?.toISOString()}`, en: `Deadline ${c.deadlineAt?.toISOString()}` },
    link: link(c),
    dedupeKey: `contract:${c.id}:remind:${submission}`,
  }),

  /** To the institution and to each platform administrator. */
  deadlineEscalation: (c: ContractRef, institutionId: string, adminUserIds: string[], submission: number): NewNotification[] => {
    const title = { zh: `认定登记已超期：${c.title}`, en: `Registration decision overdue: ${c.title}` };
    return [
      { orgId: institutionId, kind: 'contract.deadline-escalation', title, link: link(c), dedupeKey: `contract:${c.id}:escalate:${submission}:inst` },
      ...adminUserIds.map((id) => ({ userId: id, kind: 'contract.deadline-escalation', title, link: link(c), dedupeKey: `contract:${c.id}:escalate:${submission}:${id}` })),
    ];
  },
};
