import { KeyboardEvent, useRef } from 'react';

/**
 * WAI-ARIA tabs: one tab in the Tab order, arrows/Home/End move between tabs and select them.
 * `panelId` is the element the tabs control.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, panelId }: { label: string; tabs: Array<{ key: K; label: string }>; selected: K; onSelect: (k: K) => void; panelId?: string }) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const last = tabs.length - 1;
    const next = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1) : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next].key);
    refs.current[next]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, i) => (
        <button
          key={tab.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${tab.key}`}
          aria-selected={selected === tab.key}
          aria-controls={panelId}
          tabIndex={selected === tab.key ? 0 : -1}
          className={`tab${selected === tab.key ? ' tab--active' : ''}`}
          onClick={() => onSelect(tab.key)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
