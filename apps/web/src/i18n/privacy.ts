import { defineMessages } from './define';

/** 个人信息保护法: the person's own data — download, consents, deletion. */
export default defineMessages({
  zh: {
    'privacy.link': '个人信息',
    'privacy.title': '我的个人信息',
    'privacy.intro': '依照《个人信息保护法》，您可以随时下载平台保存的您的个人信息，或申请注销账号。',
    'privacy.download.title': '下载个人信息',
    'privacy.download.text': '一个 JSON 文件：账号、所属机构、同意的协议版本、登录记录（含地址）、会话、通知、收藏和保存的检索。',
    'privacy.download.button': '下载个人信息',
    'privacy.agreements.title': '我同意的协议',
    'privacy.agreements.item': '{document}（版本 {version}），同意于 {at}',
    'privacy.delete.title': '注销账号',
    'privacy.delete.text': '注销后您的姓名、邮箱、通知、收藏和保存的检索将被删除，所有登录立即失效，无法再登录。您为机构录入的成果、需求、合同等业务记录仍归机构所有。协议同意记录和审计日志按规定期限保存后删除。',
    'privacy.delete.password': '当前密码',
    'privacy.delete.confirm': '我了解注销后无法恢复',
    'privacy.delete.button': '注销账号',
    'privacy.deleted': '账号已注销。感谢您使用本平台。',
  },
  en: {
    'privacy.link': 'Personal data',
    'privacy.title': 'My personal data',
    'privacy.intro': 'Under the Personal Information Protection Law you may download the personal data the platform holds about you, or have your account deleted, at any time.',
    'privacy.download.title': 'Download my data',
    'privacy.download.text': 'One JSON file: account, organisation, accepted agreement versions, sign-in history (with addresses), sessions, notifications, favourites and saved searches.',
    'privacy.download.button': 'Download my data',
    'privacy.agreements.title': 'Agreements I accepted',
    'privacy.agreements.item': '{document} (version {version}), accepted {at}',
    'privacy.delete.title': 'Delete my account',
    'privacy.delete.text': 'Deleting erases your name, e-mail, notifications, favourites and saved searches, ends every session at once and stops sign-in. Achievements, demands, contracts and other records you entered for your organisation stay with it. Proof of consent and the audit log are kept for their legal periods, then deleted.',
    'privacy.delete.password': 'Current password',
    'privacy.delete.confirm': 'I understand this cannot be undone',
    'privacy.delete.button': 'Delete my account',
    'privacy.deleted': 'Your account has been deleted. Thank you for using the platform.',
  },
});
