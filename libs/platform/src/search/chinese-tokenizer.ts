import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict as defaultDict } from '@node-rs/jieba/dict';

/** The zone's domain vocabulary (nine industries), shipped beside this file; the build copies `*.txt` assets into dist. */
export const DOMAIN_DICTIONARY_PATH = join(__dirname, 'dictionary', 'domain-dict.txt');

/** Frequency given to words added at runtime: high enough that jieba prefers them over a split into shorter words. */
const ADDED_WORD_FREQUENCY = 3000;

/** Function words that carry no meaning for retrieval; kept short on purpose (a long list hurts recall on titles). */
const CHINESE_STOP_WORDS = [
  '的', '了', '和', '与', '及', '或', '在', '是', '对', '等', '为', '由', '以', '将', '把', '被', '从', '其', '之',
  '这', '那', '也', '而', '并', '于', '就', '都', '及其', '以及', '或者', '一种', '一个', '我们', '通过', '进行',
];
const ENGLISH_STOP_WORDS = [
  'a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'for', 'to', 'with', 'by', 'at', 'from', 'is', 'are', 'was',
  'were', 'be', 'as', 'this', 'that', 'these', 'those', 'it', 'its', 'into', 'via',
];

// Han runs go to jieba; other letters/digits form words (a decimal such as 2.5 stays one word).
const SEGMENT_PATTERN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:\.\p{N}+)*)/gu;
const HAN_START = /^\p{Script=Han}/u;
/** A letter or digit of a Latin word (not Han): what may not touch a highlighted Latin word. */
const LATIN_CHAR = /^(?!\p{Script=Han})[\p{L}\p{N}]$/u;
const SURROGATE_OR_MARK = /[\uD800-\uDFFF]|\p{M}/u;
const ONLY_HAN = /^\p{Script=Han}+$/u;

/**
 * Short texts (keywords, organisation names, titles) repeat across documents: their segmentation is remembered, up to
 * this many entries (then forgotten at once), and forgotten whenever words are added.
 */
const SEGMENT_MEMO_MAX_CHARS = 48;
const SEGMENT_MEMO_ENTRIES = 50_000;

/** Dictionary words straddling two cut words are indexed from this length: shorter ones are mostly accidents. */
const CROSS_BOUNDARY_MIN_CHARS = 3;

interface TermSpan {
  term: string;
  start: number;
  end: number;
  /** A word as cut (or a Latin word), or a dictionary word found inside or across cut words. */
  part: boolean;
  /** End of the cut word this span ends in: a part belongs with the word it ends in (compounds are head-final). */
  anchor: number;
}

export interface HighlightTags {
  pre: string;
  post: string;
}

export interface ChineseTokenizerOptions {
  /** Domain dictionary in jieba format (`word freq [tag]` per line); defaults to the shipped one. */
  dictionaryPath?: string;
}

/**
 * Word segmentation for Chinese text mixed with Latin words, shared by indexing and querying so both see the same terms.
 * jieba runs without HMM: segmentation then depends only on the dictionaries, which keeps a word's split the same in a
 * document and in a query.
 */
export class ChineseTokenizer {
  private readonly jieba: Jieba;
  private readonly stopWords: ReadonlySet<string>;
  private readonly domainWords: string[] = [];
  private revisionCounter = 0;
  private readonly segmentMemo = new Map<string, string>();

  constructor(options: ChineseTokenizerOptions = {}) {
    this.jieba = Jieba.withDict(defaultDict);
    const domain = readFileSync(options.dictionaryPath ?? DOMAIN_DICTIONARY_PATH);
    this.jieba.loadDict(domain);
    for (const line of domain.toString('utf8').split('\n')) {
      const word = line.trim().split(/\s+/)[0];
      if (word) this.domainWords.push(word);
    }
    this.stopWords = new Set([...CHINESE_STOP_WORDS, ...ENGLISH_STOP_WORDS]);
  }

  /** Changes whenever words are added, so an index built with older segmentation knows to rebuild. */
  get revision(): number {
    return this.revisionCounter;
  }

  /**
   * Add words (e.g. the thesaurus) so they are segmented as single words from now on. Only all-Chinese words matter:
   * Latin and digits are split from Chinese before jieba runs, so a mixed word such as SCR脱硝 is already scr + 脱硝.
   */
  addWords(words: string[]): void {
    const fresh = words.map((w) => this.normalize(w).trim()).filter((w) => ONLY_HAN.test(w));
    if (fresh.length === 0) return;
    this.jieba.loadDict(Buffer.from(fresh.map((w) => `${w} ${ADDED_WORD_FREQUENCY} n`).join('\n'), 'utf8'));
    this.domainWords.push(...fresh);
    this.revisionCounter++;
    this.segmentMemo.clear();
  }

