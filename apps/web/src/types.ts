/** The API response shapes the portal reads (the DTOs under libs/<context>/src/dto), kept to the fields used here. */

export interface QualityWarning {
  code: string;
  zh: string;
  en: string;
}

export interface AchievementView {
  id: string;
  version: number;
  status: string;
  title: string;
  summary: string;
  keywords: string[];
  industry: string;
  field: string | null;
  trl: number;
  stage: string;
  transferModes: string[];
  pricingMethod: string | null;
  askingPrice: number | null;
  negotiable: boolean;
  patents: string[];
  award: string | null;
  contact: { name?: string | null; phone?: string | null; email?: string | null } | null;
  /** Present on the list/detail responses; search documents carry ownerName instead. */
  owner?: { id: string; name: string; type: string; region: string };
  ownerName?: string;
  reviewComment?: string | null;
  qualityWarnings?: QualityWarning[];
  interestCount?: number;
  publishedAt: string | number | null;
  submittedAt?: string | null;
  /** Search hits only: matched terms wrapped in <em>. */
  highlights?: Record<string, string | string[]>;
}

export interface PackageHit {
  id: string;
  title: string;
  theme: string;
  industry: string;
  description: string;
  achievementTitles: string[];
  trlMin: number | null;
  trlMax: number | null;
  totalAskingPrice: number;
  negotiableCount: number;
  ownerNames: string[];
}

export interface DemandFull {
  id: string;
  redacted: false;
  title: string;
  description: string;
  keywords: string[];
  industry: string;
  field: string | null;
  minTrl: number | null;
  budget: number | null;
  cooperationModes: string[];
  park: string | null;
  deadline: string | null;
  visibility: 'public' | 'members' | 'brokers';
  status: string;
  enterprise: { id: string; name: string; region: string };
  contact: { name: string | null; phone: string | null; email: string | null } | null;
  publishedAt: string | null;
}

export interface DemandRedacted {
  id: string;
  redacted: true;
  visibility: 'public' | 'members' | 'brokers';
  title: string;
  industry: string;
  field: string | null;
  park: string | null;
}

export type DemandListItem = DemandFull | DemandRedacted;

export interface MatchReason {
  code: string;
  zh: string;
  en: string;
  points?: number;
}

export interface AchievementMatch {
  achievement: AchievementView;
  score: number;
  reasons: MatchReason[];
}

export interface PipelineMatch {
  id: string;
  demand: DemandListItem;
  achievement: { id: string; title: string; industry: string; trl: number; ownerId: string; ownerName: string };
  score: number;
  reasons: MatchReason[];
  status: 'suggested' | 'contacted' | 'negotiating' | 'signed' | 'closed';
  brokerUserId: string | null;
  version: number;
}
