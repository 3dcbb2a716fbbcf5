import { NotificationService } from '@techbridge/notification';
import { addMember, createTestApp, signUpOrganisation, TestApp } from '../support/test-app';
import { startTestSmtp, TestSmtp } from '../support/test-smtp';

describe('notification e-mail through SMTP', () => {
  let smtp: TestSmtp;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ worker: true, env: { SMTP_URL: smtp.url, SMTP_FROM: '科技大市场 <noreply@kjdsc.test>', PUBLIC_URL: 'https://kjdsc.test' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails a notification to its user, through the outbox and a job, in the user language with a link', async () => {
    const org = await signUpOrganisation(t.api, 'enterprise');
    await t.app.get(NotificationService).notify({
      userId: org.user.id, kind: 'match.suggested', title: { zh: '新的匹配成果：光伏清洗机器人', en: 'New match' }, body: { zh: '匹配度 82%', en: 'Score 82%' }, link: '/demands/x/matches',
    });
    await t.drain();
    const mail = await smtp.waitFor((m) => m.to.includes(org.user.email));
    expect(mail.subject).toBe('【科技成果转化平台】新的匹配成果：光伏清洗机器人');
    expect(mail.from).toBe('noreply@kjdsc.test');
    expect(mail.text).toContain('匹配度 82%');
    expect(mail.text).toContain('https://kjdsc.test/demands/x/matches');
  });

  it('mails every active member of an organisation once, and not those who turned the category off', async () => {
    const org = await signUpOrganisation(t.api, 'enterprise');
    const member = await addMember(t.api, org, ['member']);
    const off = await t.api.put('notifications/email-preferences', { categories: [{ category: 'demands', email: false }] }, { token: member.accessToken });
    expect(off.status).toBe(200);
    expect(off.body.emailAvailable).toBe(true);
    expect(off.body.categories.find((c: { category: string }) => c.category === 'demands')).toMatchObject({ email: false, label: { zh: '需求与揭榜' } });
    const mine = await t.api.get('notifications/email-preferences', { token: org.accessToken });
    expect(mine.body.categories.every((c: { email: boolean }) => c.email)).toBe(true);

    const notices = t.app.get(NotificationService);
    const note = { orgId: org.organisation.id, kind: 'demand.proposal-submitted', title: { zh: '收到新的揭榜方案', en: 'New proposal' }, dedupeKey: `proposal:${org.organisation.id}` };
    await notices.notify(note);
    await notices.notify(note); // a retried job: stored once, mailed once
    await t.drain();
    await smtp.waitFor((m) => m.to.includes(org.user.email) && m.subject.includes('收到新的揭榜方案'));
    const toAdmin = smtp.received.filter((m) => m.to.includes(org.user.email) && m.subject.includes('收到新的揭榜方案'));
    expect(toAdmin).toHaveLength(1);
    expect(smtp.received.filter((m) => m.to.includes(member.user.email))).toHaveLength(0);

    // The member still gets other categories by e-mail, and the in-app notice of the one turned off.
    await notices.notify({ orgId: org.organisation.id, kind: 'roadshow.agenda', title: { zh: '路演议程已发布', en: 'Agenda published' } });
    await t.drain();
    await smtp.waitFor((m) => m.to.includes(member.user.email) && m.subject.includes('路演议程已发布'));
    const inApp = await t.api.get('notifications', { token: member.accessToken });
    expect(inApp.body.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['demand.proposal-submitted', 'roadshow.agenda']));
  });

  it('refuses an unknown category or a non-boolean choice with field details', async () => {
    const org = await signUpOrganisation(t.api, 'enterprise');
    const bad = await t.api.put('notifications/email-preferences', { categories: [{ category: 'spam', email: 'yes' }] }, { token: org.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['categories[0].category', 'categories[0].email']));
  });
});

describe('notification e-mail without SMTP_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });
  afterAll(() => t?.close());

  it('keeps notifications in-app and says e-mail is unavailable', async () => {
    const org = await signUpOrganisation(t.api, 'enterprise');
    await t.app.get(NotificationService).notify({ userId: org.user.id, kind: 'match.suggested', title: { zh: '匹配', en: 'Match' } });
    await t.drain();
    const prefs = await t.api.get('notifications/email-preferences', { token: org.accessToken });
    expect(prefs.body.emailAvailable).toBe(false);
    const [{ n }] = await t.app.get(NotificationService)['tx'].manager.query(`SELECT count(*)::int AS n FROM outbox_message WHERE target = 'notification.send-email'`);
    expect(n).toBe(0);
  });
});