  /** Domain and added words (for engines that take a custom dictionary, e.g. Meilisearch's `dictionary` setting). */
  dictionaryWords(): string[] {
    return [...new Set(this.domainWords)];
  }

  stopWordList(): string[] {
    return [...this.stopWords];
  }

  /** NFKC (full-width letters, digits and punctuation become half-width) then lower case. */
  normalize(text: string): string {
    return text.normalize('NFKC').toLowerCase();
  }

  /**
   * Index terms, repeats kept (term frequency), in text order: the words jieba cuts, the dictionary words inside a
   * long word (科技成果转化 → 科技, 成果, 转化; what jieba's search mode adds), and the longer dictionary words that
   * straddle two cut words (宽温域磷酸铁锂电池电解液 is cut 磷酸铁锂/电池, yet 锂电池 is a word a searcher types).
   */
  tokenize(text: string): string[] {
    return this.termSpans(this.normalize(text)).map((s) => s.term);
  }

  /**
   * The search field both engines read: the index terms of a text joined by spaces, head first. Chinese compounds and
   * titles are head-final (烟气脱硝设施在线监测平台 is a 平台), so the cut words go from the last to the first, each followed
   * by the parts that end in it; a term's position in the field then says how close it is to what the text is about
   * (Meilisearch's attribute rule and the embedded engine both prefer early positions). Meilisearch only splits on
   * the spaces, and the embedded engine splits the same string.
   */
  segment(text: string): string {
    if (text.length > SEGMENT_MEMO_MAX_CHARS) return this.segmentNow(text);
    let segmented = this.segmentMemo.get(text);
    if (segmented === undefined) {
      if (this.segmentMemo.size >= SEGMENT_MEMO_ENTRIES) this.segmentMemo.clear();
      segmented = this.segmentNow(text);
      this.segmentMemo.set(text, segmented);
    }
    return segmented;
  }

  private segmentNow(text: string): string {
    const spans = this.termSpans(this.normalize(text));
    spans.sort((x, y) => y.anchor - x.anchor || Number(x.part) - Number(y.part) || x.start - y.start);
    return spans.map((s) => s.term).join(' ');
  }

  /** Distinct query words in query order: whole words as a searcher typed them (no sub-words), stop words removed. */
  queryTerms(text: string): string[] {
    const out = new Set<string>();
    for (const match of this.normalize(text).matchAll(SEGMENT_PATTERN)) {
      const words = match[1] !== undefined ? this.jieba.cut(match[1], false) : [match[2]];
      for (const word of words) if (!this.stopWords.has(word)) out.add(word);
    }
    return [...out];
  }

  /**
   * The dictionary sub-words that together cover a long Chinese word (科技成果转化 → 科技, 成果, 转化), or undefined.
   * Lets a query word match text where jieba cut the same characters differently.
   */
  decompose(word: string): string[] | undefined {
    const chars = Array.from(word);
    if (chars.length < 4 || !HAN_START.test(word)) return undefined;
    const parts = this.jieba.cutForSearch(word, false).filter((p) => p !== word && Array.from(p).length > 1);
    const covered = new Uint8Array(chars.length);
    for (const part of parts) {
      const partChars = Array.from(part).length;
      for (let i = 0; i + partChars <= chars.length; i++) {
        if (chars.slice(i, i + partChars).join('') === part) covered.fill(1, i, i + partChars);
      }
    }
    return parts.length > 0 && covered.every((c) => c === 1) ? [...new Set(parts)] : undefined;
  }

  isHanTerm(term: string): boolean {
    return HAN_START.test(term);
  }

