import { defineMessages } from './define';

/** The expert directory (专家库). */
export default defineMessages({
  zh: {
    'experts.title': '专家库',
    'experts.lead': '由已核验的高校、科研院所和技术转移机构登记的专家，按领域查找；通过平台提交联系申请，由专家所在机构安排对接，平台不公开个人联系方式。',
    'experts.field': '领域',
    'experts.allFields': '全部领域',
    'experts.empty': '该领域暂无登记的专家。',
    'experts.contact': '联系专家',
    'experts.contactLead': '请说明希望交流的问题，申请将发送给专家所在机构。',
    'experts.signIn': '登录后可提交联系申请。',
    'experts.message': '交流事项',
    'experts.send': '提交联系申请',
    'experts.sent': '联系申请已发送给{org}，对方将通过平台与您联系。',
  },
  en: {
    'experts.title': 'Experts',
    'experts.lead': 'Experts registered by verified universities, institutes and transfer institutions, by field. Ask for contact through the platform: the expert’s organisation arranges it; no personal contact data is published.',
    'experts.field': 'Field',
    'experts.allFields': 'All fields',
    'experts.empty': 'No expert registered in this field yet.',
    'experts.contact': 'Contact the expert',
    'experts.contactLead': 'Say what you would like to discuss; the request goes to the expert’s organisation.',
    'experts.signIn': 'Sign in to send a contact request.',
    'experts.message': 'What you would like to discuss',
    'experts.send': 'Send the request',
    'experts.sent': 'Your request went to {org}, who will reply through the platform.',
  },
});
