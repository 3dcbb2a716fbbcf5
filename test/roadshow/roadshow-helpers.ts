import { MovableClock } from '@techbridge/platform';
import { Api, Session } from '../support/test-app';

/** Publish an achievement through the real catalog workflow (create → submit → approve). */
export async function publishAchievement(api: Api, owner: Session, admin: Session, overrides: Record<string, unknown> = {}): Promise<string> {
  const body = {
    title: '高效钙钛矿-晶硅叠层光伏电池制备技术',
    summary: '本成果开发了钙钛矿-晶硅叠层光伏电池的低温制备工艺，光电转换效率达到28.6%，组件衰减率低于2%/年，可应用于分布式光伏电站和建筑光伏一体化场景。已获发明专利授权。',
    keywords: ['钙钛矿', '光伏电池'],
    industry: 'new-energy',
    field: 'photovoltaics',
    trl: 6,
    trlEvidence: '中试线连续运行 500 小时，第三方检测报告',
    trlAssessedBy: 'third-party',
    transferModes: ['license'],
    pricingMethod: 'negotiated',
    askingPrice: 1000000,
    patents: ['CN202110123456.7'],
    fundingSource: 'national-program',
    contact: { name: '王老师', phone: '010-62780000', email: 'tto@example.edu.cn' },
    ...overrides,
  };
  const created = await api.post('achievements', body, { token: owner.accessToken });
  if (created.status !== 201) throw new Error(`create achievement: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const submitted = await api.post(`achievements/${id}/submit`, {}, { token: owner.accessToken });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const approved = await api.post(`achievements/${id}/approve`, { comment: '同意' }, { token: admin.accessToken });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  return id;
}

export const START = '2026-06-01T00:00:00.000Z';

/** A one-morning event on 10 June 2026 (Beijing 09:00-12:00 = 01:00-04:00Z); 20-minute slots → 9 slots. */
export function eventBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '京南示范区新能源与数字经济成果路演',
    themeIndustries: ['new-energy', 'digital'],
    parkCode: 'gaobeidian-innovation',
    venue: '高碑店市创新中心 3 楼',
    days: [{ date: '2026-06-10', opensAt: '09:00', closesAt: '12:00' }],
    slotMinutes: 20,
    tableCount: 2,
    capacity: 10,
    sessionRooms: 2,
    presentationMinutes: 15,
    registrationOpensAt: '2026-05-01T00:00:00.000Z',
    registrationClosesAt: '2026-06-08T00:00:00.000Z',
    ...overrides,
  };
}

export function resetClock(clock: MovableClock): void {
  clock.set(START);
}
