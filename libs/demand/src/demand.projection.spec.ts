import { DEMANDS_INDEX_SETTINGS, isIndexable, projectDemand } from './demand.projection';
import { Demand } from './entities/demand.entity';

/** The fields agreed with the matching context for the `demands` index. */
const CONTRACT_FIELDS = [
  'id', 'version', 'title', 'description', 'keywords', 'industry', 'field', 'minTrl', 'budget', 'cooperationModes', 'park', 'enterpriseId', 'enterpriseName',
  'enterpriseRegion', 'qualifications', 'visibility', 'status', 'deadline', 'publishedAt',
];

function demand(overrides: Partial<Demand> = {}): Demand {
  return Object.assign(new Demand(), {
    id: 'd1', version: 3, title: '标题', description: '描述描述描述描述描述', keywords: ['脱硝'], industry: 'energy-saving-environmental', field: 'air-pollution',
    minTrl: 6, budget: 1000000, cooperationModes: ['transfer'], park: 'sjz-hitech', deadlineAt: new Date('2026-06-30T16:00:00Z'), visibility: 'members',
    enterpriseId: 'e1', enterpriseName: '某钢铁', enterpriseRegion: 'HE', qualifications: ['high-tech'], status: 'published',
    publishedAt: new Date('2026-01-01T00:00:00Z'), createdAt: new Date('2025-12-01T00:00:00Z'), ...overrides,
  });
}

describe('demands projection', () => {
  it('builds exactly the contract document, times as epoch ms', () => {
    const doc = projectDemand(demand());
    expect(Object.keys(doc).sort()).toEqual([...CONTRACT_FIELDS].sort());
    expect(doc.deadline).toBe(Date.parse('2026-06-30T16:00:00Z'));
    expect(doc.publishedAt).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(projectDemand(demand({ deadlineAt: null, budget: null })).deadline).toBeNull();
  });

  it('indexes only published and in-negotiation demands', () => {
    expect(['draft', 'published', 'in-negotiation', 'solved', 'closed', 'expired'].filter((s) => isIndexable({ status: s as Demand['status'] }))).toEqual(['published', 'in-negotiation']);
  });

  it('can filter on everything the search and matching filter on', () => {
    for (const f of ['industry', 'field', 'park', 'cooperationModes', 'status', 'visibility', 'enterpriseId', 'minTrl', 'budget']) {
      expect(DEMANDS_INDEX_SETTINGS.filterableAttributes).toContain(f);
    }
  });
});
