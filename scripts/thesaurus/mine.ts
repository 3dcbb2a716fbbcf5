/**
 * npm run thesaurus:mine — rebuilds libs/matching/src/thesaurus/mined-thesaurus.json from independent sources only:
 *   - the zone's industry taxonomy (shared/domain/industries.json: sub-field names with their English labels);
 *   - real research text (shared/corpora: CSL and ChinaXiv keywords + abstracts, Chinese patent titles with IPC subclasses).
 * It never reads test/fixtures (no evaluation text can flow in) and the product never reads ../shared: the output is committed.
 *
 * What is mined (each entry records its source and its evidence):
 *   - abbreviations defined in abstracts, 选择性催化还原(SCR) → synonym            source 'abstract-abbreviation'
 *   - English glosses in abstracts, 锂离子电池(lithium-ion battery), and their head
 *     words aligned (…电池 ↔ …battery) → English labels                          source 'abstract-english-gloss' / 'gloss-head-alignment'
 *   - keyword compounds: a keyword ending in another keyword is narrower       source 'keyword-head-compound'
 *   - keyword ↔ abstract term association (NPMI over documents): the words
 *     papers use when they describe what a technique treats → cue words         source 'keyword-abstract-npmi'
 *   - patent title term pairs with the same dominant IPC subclass (NPMI)        source 'patent-title-ipc-npmi'
 *   - generic words by document frequency in abstracts → stop-words            source 'corpus-df'
 * Every term carries its document frequency in the corpora (`df`): the provenance test requires it for any entry that an
 * evaluation demand happens to contain.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict as defaultDict } from '@node-rs/jieba/dict';
import { industryOfClc, industryOfDiscipline, industryOfIpc } from './industry-of';

const SHARED = process.env.TB_SHARED_DIR ?? join(__dirname, '..', '..', '..', '..', 'shared');
const CORPORA = join(SHARED, 'corpora');
const STANDARDS = join(__dirname, '..', '..', 'libs', 'matching', 'src', 'thesaurus', 'standard-vocabulary.json');
const OUT = join(__dirname, '..', '..', 'libs', 'matching', 'src', 'thesaurus', 'mined-thesaurus.json');

interface Doc {
  id: string;
  corpus: 'csl' | 'chinaxiv' | 'patent';
  title: string;
  abstract: string;
  keywords: string[];
  industry?: string;
  ipc: string[];
}

export interface MinedEntry {
  kind: 'synonym' | 'narrower' | 'cue' | 'en' | 'related';
  /** [a, b]: synonym a ≡ b; narrower: b is a kind of a; cue: a in a text calls for b; en: b is a's English label; related: a ~ b. */
  terms: [string, string];
  source: string;
  score: number;
}

/**
 * Closed-class words (pronouns, conjunctions, modal and degree words, request verbs) and the generic nouns of any request:
 * grammar, not content. Each is kept only if the corpora attest it (df ≥ 2), so no word peculiar to one text survives.
 */
const CLOSED_CLASS_WORDS = [
  '我们', '你们', '他们', '我公司', '本公司', '公司', '企业', '单位', '需要', '希望', '想要', '要求', '寻求', '寻找', '能否', '是否', '如何', '怎么',
  '怎样', '什么', '哪些', '能够', '可以', '可能', '应该', '必须', '已经', '一直', '目前', '现在', '现有', '非常', '比较', '十分', '特别', '但是',
  '然而', '而且', '并且', '因为', '所以', '因此', '如果', '虽然', '由于', '为了', '进行', '实现', '解决', '提高', '提升', '降低', '问题', '难题',
  '情况', '方面', '方案', '办法', '方法', '技术', '一种', '一些', '一个', '相关', '主要', '大量', '没有', '不能', '以及', '或者', '通过', '采用',
  '利用', '使用', '基于', '研究', '开发', '应用', '合作', '获得', '同时', '经常',
];

const HAN_RUN = /^\p{Script=Han}+$/u;
const GENERIC_DF_SHARE = 0.04;

