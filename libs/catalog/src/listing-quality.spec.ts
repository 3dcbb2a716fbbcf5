import { listingQualityWarnings } from './listing-quality';

const codes = (summary: string, patents: string[] = []) => listingQualityWarnings({ summary, patents }).map((w) => w.code);

describe('listing quality', () => {
  it('accepts a summary with figures, a scenario and patent numbers', () => {
    expect(codes('一种高效钙钛矿光伏组件封装工艺，组件效率提升至23.5%，可应用于分布式光伏电站。已获发明专利。', ['CN202110123456.7'])).toEqual([]);
  });
  it('warns on no quantified indicator and no scenario', () => {
    expect(codes('一种新型材料制备方法，性能优良，工艺简单。')).toEqual(['NO_QUANTIFIED_INDICATOR', 'NO_APPLICATION_SCENARIO']);
  });
  it('warns when a patent is claimed without a number, and on malformed numbers', () => {
    expect(codes('拥有多项专利，强度≥1200 MPa，适用于汽车轻量化。')).toEqual(['PATENT_NUMBER_MISSING']);
    expect(codes('强度达到1200 MPa，适用于汽车轻量化。', ['abc'])).toEqual(['PATENT_NUMBER_MALFORMED']);
  });
});
