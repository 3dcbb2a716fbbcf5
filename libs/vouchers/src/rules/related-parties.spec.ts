import { relationBetween } from './related-parties';
import { screen } from './eligibility';

describe('related parties', () => {
  const a = { creditCode: '91130100AAAAAAAAAA', legalRepresentative: '张 三' };
  it('names each relation', () => {
    expect(relationBetween(a, { creditCode: '91130100aaaaaaaaaa', legalRepresentative: '李四' }, [])).toBe('same-credit-code');
    expect(relationBetween(a, { creditCode: '91130100BBBBBBBBBB', legalRepresentative: '张三' }, [])).toBe('same-legal-representative');
    expect(relationBetween(a, { creditCode: '91130100BBBBBBBBBB', legalRepresentative: '李四' }, [['91130100BBBBBBBBBB', '91130100AAAAAAAAAA']])).toBe('shareholder');
    expect(relationBetween(a, { creditCode: '91130100BBBBBBBBBB', legalRepresentative: '李四' }, [['91130100CCCCCCCCCC', '91130100AAAAAAAAAA']])).toBeNull();
    // Two organisations without credit codes are not the same organisation.
    expect(relationBetween({ creditCode: '', legalRepresentative: '甲' }, { creditCode: '', legalRepresentative: '乙' }, [])).toBeNull();
  });
});

describe('eligibility screening', () => {
  it('checks each rule against its figure', () => {
    const out = screen([{ rule: 'sme-staff-max', figure: 500 }, { rule: 'rd-share-min', figure: 3 }, { rule: 'ip-rights-min', figure: 1 }], { staff: 501, revenueYuan: 1e6, rdSharePercent: 3, ipRights: 0 });
    expect(out.map((o) => [o.rule, o.passed])).toEqual([['sme-staff-max', false], ['rd-share-min', true], ['ip-rights-min', false]]);
  });
});
