import { achievementFromRow, validateAchievementRecord } from './achievement-record';

const good = {
  externalId: 'x-1',
  title: '高性能锂电池正极材料',
  summary: '能量密度提升20%，适用于动力电池。',
  industry: 'new-energy-vehicles',
  field: 'power-batteries',
  trl: 5,
  owner: { name: '某大学', type: 'university', region: 'BJ' },
};
const fields = (raw: unknown) => {
  const r = validateAchievementRecord(raw);
  return 'errors' in r ? r.errors.map((e) => e.field) : [];
};

describe('achievement import record validation', () => {
  it('accepts a schema-valid record', () => {
    expect(fields(good)).toEqual([]);
  });
  it('reports each bad field by name', () => {
    expect(fields({ ...good, title: undefined })).toEqual(['title']);
    expect(fields({ ...good, industry: 'space-mining', field: undefined })).toEqual(['industry']);
    expect(fields({ ...good, trl: 12 })).toEqual(['trl']);
    expect(fields({ ...good, trl: 4.5 })).toEqual(['trl']);
    expect(fields({ ...good, askingPrice: -1 })).toEqual(['askingPrice']);
    expect(fields({ ...good, field: 'hydrogen' })).toEqual(['field']);
    expect(fields({ ...good, transferModes: ['lease'] })).toEqual(['transferModes[0]']);
    expect(fields({ ...good, owner: { name: '某大学', type: 'alien', region: 'BJ' } })).toEqual(['owner.type']);
    expect(fields({ ...good, colour: 'red' })).toEqual(['colour']);
    expect(fields([1, 2])).toEqual(['']);
  });
  it('maps a flat CSV row into the record shape', () => {
    const raw = achievementFromRow({ externalId: 'c-1', title: '标题标题', summary: '摘要摘要摘要摘要摘要', industry: 'digital', trl: '7', askingPrice: '', keywords: '大数据;人工智能', 'owner.name': '某研究院', 'owner.type': 'institute', 'owner.region': 'TJ' });
    expect(raw).toMatchObject({ trl: 7, keywords: ['大数据', '人工智能'], owner: { name: '某研究院', type: 'institute', region: 'TJ' } });
    expect(raw).not.toHaveProperty('askingPrice');
    expect(fields(raw)).toEqual([]);
  });
});
