/** How the portal writes money, dates and lists, in one place for every page. */

export function formatMoney(yuan: number | null | undefined, lang: 'zh' | 'en', negotiable: string): string {
  if (yuan === null || yuan === undefined) return negotiable;
  if (lang === 'zh') return yuan >= 10000 ? `${(yuan / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元` : `${yuan.toLocaleString('zh-CN')} 元`;
  return `¥${yuan.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

export function formatDate(iso: string | null | undefined, lang: 'zh' | 'en'): string {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Asia/Shanghai' });
}

/** "钙钛矿, 光伏；叠层 电池" → ['钙钛矿','光伏','叠层','电池'] (Chinese and Latin separators). */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean))];
}
