/** A notification as an e-mail in the reader's language: plain text first, the same content as simple HTML. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailContent {
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string | null;
}

const FOOTER = {
  zh: '您收到这封邮件，是因为您在平台上开启了此类通知的邮件提醒。可在“设置 → 邮件通知”中关闭。',
  en: 'You receive this e-mail because e-mail is on for this kind of notification. Turn it off under Settings → E-mail notifications.',
};

export function renderNotificationEmail(n: EmailContent, language: 'zh' | 'en', publicUrl?: string): RenderedEmail {
  const title = n.title[language] || n.title.zh;
  const body = n.body[language] || n.body.zh;
  // Links are portal paths; without a public address an e-mail cannot point anywhere useful, so it carries none.
  const url = n.link && publicUrl && n.link.startsWith('/') ? publicUrl.replace(/\/+$/, '') + n.link : null;
  const open = language === 'zh' ? '查看详情' : 'Open';
  const subject = (language === 'zh' ? '【科技成果转化平台】' : '[TechBridge] ') + title;
  const text = [title, body, url ? `${open}: ${url}` : '', '--', FOOTER[language]].filter((l) => l !== '').join('\n\n');
  const html = [
    `<h2>${escapeHtml(title)}</h2>`,
    body ? `<p>${escapeHtml(body).replace(/\n/g, '<br>')}</p>` : '',
    url ? `<p><a href="${escapeHtml(url)}">${open}</a></p>` : '',
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(FOOTER[language])}</p>`,
  ].join('');
  return { subject: subject.replace(/[\r\n]+/g, ' '), text, html };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
