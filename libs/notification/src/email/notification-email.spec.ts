import { renderNotificationEmail } from './notification-email';

const n = { title: { zh: '新的匹配成果', en: 'New matching achievement' }, body: { zh: '光伏<清洗>机器人', en: 'PV cleaning robot' }, link: '/achievements/1' };

describe('renderNotificationEmail', () => {
  it('writes in the reader language with an absolute link when the public address is known', () => {
    const zh = renderNotificationEmail(n, 'zh', 'https://kjdsc.example.cn/');
    expect(zh.subject).toBe('【科技成果转化平台】新的匹配成果');
    expect(zh.text).toContain('https://kjdsc.example.cn/achievements/1');
    expect(zh.html).toContain('光伏&lt;清洗&gt;机器人');
    const en = renderNotificationEmail(n, 'en', 'https://kjdsc.example.cn');
    expect(en.subject).toBe('[TechBridge] New matching achievement');
    expect(en.text).toContain('PV cleaning robot');
  });

  it('carries no link without a public address, and no line break in the subject', () => {
    const mail = renderNotificationEmail({ ...n, title: { zh: '标题\r\nBcc: x@y', en: 'x' } }, 'zh');
    expect(mail.text).not.toContain('/achievements/1');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});
