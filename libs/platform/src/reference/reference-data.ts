import citiesJson from './data/cities.json';
import contractTypesJson from './data/contract-types.json';
import industriesJson from './data/industries.json';
import parksJson from './data/parks.json';
import transferModesJson from './data/transfer-modes.json';
import trlJson from './data/trl.json';

/**
 * The zone's reference data, copied from the domain notes into the product (the product never reads
 * ../shared). Codes are stable identifiers; the database copy (ref_* tables) is seeded from here and
 * is where administrators edit what is editable (a park's key industries).
 */
export interface Named {
  code: string;
  zh: string;
  en: string;
}
export interface IndustryRef extends Named {
  fields: Named[];
}
export interface ParkRef extends Named {
  city: string;
  keyIndustries: string[];
}
export interface TrlRef {
  level: number;
  zh: string;
  en: string;
  stage: string;
}
export interface ContractTypeRef extends Named {
  category: string;
  registrant: string;
  scopes?: string[];
  note?: string;
}

export const INDUSTRIES: IndustryRef[] = industriesJson.industries;
export const PARKS: ParkRef[] = parksJson.parks;
export const ZONE: Named = parksJson.zone;
/** The zone's cities: `code` is the city's administrative division code, `zh` the name parks.json gives as a park's city. */
export const ZONE_CITIES: Named[] = citiesJson.cities;
export const TRL_LEVELS: TrlRef[] = trlJson.levels;
export const TRL_STAGES: Named[] = trlJson.stages;
export const TRANSFER_MODES: Named[] = transferModesJson.transferModes;
export const COOPERATION_MODES: Named[] = [...transferModesJson.transferModes, ...transferModesJson.extraCooperationModes];
export const PRICING_METHODS: Named[] = transferModesJson.pricing.methods;
export const CONTRACT_TYPES: ContractTypeRef[] = contractTypesJson.types;
export const REGISTRATION_POLICY = contractTypesJson.registrationPolicy;
export const REWARD_RULES = contractTypesJson.rewards;

export const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code);
export const FIELD_CODES = INDUSTRIES.flatMap((i) => i.fields.map((f) => f.code));
export const PARK_CODES = PARKS.map((p) => p.code);
export const TRANSFER_MODE_CODES = TRANSFER_MODES.map((m) => m.code);
export const COOPERATION_MODE_CODES = COOPERATION_MODES.map((m) => m.code);
export const PRICING_METHOD_CODES = PRICING_METHODS.map((m) => m.code);
export const CONTRACT_TYPE_CODES = CONTRACT_TYPES.map((t) => t.code);
export const REGION_CODES = ['BJ', 'TJ', 'HE', 'other'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

/** The zone city an administrative division code lies in (its first four digits are the city's), if any. */
export function cityOfDivision(divisionCode: string | null | undefined): Named | undefined {
  if (!divisionCode || !/^\d{6}$/.test(divisionCode)) return undefined;
  return ZONE_CITIES.find((c) => c.code.slice(0, 4) === divisionCode.slice(0, 4));
}

export function industryOf(code: string): IndustryRef | undefined {
  return INDUSTRIES.find((i) => i.code === code);
}

/** True when `field` is a sub-field of `industry`. */
export function isFieldOf(industry: string, field: string): boolean {
  return !!industryOf(industry)?.fields.some((f) => f.code === field);
}

export function trlStage(level: number): string | undefined {
  return TRL_LEVELS.find((l) => l.level === level)?.stage;
}

export function parkOf(code: string): ParkRef | undefined {
  return PARKS.find((p) => p.code === code);
}