function readJsonl<T>(file: string): T[] {
  return readFileSync(join(CORPORA, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(join(CORPORA, file))).digest('hex').slice(0, 16);
}

function cleanKeyword(k: string): string | null {
  const t = k.normalize('NFKC').trim().toLowerCase();
  const n = Array.from(t).length;
  if (n < 2 || n > 12) return null;
  if (!/^[\p{Script=Han}a-z0-9\-]+$/u.test(t) || /^[\d\-]+$/.test(t)) return null;
  return t;
}

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  for (const r of readJsonl<{ id: string; title: string; abstract: string; keywords: string[]; discipline: string }>('csl-2000.jsonl')) {
    docs.push({ id: r.id, corpus: 'csl', title: r.title, abstract: r.abstract, keywords: r.keywords, industry: industryOfDiscipline(r.discipline), ipc: [] });
  }
  for (const r of readJsonl<{ id: string; title: string; abstract: string; keywords: string[]; clc: string[]; title_noisy: boolean }>('chinaxiv-10k.jsonl')) {
    const industry = (r.clc ?? []).map(industryOfClc).find(Boolean);
    // OCR glued some keyword lists into one string: those are not keywords.
    docs.push({ id: r.id, corpus: 'chinaxiv', title: r.title_noisy ? '' : r.title, abstract: r.abstract ?? '', keywords: (r.keywords ?? []).filter((k) => Array.from(k).length <= 12), industry, ipc: [] });
  }
  for (const r of readJsonl<{ id: string; title: string; ipc_subclasses: string[] }>('cn-patent-titles-ipc.jsonl')) {
    docs.push({ id: r.id, corpus: 'patent', title: r.title, abstract: '', keywords: [], industry: r.ipc_subclasses.map(industryOfIpc).find(Boolean), ipc: r.ipc_subclasses });
  }
  return docs;
}

