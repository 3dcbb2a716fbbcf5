/** zh-CN is the default; English when the client prefers it. */
export function preferredLanguage(acceptLanguage: string | string[] | undefined): 'zh' | 'en' {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
