/**
 * bench:scale's data, written by set-based SQL: a million rows are one INSERT … SELECT FROM generate_series per chunk,
 * not a million service calls. Texts come from a pool of generated achievements (templates) whose search fields are
 * segmented once in JavaScript; row n takes template n mod the pool size, so documents repeat texts but every row has
 * its own id, owner, dates and amounts. The search documents are written beside the rows they project, in the shape
 * the projections give (AchievementDocument, DemandDocument).
 */
import type { SearchDocument } from '@techbridge/platform';
import type { AchievementImportRecord } from '../../libs/catalog/src/import/achievement-record';

const FISCAL = new Set(['national-program', 'provincial-program', 'municipal-program']);
const STAGE = (trl: number) => (trl <= 3 ? 'lab' : trl <= 5 ? 'bench' : trl <= 7 ? 'pilot' : 'industrial');
/** Identity keeps individuals and others as enterprise-type organisations (as the import does). */
const ORG_TYPE = (t: string) => (t === 'university' || t === 'institute' ? t : 'enterprise');
const CITIES = ['石家庄', '保定', '廊坊', '衡水', '沧州', '邢台', '唐山', '天津', '北京', '雄安'];
const TRADES = ['新能源', '智能装备', '生物医药', '新材料', '电子信息', '节能环保', '现代农业', '精细化工', '汽车零部件', '数字科技'];
export const SCALE_ENTERPRISES = 1000;

export interface ScaleTemplate {
  n: number;
  owner_name: string;
  owner_org_type: string;
  owner_region: string;
  achievement: SearchDocument;
  demand: SearchDocument;
}

type Segment = (doc: SearchDocument, searchable: string[]) => SearchDocument;

/** `count` templates from the generator, with their search fields, and the enterprises' names with theirs (last template's extra). */
export function scaleTemplates(
  count: number,
  generate: (i: number) => AchievementImportRecord,
  segment: Segment,
  searchable: { achievements: string[]; demands: string[] },
): Array<ScaleTemplate & { enterprise: { name: string; terms: unknown } }> {
  const out = [];
  for (let n = 0; n < count; n++) {
    const r = generate(n);
    const achievement = segment(
      {
        id: '', version: 1, title: r.title, summary: r.summary, keywords: r.keywords ?? [], industry: r.industry, field: r.field ?? null, trl: r.trl,
        stage: STAGE(r.trl), transferModes: r.transferModes ?? [], pricingMethod: null, askingPrice: r.askingPrice ?? null, negotiable: r.askingPrice == null,
        fundingSource: r.fundingSource ?? null, fiscallyFunded: FISCAL.has(r.fundingSource ?? ''), patents: r.patents ?? [], hasPatent: (r.patents ?? []).length > 0,
        award: r.award ?? null, ownerName: r.owner.name, ownerType: r.owner.type, ownerRegion: r.owner.region, source: 'scale',
      },
      searchable.achievements,
    );
    const terms = r.keywords?.length ? r.keywords : [r.title];
    // An enterprise's words: what it needs and where it is stuck, from the same vocabulary.
    const demand = segment(
      {
        id: '', version: 1, title: `寻求${terms[0]}相关技术合作`, description: `我公司计划在${terms.join('、')}方向开展技术改造，寻求成熟技术转让或联合开发，需具备中试以上基础。`,
        keywords: terms, industry: r.industry, field: r.field ?? null, minTrl: Math.max(1, r.trl - 2), budget: 500_000 + (n % 40) * 50_000,
        cooperationModes: ['transfer', 'joint-development'], qualifications: [], visibility: 'public', status: 'published', deadline: null, enterpriseName: '',
      },
      searchable.demands.filter((a) => a !== 'enterpriseName'),
    );
    const name = `${CITIES[n % CITIES.length]}${TRADES[Math.floor(n / CITIES.length) % TRADES.length]}科技有限公司${n >= 100 ? `第${Math.floor(n / 100)}分公司` : ''}`;
    const enterprise = { name, terms: n < SCALE_ENTERPRISES ? (segment({ id: '', version: 1, enterpriseName: name }, ['enterpriseName']).searchTerms as Record<string, unknown>).enterpriseName : null };
    out.push({ n, owner_name: r.owner.name, owner_org_type: ORG_TYPE(r.owner.type), owner_region: r.owner.region, achievement, demand, enterprise });
  }
  return out;
}

