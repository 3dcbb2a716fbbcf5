import { useEffect, useRef, useState } from 'react';
import type { ChartOption, EChartsType } from '../charts/echarts';
import { useI18n } from '../i18n';

export type { ChartOption };

/**
 * One ECharts chart. The library is fetched the first time a chart mounts (a separate chunk), then reused;
 * the chart follows its container's width and re-renders when `option` changes. `summary` is the text alternative.
 */
export function Chart({ option, height = 320, label, summary, testId }: { option: ChartOption; height?: number; label: string; summary?: string; testId?: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const applied = useRef('');
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    import('../charts/echarts')
      .then(({ init }) => {
        if (disposed || !box.current) return;
        chart.current = init(box.current, undefined, { renderer: 'svg' });
        applied.current = JSON.stringify(option);
        chart.current.setOption(option);
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(box.current);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes are applied by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Pages rebuild options on every render: redraw only when the content changed.
  useEffect(() => {
    const json = JSON.stringify(option);
    if (!chart.current || json === applied.current) return;
    applied.current = json;
    chart.current.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <figure className="chart" data-testid={testId}>
      <div ref={box} className="chart__canvas" style={{ height }} role="img" aria-label={summary ? `${label}${t('common.colon')}${summary}` : label} />
      {failed && <p className="notice notice--error">{t('charts.failed')}</p>}
    </figure>
  );
}