function main(): void {
  if (!existsSync(CORPORA)) throw new Error(`corpora not found at ${CORPORA} (set TB_SHARED_DIR)`);
  const docs = loadDocs();
  const papers = docs.filter((d) => d.corpus !== 'patent');

  // Keyword vocabulary: the research community's own terms, also taught to the segmenter so they are cut whole.
  const keywordDf = new Map<string, number>();
  for (const d of papers) for (const k of new Set(d.keywords.map(cleanKeyword).filter((k): k is string => !!k))) keywordDf.set(k, (keywordDf.get(k) ?? 0) + 1);
  const jieba = Jieba.withDict(defaultDict);
  const vocabulary = [...keywordDf].filter(([k, n]) => n >= 2 && HAN_RUN.test(k)).map(([k]) => k);
  jieba.loadDict(Buffer.from(vocabulary.map((w) => `${w} 2000 n`).join('\n'), 'utf8'));

  const cut = (text: string): string[] =>
    jieba.cut(text.normalize('NFKC').toLowerCase(), false).map((w) => w.trim()).filter((w) => (HAN_RUN.test(w) && Array.from(w).length >= 2) || /^[a-z][a-z0-9\-]{1,15}$/.test(w));

  // Document frequency of every word in all text (titles, abstracts, keywords): the attestation of a term.
  const textOf = docs.map((d) => `${d.title}\n${d.abstract}\n${d.keywords.join('\n')}`.normalize('NFKC').toLowerCase());
  const termsOf = docs.map((d, i) => new Set([...cut(textOf[i]), ...d.keywords.map(cleanKeyword).filter((k): k is string => !!k)]));
  const df = new Map<string, number>();
  for (const s of termsOf) for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
  const N = docs.length;
  const paperN = papers.length;

  const entries: MinedEntry[] = [];
  const push = (e: MinedEntry) => entries.push({ ...e, score: Math.round(e.score * 1000) / 1000 });

  // ---- abbreviations and English glosses defined in abstracts: 全称(ABBR), 中文(english words[, ABBR]) ----
  const abbrCounts = new Map<string, Map<string, number>>();
  const glossCounts = new Map<string, Map<string, number>>();
  const countIn = (m: Map<string, Map<string, number>>, a: string, b: string) => {
    const inner = m.get(a) ?? new Map<string, number>();
    inner.set(b, (inner.get(b) ?? 0) + 1);
    m.set(a, inner);
  };
  const PAREN = /(\p{Script=Han}{2,20})\s*[（(]\s*([^()（）]{2,80}?)\s*[)）]/gu;
  for (const d of papers) {
    const text = d.abstract.normalize('NFKC');
    for (const m of text.matchAll(PAREN)) {
      const han = m[1];
      const inside = m[2].trim();
      // The full form is the tail of the Han run, cut at word boundaries: try each tail of 1-4 words.
      const words = jieba.cut(han, false);
      const tails: string[] = [];
      for (let i = words.length - 1, acc = ''; i >= 0 && words.length - i <= 4; i--) {
        acc = words[i] + acc;
        if (Array.from(acc).length >= 2) tails.push(acc);
      }
      const abbr = /^([A-Z][A-Za-z0-9\-]{1,9})$/.exec(inside)?.[1] ?? /[,，;；]\s*([A-Z][A-Za-z0-9\-]{1,9})$/.exec(inside)?.[1];
      if (abbr && /[A-Z].*[A-Z]/.test(abbr)) for (const t of tails) countIn(abbrCounts, abbr.toLowerCase(), t);
      // A gloss is written in lower-case words (an all-capitals word is an abbreviation, handled above).
      const gloss = /^([a-zA-Z][a-zA-Z\- ]{2,60}?)(?:\s*[,，;；]\s*[A-Z][A-Za-z0-9\-]{1,9})?$/.exec(inside)?.[1]?.trim();
      const english = gloss && /[a-z]{3}/.test(gloss) && !/^[A-Z0-9\-]+$/.test(gloss) ? gloss.toLowerCase() : undefined;
      if (english && english.split(/\s+/).length <= 6) {
        const enWords = english.split(/\s+/).length;
        // The Chinese tail with as many words as the English phrase (at least one): an alignment guess, kept only if repeated.
        const t = tails[Math.min(tails.length - 1, Math.max(0, enWords - 1))];
        if (t) countIn(glossCounts, t, english);
      }
    }
  }
  const synonymPairs = new Set<string>();
  for (const [abbr, tails] of abbrCounts) {
    const ranked = [...tails].sort((a, b) => b[1] - a[1] || Array.from(b[0]).length - Array.from(a[0]).length);
    const top = ranked[0][1];
    // Seen at least three times, or twice when the full form is itself a keyword of the literature.
    if (top < 2 || (top < 3 && !keywordDf.has(ranked[0][0]))) continue;
    // The longest tail still seen about as often as the most frequent one: 选择性催化还原 rather than 还原.
    const best = ranked.filter(([, n]) => n >= Math.max(2, top * 0.5)).sort((a, b) => Array.from(b[0]).length - Array.from(a[0]).length)[0];
    if (!best || (keywordDf.get(best[0]) ?? 0) + (df.get(best[0]) ?? 0) < 2) continue;
    synonymPairs.add(`${best[0]}|${abbr}`);
    push({ kind: 'synonym', terms: [best[0], abbr], source: 'abstract-abbreviation', score: best[1] });
  }
  const headCounts = new Map<string, Map<string, number>>();
  for (const [zh, glosses] of glossCounts) {
    const ranked = [...glosses].sort((a, b) => b[1] - a[1]);
    const [english, n] = ranked[0];
    if (n >= 2) push({ kind: 'en', terms: [zh, english], source: 'abstract-english-gloss', score: n });
    // Head alignment: compounds are head-final in both languages (锂离子电池 / lithium-ion battery → 电池 / battery).
    for (const [en, count] of glosses) {
      if (!en.includes(' ')) continue;
      // Only compounds of several words: the head is then a word of its own (网络 in 生成对抗|网络), not the whole name.
      const zhWords = jieba.cut(zh, false).filter((w) => Array.from(w).length >= 2);
      const zhHead = zhWords.length >= 2 ? zhWords.pop() : undefined;
      const enHead = singular(en.split(/\s+/).pop() ?? '');
      if (zhHead && enHead.length >= 3) for (let i = 0; i < count; i++) countIn(headCounts, zhHead, enHead);
    }
  }
  for (const [zh, heads] of headCounts) {
    const ranked = [...heads].sort((a, b) => b[1] - a[1]);
    const total = ranked.reduce((s, [, n]) => s + n, 0);
    const [en, n] = ranked[0];
    // Reliable only when repeated and dominant for this Chinese head.
    if (n >= 3 && n / total >= 0.5 && (df.get(zh) ?? 0) >= 5) push({ kind: 'en', terms: [zh, en], source: 'gloss-head-alignment', score: n / total });
  }

  // ---- the taxonomy's sub-fields: Chinese name with its English label ----
  const industries: { industries: Array<{ code: string; zh: string; en: string; fields: Array<{ code: string; zh: string; en: string }> }> } = JSON.parse(
    readFileSync(join(SHARED, 'domain', 'industries.json'), 'utf8'),
  );
  const taxonomy: Array<{ industry: string; zh: string; en: string }> = [];
  for (const i of industries.industries) {
    taxonomy.push({ industry: i.code, zh: i.zh, en: i.en });
    for (const f of i.fields) taxonomy.push({ industry: i.code, zh: f.zh.replace(/（.*）/u, ''), en: f.en.replace(/\s*\(.*\)/, '') });
  }

  // ---- narrower by head compound among keywords: 磷酸铁锂电池 is a 锂电池 ----
  const headGeneric = (t: string) => (df.get(t) ?? 0) > N * 0.01;
  const frequentKeywords = [...keywordDf].filter(([k, n]) => n >= 2 && HAN_RUN.test(k)).map(([k]) => k);
  const heads = new Set(frequentKeywords.filter((k) => (keywordDf.get(k) ?? 0) >= 3));
  const narrowerOf = new Map<string, Array<[string, number]>>();
  for (const k of frequentKeywords) {
    const chars = Array.from(k);
    for (let i = 1; i <= chars.length - 2; i++) {
      const tail = chars.slice(i).join('');
      if (heads.has(tail) && !headGeneric(tail)) narrowerOf.set(tail, [...(narrowerOf.get(tail) ?? []), [k, keywordDf.get(k) ?? 0]]);
    }
  }
  for (const [head, list] of narrowerOf) {
    for (const [k, n] of list.sort((a, b) => b[1] - a[1]).slice(0, 8)) push({ kind: 'narrower', terms: [head, k], source: 'keyword-head-compound', score: n });
  }

  // ---- keyword ↔ abstract term association: which words papers on a technique use (what it treats, where it applies) ----
  const coKw = new Map<string, Map<string, number>>();
  const abstractDf = new Map<string, number>();
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    if (d.corpus === 'patent') continue;
    const kws = new Set(d.keywords.map(cleanKeyword).filter((k): k is string => !!k && (keywordDf.get(k) ?? 0) >= 3));
    const terms = new Set(cut(`${d.title}\n${d.abstract}`));
    for (const t of terms) abstractDf.set(t, (abstractDf.get(t) ?? 0) + 1);
    for (const k of kws) for (const t of terms) if (t !== k) countIn(coKw, k, t);
  }
  const generic = new Set([...abstractDf].filter(([, n]) => n > paperN * GENERIC_DF_SHARE).map(([t]) => t));
  for (const [k, co] of coKw) {
    const nk = keywordDf.get(k) ?? 0;
    const scored: Array<[string, number]> = [];
    for (const [t, n] of co) {
      if (n < 3 || generic.has(t) || t.includes(k) || k.includes(t)) continue;
      const pxy = n / paperN;
      const npmi = Math.log(pxy / ((nk / paperN) * ((abstractDf.get(t) ?? 1) / paperN))) / -Math.log(pxy);
      if (npmi >= 0.45) scored.push([t, npmi]);
    }
    for (const [t, s] of scored.sort((a, b) => b[1] - a[1]).slice(0, 6)) push({ kind: 'cue', terms: [t, k], source: 'keyword-abstract-npmi', score: s });
  }

  // ---- patent titles: term pairs that co-occur and share their dominant IPC subclass ----
  const patents = docs.filter((d) => d.corpus === 'patent');
  const pDf = new Map<string, number>();
  const pIpc = new Map<string, Map<string, number>>();
  const pCo = new Map<string, Map<string, number>>();
  for (const d of patents) {
    const terms = [...new Set(cut(d.title))].filter((t) => Array.from(t).length >= 2);
    for (const t of terms) {
      pDf.set(t, (pDf.get(t) ?? 0) + 1);
      for (const c of d.ipc) countIn(pIpc, t, c);
    }
    for (const a of terms) for (const b of terms) if (a < b) countIn(pCo, a, b);
  }
  const dominant = (t: string): [string, number] | undefined => {
    const m = pIpc.get(t);
    if (!m) return undefined;
    const [c, n] = [...m].sort((x, y) => y[1] - x[1])[0];
    return [c, n / (pDf.get(t) ?? 1)];
  };
  const P = patents.length;
  const patentGeneric = new Set([...pDf].filter(([, n]) => n > P * 0.02).map(([t]) => t));
  for (const [a, m] of pCo) {
    for (const [b, n] of m) {
      if (n < 4 || patentGeneric.has(a) || patentGeneric.has(b) || a.includes(b) || b.includes(a)) continue;
      const da = dominant(a);
      const db = dominant(b);
      if (!da || !db || da[0] !== db[0] || da[1] < 0.5 || db[1] < 0.5) continue;
      const pxy = n / P;
      const npmi = Math.log(pxy / (((pDf.get(a) ?? 1) / P) * ((pDf.get(b) ?? 1) / P))) / -Math.log(pxy);
      if (npmi >= 0.5) push({ kind: 'related', terms: [a, b], source: 'patent-title-ipc-npmi', score: npmi });
    }
  }

  // ---- industry of each term: the classification of the documents it occurs in (CLC, IPC, CSL discipline) ----
  const industryVotes = new Map<string, Map<string, number>>();
  for (let i = 0; i < docs.length; i++) if (docs[i].industry) for (const t of termsOf[i]) countIn(industryVotes, t, docs[i].industry!);
  // ---- stop-words: the most widespread words of research abstracts say nothing about the technique ----
  // Widespread AND spread evenly over the industries (normalised entropy): 土壤 or 算法 are frequent but belong to a field.
  const evenness = (t: string) => {
    const votes = [...(industryVotes.get(t)?.values() ?? [])];
    const total = votes.reduce((s, v) => s + v, 0);
    if (votes.length < 2 || !total) return 0;
    return -votes.reduce((s, v) => s + (v / total) * Math.log(v / total), 0) / Math.log(9);
  };
  const stopWords = [...abstractDf].filter(([t, n]) => n > paperN * 0.03 && HAN_RUN.test(t) && evenness(t) >= 0.8 && (keywordDf.get(t) ?? 0) < 3).sort((a, b) => b[1] - a[1]).map(([term]) => ({ term, source: 'corpus-df', df: 0 }));
  const known = new Set(stopWords.map((w) => w.term));
  for (const term of CLOSED_CLASS_WORDS) if (!known.has(term)) stopWords.push({ term, source: 'closed-class-words', df: 0 });

  // ---- attestation: in how many corpus documents each term occurs verbatim (what the provenance test recounts) ----
  const standards: { entries: Array<{ term: string; synonyms: string[]; narrower: string[]; broader: string[] }> } = JSON.parse(readFileSync(STANDARDS, 'utf8'));
  const termsUsed = new Set(entries.flatMap((e) => (e.kind === 'en' ? [e.terms[0]] : e.terms)));
  for (const t of taxonomy) termsUsed.add(t.zh);
  for (const e of standards.entries) for (const t of [e.term, ...e.synonyms, ...e.narrower, ...e.broader]) termsUsed.add(t);
  for (const w of stopWords) termsUsed.add(w.term);
  const attest = attestation(textOf, [...termsUsed]);
  for (const w of stopWords) w.df = attest.get(w.term) ?? 0;
  // A closed-class word the corpora do not attest is dropped: no word peculiar to one text survives.
  const attestedStopWords = stopWords.filter((w) => w.df >= 2);
  const terms: Record<string, { df: number; industry?: string }> = {};
  for (const t of [...termsUsed].sort()) {
    const votes = industryVotes.get(t);
    const industry = votes ? [...votes].sort((a, b) => b[1] - a[1])[0][0] : undefined;
    terms[t] = { df: attest.get(t) ?? 0, ...(industry ? { industry } : {}) };
  }

  const out = {
    about:
      'Mined by scripts/thesaurus/mine.ts from independent sources only (never from evaluation demands): shared/domain/industries.json and the real corpora in shared/corpora. Each entry records its source and score; `terms` records each term\'s document frequency in the corpora (its attestation) and the industry its documents are classified in.',
    corpora: Object.fromEntries(['csl-2000.jsonl', 'chinaxiv-10k.jsonl', 'cn-patent-titles-ipc.jsonl'].map((f) => [f, { sha256: sha256(f) }])),
    documents: N,
    taxonomy: taxonomy.map((t) => ({ ...t, source: 'industry-taxonomy' })),
    entries: entries.sort((a, b) => a.kind.localeCompare(b.kind) || a.terms[0].localeCompare(b.terms[0]) || b.score - a.score),
    stopWords: attestedStopWords,
    terms,
  };
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  const byKind = entries.reduce<Record<string, number>>((acc, e) => ({ ...acc, [`${e.kind}/${e.source}`]: (acc[`${e.kind}/${e.source}`] ?? 0) + 1 }), {});
  console.log(`${N} documents; entries ${JSON.stringify(byKind)}; ${attestedStopWords.length} stop-words; ${Object.keys(terms).length} terms → ${OUT}`);
}

/** Number of documents whose normalised text contains each term (substring, as the provenance test counts). */
function attestation(texts: string[], terms: string[]): Map<string, number> {
  const starts: number[] = [];
  let joined = '';
  for (const t of texts) {
    starts.push(joined.length);
    joined += `${t}\u0001`;
  }
  const docOf = (at: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out = new Map<string, number>();
  for (const term of terms) {
    const needle = term.normalize('NFKC').toLowerCase();
    const docs = new Set<number>();
    for (let at = joined.indexOf(needle); at >= 0; at = joined.indexOf(needle, at + 1)) {
      const d = docOf(at);
      docs.add(d);
      at = (starts[d + 1] ?? joined.length) - 1;
    }
    out.set(term, docs.size);
  }
  return out;
}

/** batteries → battery, cells → cell (enough for head nouns of glosses). */
function singular(w: string): string {
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(w)) return w;
  return w.replace(/s$/, '');
}

main();
