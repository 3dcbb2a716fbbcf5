/** What a package shows about its achievements: TRL range, total asking price with negotiable items counted apart, owners. */
export interface PackageMember {
  trl: number;
  askingPrice: number | null;
  ownerId: string;
  ownerName: string;
}

export interface PackageFigures {
  trlMin: number | null;
  trlMax: number | null;
  totalAskingPrice: number;
  negotiableCount: number;
  owners: Array<{ id: string; name: string; count: number }>;
}

export function packageFigures(members: PackageMember[]): PackageFigures {
  const trls = members.map((m) => m.trl);
  const owners = new Map<string, { id: string; name: string; count: number }>();
  let cents = 0;
  let negotiableCount = 0;
  for (const m of members) {
    // Sum in cents: prices are numeric(18,2) and floats would drift.
    if (m.askingPrice === null) negotiableCount++;
    else cents += Math.round(m.askingPrice * 100);
    const o = owners.get(m.ownerId) ?? { id: m.ownerId, name: m.ownerName, count: 0 };
    o.count++;
    owners.set(m.ownerId, o);
  }
  return {
    trlMin: trls.length ? Math.min(...trls) : null,
    trlMax: trls.length ? Math.max(...trls) : null,
    totalAskingPrice: cents / 100,
    negotiableCount,
    owners: [...owners.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh')),
  };
}
