import { ChineseTokenizer, INDUSTRIES, Named } from '@techbridge/platform';

/**
 * Listings are written in Chinese; the zone's taxonomy (industries and fields) carries an English label for each
 * Chinese one. Those labels become synonyms of the index, so an English query finds Chinese listings: the whole label
 * (power batteries ↔ 动力电池) and, where the Chinese label's finest cut has as many words as the English one, word by
 * word in order (battery ↔ 电池, smart ↔ 智能, grid ↔ 电网: noun compounds are modifier-first in both languages).
 * Where nothing matches, the search says the listings are in Chinese and offers the Chinese labels that come closest.
 */

const ENGLISH_STOP_WORDS = new Set(['and', 'of', 'the', 'for', 'with', 'in', 'on', 'a', 'an']);
const LATIN_WORD = /[a-z][a-z0-9]*/g;
const HAN = /\p{Script=Han}/u;
/** An English word is a prefix match from this many letters (batt → battery). */
const PREFIX_LETTERS = 4;

function taxonomy(): Named[] {
  return [...INDUSTRIES, ...INDUSTRIES.flatMap((i) => i.fields)];
}

/** The singular of a plural English word (batteries → battery, processes → process, robots → robot). */
export function singular(word: string): string {
  if (/ies$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

function englishWords(text: string): string[] {
  return (text.toLowerCase().match(LATIN_WORD) ?? []).filter((w) => !ENGLISH_STOP_WORDS.has(w));
}

/**
 * The finest cut of a Chinese label into dictionary words of two or more characters, in order (燃料电池汽车 → 燃料, 电池,
 * 汽车), or undefined when it has none. Only a label whose finest cut has as many words as its English lines up word by
 * word: 新型显示材料 has three, "Display materials" two, so neither word of it is paired.
 */
function finestCut(tokenizer: ChineseTokenizer, chinese: string): string[] | undefined {
  const words = new Set(tokenizer.tokenize(chinese).filter((w) => w.length >= 2 && HAN.test(w)));
  const best = new Map<number, string[] | undefined>([[chinese.length, []]]);
  for (let start = chinese.length - 1; start >= 0; start--) {
    let choice: string[] | undefined;
    for (let end = start + 2; end <= chinese.length; end++) {
      const rest = best.get(end);
      if (rest && words.has(chinese.slice(start, end)) && (!choice || rest.length + 1 > choice.length)) choice = [chinese.slice(start, end), ...rest];
    }
    best.set(start, choice);
  }
  return best.get(0);
}

/** English ↔ Chinese synonyms from the taxonomy's labels, singular and plural forms alike. */
export function taxonomySynonyms(tokenizer: ChineseTokenizer): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (english: string, chinese: string) => {
    if (!english || !chinese) return;
    out[english] = [...new Set([...(out[english] ?? []), chinese])];
  };
  for (const label of taxonomy()) {
    const words = englishWords(label.en);
    if (!words.length) continue;
    add(words.join(' '), label.zh);
    add(words.map(singular).join(' '), label.zh);
    // Word by word only for a plain noun compound: a list (A, B and C) does not line up with its Chinese.
    if (words.length < 2 || /,| and /i.test(label.en)) continue;
    const pieces = finestCut(tokenizer, label.zh);
    if (pieces?.length !== words.length) continue;
    pieces.forEach((piece, k) => {
      add(words[k], piece);
      add(singular(words[k]), piece);
    });
  }
  return out;
}

export interface LanguageHint {
  zh: string;
  en: string;
  /** Chinese labels whose English label shares a word with the query. */
  suggestions: Array<{ zh: string; en: string }>;
}

/** For a query in English only that found nothing: the listings are in Chinese, and the closest Chinese labels. */
export function languageHint(q: string | undefined): LanguageHint | undefined {
  if (!q || HAN.test(q)) return undefined;
  const asked = englishWords(q).map(singular);
  if (!asked.length) return undefined;
  const suggestions = taxonomy()
    .filter((label) => englishWords(label.en).map(singular).some((w) => asked.some((a) => w === a || (a.length >= PREFIX_LETTERS && w.startsWith(a.slice(0, PREFIX_LETTERS))))))
    .slice(0, 5)
    .map((label) => ({ zh: label.zh, en: label.en }));
  return {
    zh: '平台上的成果以中文发布，请尝试用中文检索，例如：',
    en: 'Listings here are published in Chinese; try a Chinese term, for example:',
    suggestions,
  };
}
