import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Clock, DomainError, TransactionRunner } from '@techbridge/platform';
import { AgreementAcceptanceResponse, AgreementsAcceptedDto } from '../dto/site.dto';
import { AgreementAcceptance } from '../entities/agreement-acceptance.entity';
import { CURRENT_LEGAL_DOCUMENTS } from './legal-documents';

/** Acceptance of the current user agreement and privacy policy: checked and recorded (version and time) at sign-up. */
@Injectable()
export class Agreements {
  constructor(
    private readonly clock: Clock,
    private readonly tx: TransactionRunner,
  ) {}

  /** Refuses an acceptance of another version than the current one (a form opened before the text changed). */
  check(accepted: AgreementsAcceptedDto): void {
    const stale = ([['userAgreement', 'user-agreement'], ['privacyPolicy', 'privacy-policy']] as const).find(([field, doc]) => accepted[field] !== CURRENT_LEGAL_DOCUMENTS[doc].version);
    if (!stale) return;
    const doc = CURRENT_LEGAL_DOCUMENTS[stale[1]];
    throw DomainError.validation(`agreements.${stale[0]}`, {
      zh: `请阅读并同意最新版本的《${doc.title.zh}》（${doc.version}）`,
      en: `Read and accept the current ${doc.title.en} (version ${doc.version})`,
    }, 'AGREEMENT_VERSION');
  }

  async record(m: EntityManager, userId: string, accepted: AgreementsAcceptedDto): Promise<void> {
    const at = this.clock.now();
    await m.getRepository(AgreementAcceptance).insert([
      { userId, document: 'user-agreement', version: accepted.userAgreement, acceptedAt: at },
      { userId, document: 'privacy-policy', version: accepted.privacyPolicy, acceptedAt: at },
    ]);
  }

  async of(actor: Actor): Promise<AgreementAcceptanceResponse[]> {
    const rows = await this.tx.manager.getRepository(AgreementAcceptance).find({ where: { userId: actor.userId }, order: { acceptedAt: 'ASC', document: 'ASC' } });
    return rows.map((r) => ({ document: r.document, version: r.version, acceptedAt: r.acceptedAt.toISOString() }));
  }
}
