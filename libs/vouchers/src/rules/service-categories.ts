/**
 * Services a voucher may pay for. Statutory testing (法定检验) is a provider's category but never eligible: it is an
 * obligation, not an innovation service.
 */
export const SERVICE_CATEGORIES = ['technology-development', 'transfer-licence', 'testing-inspection', 'pilot-run', 'compute', 'evaluation', 'ip-agency', 'finance', 'statutory-testing'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const VOUCHER_ELIGIBLE_CATEGORIES = SERVICE_CATEGORIES.filter((c) => c !== 'statutory-testing');

/** Regions whose providers are accepted: this zone's province and, under mutual recognition, Beijing and Tianjin. */
export const PROVIDER_REGIONS = ['HE', 'BJ', 'TJ'] as const;
export type ProviderRegion = (typeof PROVIDER_REGIONS)[number];
