import type { Lang } from './i18n';

/**
 * Client-side checks mirroring the API's DTO rules (CreateAchievementDto, CreateDemandDto, SignUpDto), so most mistakes
 * are caught before a round trip; the API stays the authority and its details[] are shown the same way.
 */
export type Errors = Record<string, string>;
type Msg = { zh: string; en: string };

const M = {
  required: (f: Msg): Msg => ({ zh: `请填写${f.zh}`, en: `${f.en} is required` }),
  minLength: (f: Msg, n: number): Msg => ({ zh: `${f.zh}至少 ${n} 个字符`, en: `${f.en} must be at least ${n} characters` }),
  maxLength: (f: Msg, n: number): Msg => ({ zh: `${f.zh}不能超过 ${n} 个字符`, en: `${f.en} must be at most ${n} characters` }),
  choose: (f: Msg): Msg => ({ zh: `请选择${f.zh}`, en: `Choose the ${f.en.toLowerCase()}` }),
  range: (f: Msg, a: number, b: number): Msg => ({ zh: `${f.zh}应为 ${a} 到 ${b} 的整数`, en: `${f.en} must be a whole number from ${a} to ${b}` }),
  money: (f: Msg): Msg => ({ zh: `${f.zh}应为不小于 0 的金额，最多两位小数`, en: `${f.en} must be an amount of at least 0 with at most two decimals` }),
  tooMany: (f: Msg, n: number): Msg => ({ zh: `${f.zh}最多 ${n} 个`, en: `At most ${n} ${f.en.toLowerCase()}` }),
  itemTooLong: (f: Msg, n: number): Msg => ({ zh: `每个${f.zh}不超过 ${n} 个字符`, en: `Each of the ${f.en.toLowerCase()} must be at most ${n} characters` }),
  email: { zh: '请输入有效的电子邮箱', en: 'Enter a valid email address' },
  password: { zh: '密码至少 10 位，且包含小写字母、大写字母、数字、其他字符中的至少 3 类', en: 'The password needs 10-128 characters and at least 3 of: lower-case letters, upper-case letters, digits, other characters' },
  creditCode: { zh: '统一社会信用代码应为 18 位（数字或大写字母，不含 I、O、Z、S、V）', en: 'The credit code has 18 characters (digits or capitals, no I, O, Z, S, V)' },
};

const F = {
  title: { zh: '名称', en: 'Title' },
  summary: { zh: '成果简介', en: 'Summary' },
  description: { zh: '问题描述', en: 'Description' },
  industry: { zh: '主导产业', en: 'Industry' },
  trl: { zh: '技术成熟度', en: 'TRL' },
  minTrl: { zh: '最低成熟度', en: 'Minimum TRL' },
  askingPrice: { zh: '转让价格', en: 'Asking price' },
  budget: { zh: '预算', en: 'Budget' },
  keywords: { zh: '关键词', en: 'Keywords' },
  patents: { zh: '专利号', en: 'Patent numbers' },
  displayName: { zh: '姓名', en: 'Name' },
  orgName: { zh: '机构名称', en: 'Organisation name' },
  orgType: { zh: '机构类型', en: 'Organisation type' },
  region: { zh: '所在地区', en: 'Region' },
};

/** The API's default policy (PASSWORD_MIN_LENGTH 10, PASSWORD_MIN_CLASSES 3); the API has the last word. */
const passwordClasses = (p: string) => [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(p)).length;
const isStrongPassword = (p: string) => [...p].length >= 10 && [...p].length <= 128 && passwordClasses(p) >= 3;
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MONEY = /^\d{1,16}(\.\d{1,2})?$/;

class Collector {
  readonly errors: Errors = {};
  constructor(private readonly lang: Lang) {}
  add(field: string, msg: Msg): void {
    if (!(field in this.errors)) this.errors[field] = msg[this.lang];
  }
  text(field: string, value: string, label: Msg, min: number, max: number, required = true): void {
    const v = value.trim();
    if (!v) {
      if (required) this.add(field, M.required(label));
      return;
    }
    if (v.length < min) this.add(field, M.minLength(label, min));
    if (v.length > max) this.add(field, M.maxLength(label, max));
  }
  list(field: string, items: string[], label: Msg, maxItems: number, maxLen: number): void {
    if (items.length > maxItems) this.add(field, M.tooMany(label, maxItems));
    if (items.some((k) => k.length > maxLen)) this.add(field, M.itemTooLong(label, maxLen));
  }
  intRange(field: string, value: string, label: Msg, a: number, b: number, required: boolean): void {
    if (!value.trim()) {
      if (required) this.add(field, M.choose(label));
      return;
    }
    const n = Number(value);
    if (!Number.isInteger(n) || n < a || n > b) this.add(field, M.range(label, a, b));
  }
  money(field: string, value: string, label: Msg): void {
    if (value.trim() && !MONEY.test(value.trim())) this.add(field, M.money(label));
  }
}

export interface AchievementForm {
  title: string;
  summary: string;
  keywords: string[];
  industry: string;
  trl: string;
  askingPrice: string;
  patents: string[];
}

export function validateAchievement(f: AchievementForm, lang: Lang): Errors {
  const c = new Collector(lang);
  c.text('title', f.title, F.title, 2, 200);
  c.text('summary', f.summary, F.summary, 10, 20000);
  c.list('keywords', f.keywords, F.keywords, 20, 40);
  if (!f.industry) c.add('industry', M.choose(F.industry));
  c.intRange('trl', f.trl, F.trl, 1, 9, true);
  c.money('askingPrice', f.askingPrice, F.askingPrice);
  c.list('patents', f.patents, F.patents, 50, 32);
  return c.errors;
}

export interface DemandForm {
  title: string;
  description: string;
  keywords: string[];
  industry: string;
  minTrl: string;
  budget: string;
}

export function validateDemand(f: DemandForm, lang: Lang): Errors {
  const c = new Collector(lang);
  c.text('title', f.title, F.title, 2, 200);
  c.text('description', f.description, F.description, 10, 20000);
  c.list('keywords', f.keywords, F.keywords, 20, 40);
  if (!f.industry) c.add('industry', M.choose(F.industry));
  c.intRange('minTrl', f.minTrl, F.minTrl, 1, 9, false);
  c.money('budget', f.budget, F.budget);
  return c.errors;
}

export interface SignUpForm {
  email: string;
  password: string;
  displayName: string;
  orgName: string;
  orgType: string;
  creditCode: string;
  region: string;
}

/** Keys are the API's field paths, so client and server errors land in the same place. */
export function validateSignUp(f: SignUpForm, lang: Lang): Errors {
  const c = new Collector(lang);
  if (!EMAIL.test(f.email.trim())) c.add('email', M.email);
  if (!isStrongPassword(f.password)) c.add('password', M.password);
  c.text('displayName', f.displayName, F.displayName, 1, 60);
  c.text('organisation.name', f.orgName, F.orgName, 2, 200);
  if (!f.orgType) c.add('organisation.type', M.choose(F.orgType));
  if (!CREDIT_CODE_SHAPE.test(f.creditCode.trim().toUpperCase())) c.add('organisation.creditCode', M.creditCode);
  if (!f.region) c.add('organisation.region', M.choose(F.region));
  return c.errors;
}
