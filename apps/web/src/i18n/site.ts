import { defineMessages } from './define';

/** The site footer, the user agreement and privacy policy pages, and their acceptance at sign-up. */
export default defineMessages({
  zh: {
    'site.hostOrganisation': '主办单位：{name}',
    'site.contact': '联系方式：{contact}',
    'site.icpLabel': 'ICP备案号',
    'site.legal': '法律文件',
    'site.policies': '政策资讯',
    'legal.version': '版本：{version}',
    'legal.notFound': '没有这份文件。',
    'agreements.accept': '我已阅读并同意',
    'agreements.and': '和',
    'agreements.required': '请阅读并同意《用户服务协议》和《隐私政策》',
  },
  en: {
    'site.hostOrganisation': 'Host organisation: {name}',
    'site.contact': 'Contact: {contact}',
    'site.icpLabel': 'ICP filing number',
    'site.legal': 'Legal',
    'site.policies': 'Policies and news',
    'legal.version': 'Version {version}',
    'legal.notFound': 'There is no such document.',
    'agreements.accept': 'I have read and accept the',
    'agreements.and': 'and the',
    'agreements.required': 'Read and accept the user agreement and the privacy policy',
  },
});
