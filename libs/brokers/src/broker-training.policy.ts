/** The training modules of a broker course (技术经纪人培训): hours are set per module and logged per module. */
export const TRAINING_MODULES = ['general', 'policy', 'practice', 'capability'] as const;
export type TrainingModule = (typeof TRAINING_MODULES)[number];

export const MODULE_NAMES: Record<TrainingModule, { zh: string; en: string }> = {
  general: { zh: '通用知识', en: 'general knowledge' },
  policy: { zh: '政策法规', en: 'policy and law' },
  practice: { zh: '实务操作', en: 'practice' },
  capability: { zh: '能力提升', en: 'capability' },
};

export const BROKER_LEVELS = ['junior', 'intermediate', 'senior'] as const;
export type BrokerLevel = (typeof BROKER_LEVELS)[number];

/** Certification rules: the exam's pass mark, how long a certificate runs, when its holder is reminded. */
export const CERTIFICATION_POLICY = {
  passMark: 60,
  validityYears: 3,
  reminderDaysBeforeExpiry: 30,
} as const;

export type ModuleHours = Record<TrainingModule, number>;

/** Modules whose logged hours fall short of the course's, with what is missing (for the exam's refusal). */
export function missingHours(required: ModuleHours, logged: ModuleHours): Array<{ module: TrainingModule; missing: number }> {
  return TRAINING_MODULES.filter((m) => logged[m] < required[m]).map((m) => ({ module: m, missing: required[m] - logged[m] }));
}

/** The expiry of a certificate issued or renewed at `from`: the same calendar day, validityYears later. */
export function expiryFrom(from: Date): Date {
  const d = new Date(from);
  d.setUTCFullYear(d.getUTCFullYear() + CERTIFICATION_POLICY.validityYears);
  return d;
}

/** When the holder is reminded of the expiry. */
export function reminderAt(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - CERTIFICATION_POLICY.reminderDaysBeforeExpiry * 86_400_000);
}

/** The certificate's number: BRK-<year>-<six digits of the sequence>. */
export function certificateNumber(year: number, seq: number): string {
  return `BRK-${year}-${String(seq).padStart(6, '0')}`;
}
