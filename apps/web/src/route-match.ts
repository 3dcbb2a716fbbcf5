/** Match "/achievements/:id" against a path; returns the params or null. Trailing slashes are ignored. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const a = path.split('/').filter(Boolean);
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      try {
        params[p[i].slice(1)] = decodeURIComponent(a[i]);
      } catch {
        return null; // a malformed escape is no match, not a crash
      }
    } else if (p[i] !== a[i]) return null;
  }
  return params;
}

/** "<em>钙钛矿</em>电池" → [{text:'钙钛矿',mark:true},{text:'电池',mark:false}]: highlights rendered as text, never as HTML. */
export function splitHighlight(s: string): Array<{ text: string; mark: boolean }> {
  const out: Array<{ text: string; mark: boolean }> = [];
  const re = /<em>(.*?)<\/em>/gs;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push({ text: s.slice(last, m.index), mark: false });
    if (m[1]) out.push({ text: m[1], mark: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), mark: false });
  return out;
}
