import { DependencyList, useCallback, useEffect, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Load on mount and whenever deps change; a stale response never overwrites a newer one. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    run().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [run, tick]);
  return { ...state, reload: () => setTick((x) => x + 1) };
}

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
