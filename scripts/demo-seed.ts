/**
 * Demo data, loaded through the public API so it passes the same validation and permissions as a user.
 * Idempotent: a second run finds the demo organisations and skips what exists.
 * Each context adds its part as a step below.
 */
export interface DemoContext {
  base: string;
  admin: { accessToken: string };
  call<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  /** Sign in, or sign up when the account does not exist yet. */
  session(email: string, signUp: Record<string, unknown>): Promise<{ accessToken: string; organisation: { id: string } }>;
}

export type DemoStep = (ctx: DemoContext) => Promise<void>;

export const DEMO_PASSWORD = 'Demo-pass-2026';

const steps: DemoStep[] = [];

export async function seedDemoData(base: string, admin: { email: string; password: string }): Promise<void> {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${base}/api/v1/${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const signIn = await call('POST', 'auth/sign-in', admin);
  if (signIn.status !== 200) throw new Error(`demo: admin sign-in failed (${signIn.status})`);
  const session: DemoContext['session'] = async (email, signUp) => {
    const existing = await call('POST', 'auth/sign-in', { email, password: DEMO_PASSWORD });
    if (existing.status === 200) return existing.body;
    const created = await call('POST', 'auth/sign-up', { email, password: DEMO_PASSWORD, ...signUp });
    if (created.status !== 201) throw new Error(`demo: sign-up of ${email} failed: ${JSON.stringify(created.body)}`);
    return created.body;
  };
  const ctx: DemoContext = { base, admin: signIn.body, call, session };
  for (const step of steps) await step(ctx);
  console.log(`demo data ready (${steps.length} step(s))`);
}

export function registerDemoStep(step: DemoStep): void {
  steps.push(step);
}
