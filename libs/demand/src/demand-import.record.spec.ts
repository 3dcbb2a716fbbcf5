import { completeCreditCode } from '@techbridge/platform';
import { demandFromRow, regionOfCreditCode, validateDemandRecord } from './demand-import.record';

const good = {
  externalId: 'D-1',
  title: '烧结烟气脱硝',
  description: '烧结机头烟气氮氧化物经常超标，需要低温脱硝技术。',
  industry: 'energy-saving-environmental',
  field: 'air-pollution',
  minTrl: 6,
  budget: 1000000,
  enterprise: { name: '河北某钢铁有限公司', creditCode: completeCreditCode('91130100MA0000001') },
};

describe('demand import record', () => {
  it('accepts a schema-valid line', () => {
    expect('record' in validateDemandRecord(good)).toBe(true);
  });

  it('names the field of each problem', () => {
    const fields = (raw: unknown) => ('errors' in validateDemandRecord(raw) ? (validateDemandRecord(raw) as { errors: Array<{ field: string }> }).errors.map((e) => e.field) : []);
    expect(fields({ ...good, minTrl: 0 })).toContain('minTrl');
    expect(fields({ ...good, budget: -1 })).toContain('budget');
    expect(fields({ ...good, enterprise: { ...good.enterprise, creditCode: '91130100MA00000010' } })).toContain('enterprise.creditCode');
    expect(fields({ ...good, contact: { name: 'x' } })).toContain('contact');
    expect(fields({ ...good, externalId: undefined })).toContain('externalId');
    expect(fields({ ...good, field: 'photovoltaics' })).toContain('field');
    expect(fields({ ...good, enterprise: {} })).toContain('enterprise.name');
  });

  it('maps a CSV row and reads the region from the credit code', () => {
    const row = demandFromRow({ externalId: 'D-2', title: 't', description: 'd', industry: 'digital', minTrl: '5', budget: '1,000', cooperationModes: 'transfer;license', 'enterprise.name': '某公司' });
    expect(row).toEqual(expect.objectContaining({ minTrl: 5, budget: 1000, cooperationModes: ['transfer', 'license'], enterprise: { name: '某公司' } }));
    expect(regionOfCreditCode('91110108MA0000000X')).toBe('BJ');
    expect(regionOfCreditCode('91130100MA0000000X')).toBe('HE');
  });
});
