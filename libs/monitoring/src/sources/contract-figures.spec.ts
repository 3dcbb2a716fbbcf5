import { contractFigures, ContractRow } from './contract-figures';

const parks = ['p1', 'p2'];
const row = (id: string, park: string | null, amount: number, direction: string, extra: Partial<ContractRow> = {}): ContractRow => ({
  id, park, type: 'consulting', direction, contractAmount: amount, technologyAmount: amount / 2, brokerUserId: null, transferInstitutionId: null, ...extra,
});

describe('contract figures', () => {
  const rows = [
    row('c1', 'p1', 100.1, 'absorbed-bj-tj', { brokerUserId: 'b1', transferInstitutionId: 'i1' }),
    row('c2', 'p1', 200.2, 'within-province', { brokerUserId: 'b1', type: 'service' }),
    row('c3', null, 50, 'absorbed-bj-tj', { brokerUserId: 'b2' }),
  ];
  const figs = contractFigures(rows, parks);
  const get = (ind: string, park: string | null, breakdown = '') => figs.find((f) => f.indicator === ind && f.park === park && f.breakdown === breakdown)!;

  it('sums to the fen per park and for the zone (unattributed contracts count for the zone only), with record ids', () => {
    expect(get('contract-amount', 'p1').value).toBe(300.3);
    expect(get('contract-amount', 'p1').records.map((r) => r.id)).toEqual(['c1', 'c2']);
    expect(get('contract-amount', null).value).toBe(350.3);
    expect(get('contracts-registered', 'p2').value).toBe(0);
    expect(get('contracts-registered', null, 'type:service').value).toBe(1);
    expect(get('technology-amount', 'p1', 'direction:within-province').value).toBe(100.1);
  });

  it('shares and distinct counts', () => {
    expect(get('absorbed-bj-tj-share', 'p1').value).toBeCloseTo((100.1 / 300.3) * 100, 3);
    expect(get('absorbed-bj-tj-share', 'p2').value).toBeNull();
    expect(get('active-brokers', 'p1').value).toBe(1);
    expect(get('active-brokers', null).value).toBe(2);
    expect(get('active-institutions', null).records).toEqual([{ type: 'transfer-institution', id: 'i1' }]);
  });
});
