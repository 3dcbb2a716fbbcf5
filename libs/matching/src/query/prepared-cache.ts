import { MatchText } from './match-query';
import { PreparedText, prepareText } from './relevance';

/**
 * Prepared candidate texts by id and version (a new version of a listing is a new key, so an edit is never read
 * stale), least recently used dropped beyond `capacity`. Ranking a pool then costs the query's work only: the
 * normalisation, bigram counts and segmentation of a candidate are done once per version, not once per query.
 */
export class PreparedTextCache {
  private readonly entries = new Map<string, PreparedText>();

  constructor(private readonly capacity = 4000) {}

  get(id: string, version: number, text: () => MatchText): PreparedText {
    const key = `${id}:${version}`;
    let hit = this.entries.get(key);
    if (hit) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
    } else {
      hit = prepareText(text());
    }
    this.entries.set(key, hit);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return hit;
  }

  get size(): number {
    return this.entries.size;
  }
}
