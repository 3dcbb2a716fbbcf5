/** How the portal writes money, dates and lists, in one place for every page. */

export type FormatLang = 'zh' | 'en';

export function formatMoney(yuan: number | null | undefined, lang: FormatLang, negotiable: string): string {
  if (yuan === null || yuan === undefined) return negotiable;
  if (lang === 'zh') {
    // Chinese reports count large sums in 亿元 and 万元, never a row of zeros.
    if (yuan >= 1e8) return `${(yuan / 1e8).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}亿元`;
    return yuan >= 10000 ? `${(yuan / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元` : `${yuan.toLocaleString('zh-CN')}元`;
  }
  if (yuan >= 1e9) return `¥${(yuan / 1e9).toLocaleString('en-US', { maximumFractionDigits: 2 })} billion`;
  if (yuan >= 1e6) return `¥${(yuan / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} million`;
  return `¥${yuan.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The wall-clock parts in Beijing (the zone the platform serves; China has no daylight saving, so a fixed offset is exact). */
function beijingParts(iso: string | number | Date): { y: number; m: number; d: number; hh: string; mm: string } | null {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return null;
  const b = new Date(t + BEIJING_OFFSET_MS);
  return { y: b.getUTCFullYear(), m: b.getUTCMonth() + 1, d: b.getUTCDate(), hh: String(b.getUTCHours()).padStart(2, '0'), mm: String(b.getUTCMinutes()).padStart(2, '0') };
}

/** One date format per language: 2026年12月7日 · 7 Dec 2026. */
export function formatDate(iso: string | number | Date | null | undefined, lang: FormatLang): string {
  if (iso === null || iso === undefined || iso === '') return '';
  // A bare calendar date (2026-12-07) is a day, not an instant: no time-zone shift.
  const p = typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? beijingParts(`${iso}T00:00:00+08:00`) : beijingParts(iso);
  if (!p) return '';
  return lang === 'zh' ? `${p.y}年${p.m}月${p.d}日` : `${p.d} ${MONTHS_EN[p.m - 1]} ${p.y}`;
}

/** A moment: 12月7日 14:30 (this year) or 2026年12月7日 14:30 · 7 Dec 14:30 or 7 Dec 2026, 14:30. */
export function formatDateTime(iso: string | number | Date | null | undefined, lang: FormatLang, now: Date = new Date()): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const p = beijingParts(iso);
  const n = beijingParts(now);
  if (!p || !n) return '';
  const sameYear = p.y === n.y;
  if (lang === 'zh') return `${sameYear ? '' : `${p.y}年`}${p.m}月${p.d}日 ${p.hh}:${p.mm}`;
  return `${p.d} ${MONTHS_EN[p.m - 1]}${sameYear ? '' : ` ${p.y},`} ${p.hh}:${p.mm}`;
}

/** Time of day in Beijing: 14:30. */
export function formatTime(iso: string | number | Date | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const p = beijingParts(iso);
  return p ? `${p.hh}:${p.mm}` : '';
}

/** Numbers with the language's grouping: 12,345. */
export function formatNumber(value: number | null | undefined, lang: FormatLang): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
}

/** "钙钛矿, 光伏；叠层 电池" → ['钙钛矿','光伏','叠层','电池'] (Chinese and Latin separators). */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean))];
}