  /**
   * Wrap every occurrence of the given index terms in text with tags, on the original (un-normalised) text: a Chinese
   * term wherever it stands (an index term is a dictionary word of the text, whole or inside a compound), a Latin word
   * only as a whole word. No segmentation: highlighting runs on every hit of every search.
   */
  highlight(text: string, terms: ReadonlySet<string>, tags: HighlightTags = { pre: '<em>', post: '</em>' }): string {
    if (terms.size === 0 || text.length === 0) return text;
    const { normalized, starts, ends } = this.normalizeWithOffsets(text);
    const ranges: Array<[number, number]> = [];
    for (const term of terms) {
      if (!term) continue;
      const latin = !HAN_START.test(term);
      for (let at = normalized.indexOf(term); at >= 0; at = normalized.indexOf(term, at + 1)) {
        const end = at + term.length;
        if (latin && (LATIN_CHAR.test(normalized[at - 1] ?? '') || LATIN_CHAR.test(normalized[end] ?? ''))) continue;
        ranges.push([at, end]);
      }
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let cursor = 0;
    let i = 0;
    while (i < ranges.length) {
      let [start, end] = ranges[i];
      // Merge overlapping or touching ranges so tags never nest.
      while (i + 1 < ranges.length && ranges[i + 1][0] <= end) end = Math.max(end, ranges[++i][1]);
      i++;
      const from = starts ? starts[start] : start;
      const to = ends ? ends[end - 1] : end;
      if (from < cursor) continue;
      out += text.slice(cursor, from) + tags.pre + text.slice(from, to) + tags.post;
      cursor = to;
    }
    return out + text.slice(cursor);
  }

  /** Index terms of normalised text with their UTF-16 spans; one native call per kind of cut for all Han runs of the text. */
  private termSpans(normalized: string): TermSpan[] {
    const out: TermSpan[] = [];
    const runs: Array<{ text: string; at: number }> = [];
    for (const match of normalized.matchAll(SEGMENT_PATTERN)) {
      const at = match.index ?? 0;
      if (match[1] !== undefined) runs.push({ text: match[1], at });
      else if (!this.stopWords.has(match[2])) out.push({ term: match[2], start: at, end: at + match[2].length, part: false, anchor: at + match[2].length });
    }
    if (runs.length === 0) return out;
    // jieba treats the newline as a separator, so runs joined by it are segmented independently.
    const joined = runs.length === 1 ? runs[0].text : runs.map((r) => r.text).join('\n');
    // Offsets in `joined` back to offsets in the normalised text.
    const toText = new Int32Array(joined.length + 1);
    let position = 0;
    for (const run of runs) {
      for (let i = 0; i <= run.text.length; i++) toText[position + i] = run.at + i;
      position += run.text.length + 1;
    }
    // Precise cut: word boundaries, in order.
    const wordEnd = new Int32Array(joined.length + 1).fill(-1);
    const wordStart = new Int32Array(joined.length + 1).fill(-1);
    let offset = 0;
    for (const word of this.jieba.cut(joined, false)) {
      const end = offset + word.length;
      for (let i = offset; i < end; i++) {
        wordStart[i] = offset;
        wordEnd[i] = end;
      }
      if (word !== '\n' && !this.stopWords.has(word)) out.push({ term: word, start: toText[offset], end: toText[offset] + word.length, part: false, anchor: toText[offset] + word.length });
      offset = end;
    }
    // Every dictionary word: those inside a cut word (sub-words), and those of 3+ characters across a boundary.
    let from = 0;
    for (const word of this.jieba.cutAll(joined)) {
      if (word.length < 2 || word === '\n') continue;
      let start = joined.indexOf(word, from);
      if (start < 0) continue;
      from = start;
      const end = start + word.length;
      const inside = wordStart[start] === start && wordEnd[start] === end ? 'whole' : wordEnd[start] >= end ? 'inside' : 'across';
      if (inside === 'whole' || this.stopWords.has(word)) continue;
      // Across a boundary only words that end where a cut word ends: compounds are head-final (磷酸铁锂|电池 → 锂电池),
      // while a word ending inside the next one is usually an accident (研究|生命科学 → 研究生).
      if (inside === 'across' && (word.length < CROSS_BOUNDARY_MIN_CHARS || wordEnd[end - 1] !== end)) continue;
      const anchor = toText[wordEnd[end - 1] - 1] + 1;
      start = toText[start];
      out.push({ term: word, start, end: start + word.length, part: true, anchor });
    }
    return out.sort((x, y) => x.start - y.start || y.end - x.end);
  }

  /** Normalise code point by code point, remembering which original span each normalised UTF-16 unit came from. */
  /** Without offsets when they are the identity. */
  private normalizeWithOffsets(text: string): { normalized: string; starts?: number[]; ends?: number[] } {
    // Usual case: no surrogate pairs, no combining marks, and the same length once normalised: then every UTF-16 unit
    // maps to one unit and offsets are the identity (normalising character by character is the slow path).
    const whole = this.normalize(text);
    if (whole.length === text.length && !SURROGATE_OR_MARK.test(text)) return { normalized: whole };
    let normalized = '';
    const starts: number[] = [];
    const ends: number[] = [];
    let i = 0;
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      const piece = code < 0x80 ? ch.toLowerCase() : this.normalize(ch);
      for (let k = 0; k < piece.length; k++) {
        starts.push(i);
        ends.push(i + ch.length);
      }
      normalized += piece;
      i += ch.length;
    }
    return { normalized, starts, ends };
  }
}