const PHYSICAL = (index: string) => `coalesce((SELECT physical_name FROM search_index_alias WHERE index_name = '${index}'), '${index}')`;
/** Row g's instant: spread over 2023-01-01 … 2026-11-30 (Beijing), days and seconds scattered. */
const AT = `(timestamptz '2023-01-01 00:00:00+08' + ((g::bigint * 7919) % 1430) * interval '1 day' + ((g::bigint * 104729) % 86400) * interval '1 second')`;
const PARKS = `(SELECT array_agg(code ORDER BY code) FROM ref_park)`;
const CONTRACT_TYPES = `ARRAY['development-commissioned','development-cooperative','transfer-patent','transfer-patent-application','transfer-tech-secret','transfer-other','license-patent','license-tech-secret','consulting','service','service-training','service-brokerage']`;

/** Parameters of the row statements: $1 first g, $2 last g, $3 the acting user, $4 the template count. */
export const SCALE_SEED_SQL = {
  templateTable: `DROP TABLE IF EXISTS scale_template; CREATE TABLE scale_template (n int PRIMARY KEY, owner_name text, owner_org_type text, owner_region text, achievement jsonb, demand jsonb, enterprise jsonb)`,
  insertTemplates: `INSERT INTO scale_template SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS t(n int, owner_name text, owner_org_type text, owner_region text, achievement jsonb, demand jsonb, enterprise jsonb)`,
  organisations: `
    INSERT INTO organisation (name, type, region, park_code, claimed, version)
      SELECT DISTINCT ON (owner_name, owner_org_type) owner_name, owner_org_type, owner_region, NULL, false, 1 FROM scale_template;
    INSERT INTO organisation (name, type, region, credit_code, park_code, claimed, version, profile)
      SELECT enterprise->>'name', 'enterprise', (ARRAY['HE','HE','HE','BJ','TJ'])[1 + n % 5], 'SCALE' || lpad(n::text, 13, '0'), ${PARKS}[1 + n % 11], false, 1,
             jsonb_build_object('scaleTerms', enterprise->'terms')
        FROM scale_template WHERE n < ${SCALE_ENTERPRISES};
    INSERT INTO organisation (name, type, region, claimed, version, verification_status, verified_at)
      SELECT '技术转移机构' || g, 'transfer-institution', 'HE', false, 1, 'verified', now() FROM generate_series(1, 20) g`,
  achievements: `
    WITH src AS (
      SELECT g, t.achievement AS doc, o.id AS owner_id, ${AT} AS at
        FROM generate_series($1::int, $2::int) g
        JOIN scale_template t ON t.n = g % $4
        JOIN organisation o ON o.name = t.owner_name AND o.type = t.owner_org_type AND NOT o.claimed AND o.credit_code IS NULL
    ), ins AS (
      INSERT INTO achievement (owner_id, owner_type, source, external_id, title, summary, keywords, industry, field, trl, stage, transfer_modes, asking_price,
                               patents, funding_source, award, status, created_by, submitted_at, published_at, created_at, updated_at)
      SELECT owner_id, doc->>'ownerType', 'scale', 'a' || g, doc->>'title', doc->>'summary', ARRAY(SELECT jsonb_array_elements_text(doc->'keywords')),
             doc->>'industry', doc->>'field', (doc->>'trl')::int, doc->>'stage', ARRAY(SELECT jsonb_array_elements_text(doc->'transferModes')),
             (doc->>'askingPrice')::numeric, ARRAY(SELECT jsonb_array_elements_text(doc->'patents')), doc->>'fundingSource', doc->>'award',
             'published', $3::uuid, at, at, at, at
        FROM src
      RETURNING id, version, owner_id, external_id, published_at
    )
    INSERT INTO search_document (index_name, doc_id, version, document, seq, deleted)
    SELECT ${PHYSICAL('achievements')}, ins.id::text, ins.version,
           t.achievement || jsonb_build_object('id', ins.id, 'version', ins.version, 'ownerId', ins.owner_id, 'publishedAt', (extract(epoch FROM ins.published_at) * 1000)::bigint),
           nextval('search_document_seq'), false
      FROM ins JOIN scale_template t ON t.n = substr(ins.external_id, 2)::int % $4`,
  demands: `
    WITH ent AS (SELECT row_number() OVER (ORDER BY name) - 1 AS k, * FROM organisation WHERE type = 'enterprise' AND credit_code LIKE 'SCALE%'),
    src AS (
      SELECT g, t.demand AS doc, e.id AS ent_id, e.name AS ent_name, e.region AS ent_region, e.park_code, e.profile->'scaleTerms' AS ent_terms, ${AT} AS at
        FROM generate_series($1::int, $2::int) g
        JOIN scale_template t ON t.n = g % $4
        JOIN ent e ON e.k = g % ${SCALE_ENTERPRISES}
    ), ins AS (
      INSERT INTO demand (source, external_id, title, description, keywords, industry, field, min_trl, budget, cooperation_modes, park, visibility,
                          enterprise_id, enterprise_name, enterprise_region, status, published_at, status_changed_at, created_by, created_at, updated_at)
      SELECT 'scale', 'd' || g, doc->>'title', doc->>'description', ARRAY(SELECT jsonb_array_elements_text(doc->'keywords')), doc->>'industry', doc->>'field',
             (doc->>'minTrl')::int, (doc->>'budget')::numeric, ARRAY['transfer','joint-development'], park_code, 'public',
             ent_id, ent_name, ent_region, 'published', at, at, $3::uuid, at, at
        FROM src
      RETURNING id, version, external_id, park, enterprise_id, enterprise_name, enterprise_region, published_at
    )
    INSERT INTO search_document (index_name, doc_id, version, document, seq, deleted)
    SELECT ${PHYSICAL('demands')}, ins.id::text, ins.version,
           t.demand || jsonb_build_object('id', ins.id, 'version', ins.version, 'park', ins.park, 'enterpriseId', ins.enterprise_id, 'enterpriseName', ins.enterprise_name,
             'enterpriseRegion', ins.enterprise_region, 'publishedAt', (extract(epoch FROM ins.published_at) * 1000)::bigint,
             'searchTerms', (t.demand->'searchTerms') || jsonb_build_object('enterpriseName', src.ent_terms)),
           nextval('search_document_seq'), false
      FROM ins JOIN scale_template t ON t.n = substr(ins.external_id, 2)::int % $4
      JOIN src ON src.g = substr(ins.external_id, 2)::int`,
  contracts: `
    WITH seller AS (SELECT row_number() OVER (ORDER BY name) - 1 AS k, id, name, region, type FROM organisation WHERE NOT claimed AND type IN ('university', 'institute')),
    buyer AS (SELECT row_number() OVER (ORDER BY name) - 1 AS k, id, name, region, credit_code FROM organisation WHERE credit_code LIKE 'SCALE%'),
    broker AS (SELECT row_number() OVER (ORDER BY name) - 1 AS k, id FROM organisation WHERE type = 'transfer-institution'),
    n AS (SELECT (SELECT count(*) FROM seller) AS sellers, (SELECT count(*) FROM buyer) AS buyers, (SELECT count(*) FROM broker) AS brokers)
    INSERT INTO technology_contract (title, type, seller_org_id, seller_name, seller_region, seller_legal_type, buyer_org_id, buyer_name, buyer_credit_code,
                                     buyer_region, buyer_legal_type, contract_amount, technology_amount, signed_on, industry, park_code, transfer_institution_id,
                                     broker_user_id, status, submission_count, submitted_at, registration_number, registered_at, created_by, created_at, updated_at)
    SELECT '技术合同 ' || g, (${CONTRACT_TYPES})[1 + g % 12], s.id, s.name, s.region, s.type, b.id, b.name, b.credit_code, b.region, 'enterprise',
           50000 + (g::bigint * 7907) % 5000000, (50000 + (g::bigint * 7907) % 5000000) * 0.9, (${AT})::date,
           (SELECT array_agg(code ORDER BY code) FROM ref_industry)[1 + g % 9], CASE WHEN g % 10 = 0 THEN NULL ELSE ${PARKS}[1 + g % 11] END,
           CASE WHEN g % 4 = 0 THEN k.id END, CASE WHEN g % 7 = 0 THEN $3::uuid END, 'registered', 1, ${AT}, 'SCALE-' || g, ${AT}, $3::uuid, ${AT}, ${AT}
      FROM generate_series($1::int, $2::int) g CROSS JOIN n
      JOIN seller s ON s.k = g % n.sellers
      JOIN buyer b ON b.k = g % n.buyers
      JOIN broker k ON k.k = g % n.brokers`,
};
