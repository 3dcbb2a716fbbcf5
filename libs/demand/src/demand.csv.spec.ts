import { csvCell, demandCsvRow } from './demand.csv';

describe('demand csv', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(['a', 'b'])).toBe('a;b');
    expect(csvCell(null)).toBe('');
  });

  it('leaves the hidden columns of a redacted row empty', () => {
    const row = demandCsvRow({ id: 'x', redacted: true, visibility: 'brokers', title: '标题', industry: 'new-energy', field: null, park: 'sjz-hitech' });
    expect(row).toBe('x,标题,new-energy,新能源,,,sjz-hitech,石家庄国家高新区,brokers,仅技术经纪人,true,,,,,,,,,,,,,');
  });
});
