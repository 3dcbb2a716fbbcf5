import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Actor, TransactionRunner } from '@techbridge/platform';
import { EmailPreferencesResponse, UpdateEmailPreferencesDto } from '../dto/email-preference.dto';
import { EmailPreference } from '../entities/email-preference.entity';
import { EMAIL_CATEGORIES, EMAIL_CATEGORY_LABELS, EmailCategory } from './email-categories';
import { Mailer } from './mailer';

/** Each user's choice of which notifications also come by e-mail (every category is on until turned off). */
@Injectable()
export class EmailPreferenceService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly mailer: Mailer,
  ) {}

  async get(actor: Actor): Promise<EmailPreferencesResponse> {
    const rows = await this.tx.manager.getRepository(EmailPreference).find({ where: { userId: actor.userId } });
    const chosen = new Map(rows.map((r) => [r.category, r.email]));
    return {
      emailAvailable: this.mailer.enabled,
      categories: EMAIL_CATEGORIES.map((category) => ({ category, label: EMAIL_CATEGORY_LABELS[category], email: chosen.get(category) ?? true })),
    };
  }

  async update(actor: Actor, dto: UpdateEmailPreferencesDto): Promise<EmailPreferencesResponse> {
    await this.tx.run(async (m) => {
      for (const c of dto.categories) {
        await m.createQueryBuilder().insert().into(EmailPreference)
          .values({ userId: actor.userId, category: c.category, email: c.email })
          .orUpdate(['email', 'updated_at'], ['user_id', 'category'])
          .execute();
      }
    });
    return this.get(actor);
  }

  /** Of these users, those who want this category by e-mail. */
  async usersWanting(userIds: string[], category: EmailCategory): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const off = await this.tx.manager.getRepository(EmailPreference).find({ where: { userId: In(userIds), category, email: false } });
    const refused = new Set(off.map((r) => r.userId));
    return new Set(userIds.filter((id) => !refused.has(id)));
  }
}
