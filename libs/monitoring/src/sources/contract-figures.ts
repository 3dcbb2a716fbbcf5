import { ComputedFigure, distinct, tally } from './computed-source';

/** A registered technology contract as the contract indicators need it. */
export interface ContractRow {
  id: string;
  park: string | null;
  type: string;
  direction: string;
  contractAmount: number;
  technologyAmount: number;
  brokerUserId: string | null;
  transferInstitutionId: string | null;
}

export const CONTRACT_INDICATORS = [
  'contracts-registered', 'contract-amount', 'technology-amount', 'absorbed-bj-tj-amount', 'absorbed-bj-tj-share', 'active-brokers', 'active-institutions',
] as const;

const ABSORBED = 'absorbed-bj-tj';

/** Contract indicators for a quarter from its registered contracts, by type and direction as breakdowns. */
export function contractFigures(rows: ContractRow[], parks: readonly string[]): ComputedFigure[] {
  const ref = (r: ContractRow) => ({ type: 'technology-contract', id: r.id });
  const breakdowns = (r: ContractRow) => [`type:${r.type}`, `direction:${r.direction}`];
  const count = tally('contracts-registered', rows.map((r) => ({ ref: ref(r), park: r.park, breakdowns: breakdowns(r) })), parks, 'count');
  const amount = tally('contract-amount', rows.map((r) => ({ ref: ref(r), park: r.park, amount: r.contractAmount, breakdowns: breakdowns(r) })), parks, 'sum');
  const tech = tally('technology-amount', rows.map((r) => ({ ref: ref(r), park: r.park, amount: r.technologyAmount, breakdowns: breakdowns(r) })), parks, 'sum');
  const absorbedRows = rows.filter((r) => r.direction === ABSORBED);
  const absorbed = tally('absorbed-bj-tj-amount', absorbedRows.map((r) => ({ ref: ref(r), park: r.park, amount: r.contractAmount })), parks, 'sum');
  const totalByPark = new Map(amount.filter((f) => f.breakdown === '').map((f) => [f.park, f.value ?? 0]));
  const share: ComputedFigure[] = absorbed.map((a) => {
    const total = totalByPark.get(a.park) ?? 0;
    return { indicator: 'absorbed-bj-tj-share', park: a.park, breakdown: '', value: total > 0 ? Math.round(((a.value ?? 0) / total) * 1_000_000) / 10_000 : null, records: a.records };
  });
  const brokers = distinct('active-brokers', rows.map((r) => ({ park: r.park, ref: r.brokerUserId ? { type: 'broker', id: r.brokerUserId } : null })), parks);
  const institutions = distinct('active-institutions', rows.map((r) => ({ park: r.park, ref: r.transferInstitutionId ? { type: 'transfer-institution', id: r.transferInstitutionId } : null })), parks);
  return [...count, ...amount, ...tech, ...absorbed, ...share, ...brokers, ...institutions];
}
