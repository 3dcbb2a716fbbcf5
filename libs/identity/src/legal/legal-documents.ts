/**
 * The user agreement and privacy policy as the platform publishes them. A change of text is a new version: sign-up
 * records which version each user accepted, and refuses an acceptance of any other (a stale form).
 */
export const LEGAL_DOCUMENTS = ['user-agreement', 'privacy-policy'] as const;
export type LegalDocumentKind = (typeof LEGAL_DOCUMENTS)[number];

export interface LegalDocument {
  document: LegalDocumentKind;
  version: string;
  title: { zh: string; en: string };
  /** Paragraphs, plain text. */
  body: { zh: string[]; en: string[] };
}

export const CURRENT_LEGAL_DOCUMENTS: Record<LegalDocumentKind, LegalDocument> = {
  'user-agreement': {
    document: 'user-agreement',
    version: '2026-12-01',
    title: { zh: '用户服务协议', en: 'User agreement' },
    body: {
      zh: [
        '欢迎使用科技成果转化对接平台（以下简称“平台”）。注册即表示您代表所在单位同意本协议。',
        '一、账号与单位。您应以真实的单位名称、统一社会信用代码和联系人信息注册，并对账号下的全部操作负责。园区管理机构、技术转移机构和登记机构须经平台核验后方可行使相应职能。',
        '二、信息发布。您发布的科技成果、技术需求、路演及合同信息应真实、合法，不得侵犯他人知识产权或商业秘密；平台有权对不符合要求的信息退回或下架。',
        '三、对接与交易。平台提供信息发布、匹配推荐和活动组织服务，不作为技术交易的当事方；各方应自行核实对方资质并依法签订技术合同。',
        '四、通知。平台通过站内通知和（如您开启）电子邮件向您发送匹配推荐、订阅提醒和业务通知，您可在“设置”中调整。',
        '五、协议变更。协议更新时平台将公布新版本，继续使用前需重新确认。',
      ],
      en: [
        'Welcome to the technology transfer platform ("the platform"). By signing up you accept this agreement on behalf of your organisation.',
        '1. Accounts. Register with your organisation\'s true name, unified social credit code and contact person; you are responsible for everything done under your account. Park administrations, transfer institutions and registration institutions act in those capacities only once the platform has verified them.',
        '2. Listings. Achievements, demands, roadshows and contracts you publish must be true and lawful and must not infringe intellectual property or trade secrets; the platform may return or withdraw listings that do not comply.',
        '3. Dealings. The platform publishes, matches and organises events; it is not a party to any technology transaction. Parties verify each other and sign technology contracts as the law requires.',
        '4. Notices. The platform sends match suggestions, saved-search alerts and business notices in-app and, if you choose, by e-mail; change this under Settings.',
        '5. Changes. A new version of this agreement is published before it applies, and is accepted again before further use.',
      ],
    },
  },
  'privacy-policy': {
    document: 'privacy-policy',
    version: '2026-12-01',
    title: { zh: '隐私政策', en: 'Privacy policy' },
    body: {
      zh: [
        '平台依据《中华人民共和国个人信息保护法》处理您的个人信息。',
        '一、收集的信息：注册时的电子邮箱、姓名、单位信息；您发布的联系人信息；登录与操作日志（用于安全审计）。',
        '二、使用目的：提供账号、信息发布、匹配推荐、通知与邮件提醒、统计监测和安全审计，不用于与上述目的无关的用途。',
        '三、共享与公开：技术需求的联系人信息仅向登录用户展示；我们不向第三方出售个人信息。依法依规向主管部门报送统计数据时仅报送汇总数据。',
        '四、保存与安全：数据存储于境内服务器，采取访问控制、加密传输和审计日志等措施。',
        '五、您的权利：您可以查询、更正您的信息，关闭邮件通知，或联系平台注销账号。',
      ],
      en: [
        'The platform processes your personal information under the Personal Information Protection Law of the PRC.',
        '1. What we collect: your e-mail address, name and organisation at sign-up; contact details you publish; sign-in and activity logs (for security audit).',
        '2. Why: to run your account, listings, match suggestions, notices and e-mail alerts, monitoring statistics and security audit, and for nothing else.',
        '3. Sharing: contact details of demands are shown to signed-in users only; we sell no personal information. Statistics reported to the authorities are aggregates.',
        '4. Storage and security: data stays on servers in mainland China, with access control, encrypted transport and audit logs.',
        '5. Your rights: see and correct your information, turn e-mail notices off, or ask the platform to close your account.',
      ],
    },
  },
};

/** What a sign-up form sends when its reader accepts the current documents (tools, the demo, tests). */
export function acceptingCurrentAgreements(): { userAgreement: string; privacyPolicy: string } {
  return { userAgreement: CURRENT_LEGAL_DOCUMENTS['user-agreement'].version, privacyPolicy: CURRENT_LEGAL_DOCUMENTS['privacy-policy'].version };
}
