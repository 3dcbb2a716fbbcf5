/**
 * The public-notice policy, versioned like the registration policy: the version in force on the day a notice starts
 * applies to it for good (its version is stored on the notice).
 */
export interface NoticePolicyVersion {
  from: string;
  /** Natural days the notice runs (paused time not counted). */
  days: number;
  /** Seller types whose negotiated deals must be published. */
  sellerTypes: string[];
}

export const NOTICE_POLICY: NoticePolicyVersion[] = [{ from: '2024-01-01', days: 15, sellerTypes: ['university', 'institute'] }];

export function noticePolicyInForce(versions: readonly NoticePolicyVersion[], date: string): NoticePolicyVersion {
  const current = [...versions].sort((a, b) => a.from.localeCompare(b.from)).filter((v) => v.from <= date).pop();
  if (!current) throw new RangeError(`no notice policy in force on ${date}`);
  return current;
}

/** Where the listing's terms go in the contract: transfer or licence, and the licence scope. */
export function contractTypeOf(transferMode: string, hasPatents: boolean): { type: string; licenseScope: string | null } {
  if (transferMode === 'transfer') return { type: hasPatents ? 'transfer-patent' : 'transfer-tech-secret', licenseScope: null };
  const scope = transferMode === 'non-exclusive' ? 'ordinary' : transferMode;
  return { type: hasPatents ? 'license-patent' : 'license-tech-secret', licenseScope: scope };
}
