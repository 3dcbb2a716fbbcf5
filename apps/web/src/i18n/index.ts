import { createContext, useContext } from 'react';
import achievement from './achievement';
import admin from './admin';
import auth from './auth';
import charts from './charts';
import contracts from './contracts';
import demand from './demand';
import display from './display';
import home from './home';
import matching from './matching';
import notifications from './notifications';
import outbox from './outbox';
import profiles from './profiles';
import roadshow from './roadshow';
import shell from './shell';
import site from './site';
import statistics from './statistics';
import content from './content';
import watchlist from './watchlist';
import privacy from './privacy';
import programmes from './programmes';
import market from './market';
import vouchers from './vouchers';
import finance from './finance';
import brokers from './brokers';
import experts from './experts';

export type Lang = 'zh' | 'en';
export const LANG_STORAGE_KEY = 'techbridge.lang';

/**
 * Interface strings by page or area, one file each (zh and en side by side). A page's strings go in its namespace;
 * a new namespace is added here. Keys stay globally unique (the unit test checks no namespace redefines another's key).
 */
export const NAMESPACES = { shell, home, auth, achievement, demand, matching, contracts, roadshow, statistics, admin, notifications, outbox, display, charts, profiles, site, content, watchlist, privacy, market, vouchers, finance, programmes, brokers, experts };

type Namespace = (typeof NAMESPACES)[keyof typeof NAMESPACES];
type KeysOf<N> = N extends { zh: Record<infer K, string> } ? K : never;
export type MessageKey = KeysOf<Namespace>;

function merge(lang: Lang): Record<MessageKey, string> {
  return Object.assign({}, ...Object.values(NAMESPACES).map((n) => n[lang])) as Record<MessageKey, string>;
}

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh: merge('zh'), en: merge('en') };

/** Replace {name} placeholders. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  // An unknown key (e.g. a status the portal does not know yet) shows as itself rather than breaking the page.
  return format(MESSAGES[lang][key] ?? key, params);
}

/** The stored choice, else Simplified Chinese: the zone's working language comes first whatever the browser says. */
export function initialLang(stored: string | null): Lang {
  return stored === 'en' ? 'en' : 'zh';
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Pick the right side of a {zh, en} pair from the API. */
  pick: (text: { zh: string; en: string } | null | undefined) => string;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'zh',
  t: (key, params) => translate('zh', key, params),
  pick: (text) => text?.zh ?? '',
  setLang: () => undefined,
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
