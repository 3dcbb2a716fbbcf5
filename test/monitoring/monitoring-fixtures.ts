import type { DataSource } from 'typeorm';

export interface SeededContract {
  park: string | null;
  type: string;
  sellerRegion: 'BJ' | 'TJ' | 'HE' | 'other';
  buyerRegion: 'BJ' | 'TJ' | 'HE' | 'other';
  contractAmount: string;
  technologyAmount: string;
  /** ISO instant; null leaves the contract under review (not registered). */
  registeredAt: string | null;
  brokerUserId?: string | null;
  transferInstitutionId?: string | null;
}

let serial = 0;

/**
 * A data-set fixture: technology contracts written straight into the contracts context's table, as if they had
 * gone through registration (that workflow is the contracts suite's to test). Monitoring reads them back only
 * through ContractsService, the same way production does.
 */
export async function seedContracts(ds: DataSource, seller: { orgId: string; userId: string }, rows: SeededContract[]): Promise<string[]> {
  const ids: string[] = [];
  for (const r of rows) {
    serial += 1;
    const registered = r.registeredAt !== null;
    const [{ id }] = await ds.query(
      `INSERT INTO technology_contract (title, type, seller_org_id, seller_name, seller_region, seller_legal_type, buyer_name, buyer_credit_code, buyer_region, buyer_legal_type,
         contract_amount, technology_amount, signed_on, park_code, broker_user_id, transfer_institution_id, status, submission_count, registration_number, registered_at, created_by)
       VALUES ($1,$2,$3,'卖方大学',$4,'university','买方企业','91130100MA0000000X',$5,'enterprise',$6,$7,'2025-01-10',$8,$9,$10,$11,1,$12,$13,$14) RETURNING id`,
      [
        `监测测试合同${serial}`, r.type, seller.orgId, r.sellerRegion, r.buyerRegion, r.contractAmount, r.technologyAmount, r.park, r.brokerUserId ?? null, r.transferInstitutionId ?? null,
        registered ? 'registered' : 'under-review', registered ? `2026130100${String(process.pid % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}` : null, r.registeredAt, seller.userId,
      ],
    );
    ids.push(id);
  }
  return ids;
}

/** The truth the monitoring figures must equal, straight from the records. */
export async function contractTruth(ds: DataSource, from: string, to: string): Promise<Array<{ park: string | null; n: number; amount: number; tech: number; absorbed: number; ids: string[] }>> {
  const rows = await ds.query(
    `SELECT park_code AS park, count(*)::int AS n, sum(contract_amount)::text AS amount, sum(technology_amount)::text AS tech,
            coalesce(sum(contract_amount) FILTER (WHERE buyer_region = 'HE' AND seller_region IN ('BJ','TJ')), 0)::text AS absorbed, array_agg(id::text ORDER BY id) AS ids
       FROM technology_contract WHERE status = 'registered' AND registered_at >= $1 AND registered_at < $2 GROUP BY park_code`,
    [from, to],
  );
  return rows.map((r: { park: string | null; n: number; amount: string; tech: string; absorbed: string; ids: string[] }) => ({
    park: r.park, n: r.n, amount: Number(r.amount), tech: Number(r.tech), absorbed: Number(r.absorbed), ids: r.ids,
  }));
}
