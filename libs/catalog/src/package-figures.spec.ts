import { packageFigures } from './package-figures';

describe('package figures', () => {
  it('computes the TRL range, the priced total and counts negotiable items apart', () => {
    const f = packageFigures([
      { trl: 4, askingPrice: 100000.1, ownerId: 'a', ownerName: '甲大学' },
      { trl: 7, askingPrice: null, ownerId: 'b', ownerName: '乙研究院' },
      { trl: 6, askingPrice: 0.2, ownerId: 'a', ownerName: '甲大学' },
    ]);
    expect(f).toEqual({ trlMin: 4, trlMax: 7, totalAskingPrice: 100000.3, negotiableCount: 1, owners: [{ id: 'a', name: '甲大学', count: 2 }, { id: 'b', name: '乙研究院', count: 1 }] });
  });
  it('handles an empty package', () => {
    expect(packageFigures([])).toMatchObject({ trlMin: null, trlMax: null, totalAskingPrice: 0, negotiableCount: 0, owners: [] });
  });
});
