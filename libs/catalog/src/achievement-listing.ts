import type { Achievement } from './entities/achievement.entity';

/**
 * What a listing says about itself and where it is classified: the part of an achievement every view repeats (the
 * api's response, the search document, an import's row), named once.
 */
export interface AchievementListing {
  title: string;
  summary: string;
  keywords: string[];
  industry: string;
  field: string | null;
  trl: number;
  stage: string;
}

export function listingOf(a: Pick<Achievement, keyof AchievementListing>): AchievementListing {
  return { title: a.title, summary: a.summary, keywords: a.keywords, industry: a.industry, field: a.field, trl: a.trl, stage: a.stage };
}
