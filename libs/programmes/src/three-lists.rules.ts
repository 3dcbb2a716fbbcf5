import { StateMachine } from '@techbridge/platform';

export type ListKind = 'docking' | 'measure' | 'landing';
export const LIST_KINDS: ListKind[] = ['docking', 'measure', 'landing'];
export type ListItemStatus = 'planned' | 'in-progress' | 'done' | 'dropped';
export const LIST_ITEM_STATUSES: ListItemStatus[] = ['planned', 'in-progress', 'done', 'dropped'];
export type ListItemAction = 'start' | 'complete' | 'drop' | 'update';

/** planned → in progress → done, or dropped before it is done; a quarterly update keeps the state. */
export const LIST_ITEM_LIFECYCLE = new StateMachine<ListItemStatus, ListItemAction>('three-list item', {
  start: { from: ['planned'], to: 'in-progress' },
  complete: { from: ['in-progress'], to: 'done' },
  drop: { from: ['planned', 'in-progress'], to: 'dropped' },
  update: { from: ['in-progress'], to: 'in-progress' },
});

export interface CompletionItem {
  kind: ListKind;
  status: ListItemStatus;
  /** Landing items: linked to a registered contract or an accepted project of the park. */
  linked: boolean;
}

/** Whether a done item counts: a landed deal only with its proof. */
export function counts(i: CompletionItem): boolean {
  return i.status === 'done' && (i.kind !== 'landing' || i.linked);
}

export interface KindCompletion {
  kind: ListKind;
  planned: number;
  done: number;
  counted: number;
  /** counted / planned (dropped items are out of the plan); null with nothing planned. */
  ratio: number | null;
}

/** Completion of a park's three lists for a year, per list and overall (the indicator fed to monitoring). */
export function completion(items: CompletionItem[]): { lists: KindCompletion[]; overall: number | null } {
  const lists = LIST_KINDS.map((kind) => {
    const mine = items.filter((i) => i.kind === kind && i.status !== 'dropped');
    const counted = mine.filter(counts).length;
    return { kind, planned: mine.length, done: mine.filter((i) => i.status === 'done').length, counted, ratio: mine.length ? round(counted / mine.length) : null };
  });
  const planned = lists.reduce((n, l) => n + l.planned, 0);
  return { lists, overall: planned ? round(lists.reduce((n, l) => n + l.counted, 0) / planned) : null };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
