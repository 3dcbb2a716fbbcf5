import { translate, type Lang } from './i18n';

export const API_BASE = '/api/v1';
const SESSION_KEY = 'techbridge.session';

export interface FieldDetail {
  field: string;
  code?: string;
  message: string;
}

/** The API's error body: `{ statusCode, error, message, details[], requestId, currentState? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: FieldDetail[] = [],
    readonly currentState?: string,
    /** The body was the API's own error (not a proxy's page or a lost connection): its message is meant for users. */
    readonly fromApi = true,
  ) {
    super(message);
  }

  /** field → first message, for showing next to inputs: nested paths keep their dots (organisation.creditCode), list items fold into the list (keywords[2] → keywords). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const field = d.field?.replace(/\[\d+\]$/, '');
      if (field && !(field in out)) out[field] = withoutFieldName(d.message, d.field);
    }
    return out;
  }
}

const escapeRe = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Shown beside its input, a message need not start with the API's field path ("organisation.creditCode 不是…" → "不是…"). */
export function withoutFieldName(message: string, field: string): string {
  const names = [field, field.replace(/\[\d+\]$/, ''), field.split('.').pop() ?? field].filter(Boolean).map(escapeRe);
  const stripped = message.replace(new RegExp(`^(${names.join('|')})\\s*`), '');
  if (!stripped) return message;
  return stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  /** The granted roles in effect (privileged roles need a verified organisation of the right type); absent in older stored sessions. */
  effectiveRoles?: string[];
  organisationId: string;
}
export interface SessionOrganisation {
  id: string;
  name: string;
  type: string;
  region: string;
  parkCode: string | null;
  /** Older stored sessions predate verification: absent means "not known yet", re-read from /me. */
  verificationStatus?: 'not-required' | 'pending' | 'verified' | 'rejected';
  verified?: boolean;
  verificationNote?: string | null;
}
export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
  organisation: SessionOrganisation;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type Listener = (s: Session | null) => void;

