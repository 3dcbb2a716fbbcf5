import { Api, Session } from '../support/test-app';

/** A date `days` from `now` as YYYY-MM-DD (Beijing calendar is close enough at day granularity for tests). */
export function dateIn(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export function demandBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '烧结机头烟气氮氧化物经常超标',
    description: '我公司两台烧结机机头烟气氮氧化物排放经常超过超低排放限值，现有SCR系统温度窗口不匹配，需要低温脱硝或一体化脱硫脱硝技术。',
    keywords: ['烧结烟气', '脱硝'],
    industry: 'energy-saving-environmental',
    field: 'air-pollution',
    minTrl: 6,
    budget: 3_000_000,
    cooperationModes: ['transfer', 'joint-development'],
    park: 'sjz-hitech',
    visibility: 'public',
    enterprise: { qualifications: ['high-tech'] },
    contact: { name: '王工', phone: '0311-12345678' },
    ...overrides,
  };
}

export async function createDemand(api: Api, owner: Session, overrides: Record<string, unknown> = {}, publish = true): Promise<any> {
  const res = await api.post('demands', demandBody(overrides), { token: owner.accessToken });
  if (res.status !== 201) throw new Error(`create demand failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (!publish) return res.body;
  const pub = await api.post(`demands/${res.body.id}/publish`, {}, { token: owner.accessToken });
  if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${JSON.stringify(pub.body)}`);
  return pub.body;
}

export function proposalBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    approach: '采用活性焦一体化脱硫脱硝工艺，在120-160℃低温窗口实现NOx去除率85%以上。',
    team: [{ name: '李教授', title: '教授', role: '负责人' }],
    price: 2_500_000,
    timeline: '3个月中试，6个月工业应用',
    durationMonths: 9,
    ...overrides,
  };
}
