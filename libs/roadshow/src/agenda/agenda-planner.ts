import { Interval, overlaps } from '../event-calendar';

export interface AgendaPresentation {
  id: string;
  presenterId: string;
  industry: string;
  /** Earlier first within a theme (e.g. acceptance time); ties by id. */
  order: number;
}

export interface AgendaInput {
  presentations: AgendaPresentation[];
  /** Opening periods, sorted. */
  days: Interval[];
  rooms: number;
  presentationMinutes: number;
  /** Presentations per session before a theme is split into another session. */
  maxPerSession: number;
}

export interface PlannedSession {
  theme: string;
  room: number;
  startsAt: Date;
  endsAt: Date;
  items: Array<{ presentationId: string; presenterId: string; startsAt: Date; endsAt: Date }>;
}

export interface AgendaPlan {
  sessions: PlannedSession[];
  /** Presentations that did not fit in the opening hours. */
  unplaced: string[];
}

/**
 * Group accepted presentations into theme sessions and place the sessions into time blocks and rooms.
 * A presenter is never in two parallel sessions: a session goes to the earliest block where none of its
 * presenters is already presenting in another room. Larger themes are placed first so they get the prime blocks.
 */
export function planAgenda(input: AgendaInput): AgendaPlan {
  const per = Math.max(1, input.maxPerSession);
  const minutes = input.presentationMinutes * 60_000;
  const byTheme = new Map<string, AgendaPresentation[]>();
  for (const p of [...input.presentations].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))) {
    (byTheme.get(p.industry) ?? byTheme.set(p.industry, []).get(p.industry)!).push(p);
  }
  const themes = [...byTheme.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const chunks: Array<{ theme: string; items: AgendaPresentation[] }> = [];
  for (const [theme, list] of themes) {
    // Balanced split: 7 presentations at 6 per session become 4 + 3, not 6 + 1.
    const count = Math.ceil(list.length / per);
    const size = Math.ceil(list.length / count);
    for (let i = 0; i < list.length; i += size) chunks.push({ theme, items: list.slice(i, i + size) });
  }

  // Blocks: each day split into consecutive session-length blocks; each block has `rooms` rooms.
  const blockLen = per * minutes;
  const blocks: Interval[] = [];
  for (const day of input.days) {
    for (let t = day.startsAt.getTime(); t + minutes <= day.endsAt.getTime(); t += blockLen) {
      blocks.push({ startsAt: new Date(t), endsAt: new Date(Math.min(t + blockLen, day.endsAt.getTime())) });
    }
  }
  const occupancy: Array<Array<{ presenters: Set<string> } | null>> = blocks.map(() => Array.from({ length: input.rooms }, () => null));
  const sessions: PlannedSession[] = [];
  const unplaced: string[] = [];
  for (const chunk of chunks) {
    const presenters = new Set(chunk.items.map((p) => p.presenterId));
    const needed = chunk.items.length * minutes;
    let placed = false;
    for (let b = 0; b < blocks.length && !placed; b++) {
      const block = blocks[b];
      if (block.endsAt.getTime() - block.startsAt.getTime() < needed) continue;
      const rooms = occupancy[b];
      const clash = rooms.some((r) => r && [...presenters].some((p) => r.presenters.has(p)));
      if (clash) continue;
      const room = rooms.findIndex((r) => r === null);
      if (room < 0) continue;
      rooms[room] = { presenters };
      const start = block.startsAt.getTime();
      sessions.push({
        theme: chunk.theme,
        room,
        startsAt: new Date(start),
        endsAt: new Date(start + needed),
        items: chunk.items.map((p, k) => ({
          presentationId: p.id,
          presenterId: p.presenterId,
          startsAt: new Date(start + k * minutes),
          endsAt: new Date(start + (k + 1) * minutes),
        })),
      });
      placed = true;
    }
    if (!placed) unplaced.push(...chunk.items.map((p) => p.id));
  }
  sessions.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.room - b.room);
  return { sessions, unplaced };
}

/** True if some presenter appears in two sessions that overlap in time (the invariant the planner keeps). */
export function hasParallelPresenter(sessions: PlannedSession[]): boolean {
  for (let i = 0; i < sessions.length; i++) {
    for (let j = i + 1; j < sessions.length; j++) {
      if (!overlaps(sessions[i], sessions[j])) continue;
      const a = new Set(sessions[i].items.map((x) => x.presenterId));
      if (sessions[j].items.some((x) => a.has(x.presenterId))) return true;
    }
  }
  return false;
}