/** One client for the whole portal: bearer token, Accept-Language, one refresh on 401, typed errors. */
export class ApiClient {
  private session: Session | null = null;
  private lang: Lang = 'zh';
  private listeners = new Set<Listener>();
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly storage: Storage | null) {
    const raw = storage?.getItem(SESSION_KEY);
    if (raw) {
      try {
        this.session = JSON.parse(raw) as Session;
      } catch {
        storage?.removeItem(SESSION_KEY);
      }
    }
  }

  get current(): Session | null {
    return this.session;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setSession(s: Session | null): void {
    this.session = s;
    if (s) this.storage?.setItem(SESSION_KEY, JSON.stringify(s));
    else this.storage?.removeItem(SESSION_KEY);
    for (const l of this.listeners) l(s);
  }

  async signIn(email: string, password: string): Promise<Session> {
    const s = await this.request<Session>('POST', 'auth/sign-in', { body: { email, password }, anonymous: true });
    this.setSession(s);
    return s;
  }

  /** With the current password (also an expired one): sets a new one and starts a session. */
  async changePassword(email: string, password: string, newPassword: string): Promise<Session> {
    const s = await this.request<Session>('POST', 'auth/change-password', { body: { email, password, newPassword }, anonymous: true });
    this.setSession(s);
    return s;
  }

  async signUp(body: unknown): Promise<Session> {
    const s = await this.request<Session>('POST', 'auth/sign-up', { body, anonymous: true });
    this.setSession(s);
    return s;
  }

  async signOut(): Promise<void> {
    const s = this.session;
    this.setSession(null);
    if (s) await this.request('POST', 'auth/sign-out', { body: { refreshToken: s.refreshToken }, anonymous: true }).catch(() => undefined);
  }

  /** Re-read the organisation (verification may have changed since sign-in) and rotate the tokens so their claims follow. */
  async reloadOrganisation(): Promise<void> {
    const before = this.session;
    if (!before) return;
    const me = await this.get<{ organisation: SessionOrganisation }>('me');
    const current = this.session;
    if (!current || current.user.id !== before.user.id) return;
    const changed = current.organisation.verificationStatus !== me.organisation.verificationStatus;
    this.setSession({ ...current, organisation: { ...current.organisation, ...me.organisation } });
    // The access token carries a `verified` claim: a fresh one lets newly granted powers work at once.
    if (changed) await this.refresh();
  }

  get<T>(path: string, query?: Record<string, string | number | boolean | undefined | null>): Promise<T> {
    return this.request<T>('GET', path, { query });
  }
  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, { body });
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  async request<T>(
    method: string,
    path: string,
    opts: { body?: unknown; query?: Record<string, string | number | boolean | undefined | null>; anonymous?: boolean } = {},
    retried = false,
  ): Promise<T> {
    const qs = opts.query
      ? new URLSearchParams(Object.entries(opts.query).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString()
      : '';
    const headers: Record<string, string> = { 'accept-language': this.lang === 'en' ? 'en' : 'zh-CN', accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (this.session && !opts.anonymous) headers.authorization = `Bearer ${this.session.accessToken}`;
    const res = await this.send(`${API_BASE}/${path}${qs ? `?${qs}` : ''}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    if (res.status === 401 && this.session && !opts.anonymous && !retried && (await this.refresh())) {
      return this.request<T>(method, path, opts, true);
    }
    const text = await res.text();
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    let data: unknown = text;
    if (text && isJson) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (!res.ok) {
      const body = (data && typeof data === 'object' ? data : {}) as { message?: string; details?: FieldDetail[]; currentState?: string };
      if (typeof body.message !== 'string') throw this.unavailable(res.status);
      throw new ApiError(res.status, body.message, body.details ?? [], body.currentState);
    }
    return data as T;
  }

  /** fetch, with a lost connection turned into an ApiError (status 0) worded for users instead of "Failed to fetch". */
  private async send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch {
      throw this.unavailable(0);
    }
  }

  private unavailable(status: number): ApiError {
    return new ApiError(status, translate(this.lang, status === 0 ? 'common.networkError' : 'common.serverError'), [], undefined, false);
  }

  /** multipart/form-data upload (files): same auth, language and error shape as JSON calls. */
  async upload<T>(path: string, form: FormData, query?: Record<string, string | boolean>): Promise<T> {
    const qs = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}` : '';
    const res = await this.send(`${API_BASE}/${path}${qs}`, { method: 'POST', body: form, headers: this.authHeaders() });
    const data = (await res.json().catch(() => ({}))) as { message?: string; details?: FieldDetail[]; currentState?: string };
    if (!res.ok && typeof data.message !== 'string') throw this.unavailable(res.status);
    if (!res.ok) throw new ApiError(res.status, data.message ?? `HTTP ${res.status}`, data.details ?? [], data.currentState);
    return data as T;
  }

  /** Files behind auth (certificates, private attachments): fetched with the token and handed to the browser as a blob URL. */
  async openFile(path: string, filename?: string): Promise<void> {
    const res = await this.send(path.startsWith('/') ? path : `${API_BASE}/${path}`, { headers: this.authHeaders() });
    if (!res.ok) throw this.unavailable(res.status);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    if (filename) a.download = filename;
    else a.target = '_blank';
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  authHeaders(): Record<string, string> {
    const h: Record<string, string> = { 'accept-language': this.lang === 'en' ? 'en' : 'zh-CN' };
    if (this.session) h.authorization = `Bearer ${this.session.accessToken}`;
    return h;
  }

  /** Rotate the refresh token once, shared by concurrent callers; a failed refresh signs out. */
  private refresh(): Promise<boolean> {
    if (!this.refreshing) {
      const s = this.session;
      this.refreshing = (async () => {
        if (!s) return false;
        try {
          const next = await this.request<Session>('POST', 'auth/refresh', { body: { refreshToken: s.refreshToken }, anonymous: true });
          this.setSession({ ...next, organisation: next.organisation ?? s.organisation });
          return true;
        } catch {
          this.setSession(null);
          return false;
        }
      })().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }
}

export const api = new ApiClient(typeof localStorage === 'undefined' ? null : localStorage);

export function hasRole(s: Session | null, ...roles: string[]): boolean {
  if (!s) return false;
  // The api acts on the roles in effect: a broker grant in an unverified organisation opens no broker workspace.
  const held = s.user.effectiveRoles ?? s.user.roles;
  return held.includes('platform-admin') || roles.some((r) => held.includes(r));
}
