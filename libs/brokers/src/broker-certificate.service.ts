import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { NotificationService } from '@techbridge/notification';
import { Actor, BeijingCalendar, Clock, JobName, OutboxService, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { BrokersAccessPolicy, BrokersPermission } from './brokers-access.policy';
import { BrokersErrors } from './brokers.exception';
import { BrokersRepository } from './brokers.repository';
import { CERTIFICATE_LIFECYCLE, CertificateAction, ENROLMENT_LIFECYCLE } from './brokers.state-machine';
import { BrokersView } from './brokers-view';
import { certificateNumber, expiryFrom, reminderAt } from './broker-training.policy';
import { CertificateResponse, PublicCertificateResponse } from './dto/brokers.dto';
import { BrokerCertificate } from './entities/broker-certificate.entity';

export const BrokerJobIds = {
  expiryReminder: (certificateId: string, expiresAt: Date) => `broker-certificate:${certificateId}:expiry:${expiresAt.getTime()}`,
};

const STEP_NOTICES: Record<Exclude<CertificateAction, 'renew'>, { zh: string; en: string }> = {
  suspend: { zh: '您的技术经纪人证书已被暂停', en: 'Your broker certificate has been suspended' },
  reinstate: { zh: '您的技术经纪人证书已恢复有效', en: 'Your broker certificate is in force again' },
  revoke: { zh: '您的技术经纪人证书已被吊销', en: 'Your broker certificate has been revoked' },
};

/** Certificates: issued to a trainee who passed, renewed, suspended, reinstated or revoked; looked up by number by anyone. */
@Injectable()
export class BrokerCertificateService {
  constructor(
    private readonly repo: BrokersRepository,
    private readonly access: BrokersAccessPolicy,
    private readonly view: BrokersView,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** The base issues the certificate of a passed enrolment: number, the course's level, an expiry; its reminder is scheduled. */
  async issue(actor: Actor, enrolmentId: string): Promise<CertificateResponse> {
    const cert = await this.tx.run(async (m) => {
      const e = await this.access.requireEnrolment(m, actor, BrokersPermission.TrainEnrolment, enrolmentId, true);
      e.status = ENROLMENT_LIFECYCLE.next(e.status, 'certify', e.id);
      const course = (await this.repo.findCourse(m, e.courseId))!;
      const now = this.clock.now();
      const number = certificateNumber(BeijingCalendar.partsOf(now).year, await this.repo.nextCertificateSequence(m));
      await this.repo.saveEnrolment(m, e);
      const c = await this.repo.saveCertificate(m, {
        number, enrolmentId: e.id, trainingBaseId: e.trainingBaseId, userId: e.userId, level: course.level, status: 'active', issuedAt: now, expiresAt: expiryFrom(now), renewals: 0,
      });
      await this.scheduleReminder(m, c);
      await this.identity.audit(m, actor, { action: 'issue-broker-certificate', entityType: 'broker-certificate', entityId: c.id, changes: { number, level: c.level, userId: c.userId } });
      await this.notifications.notify({
        userId: c.userId, kind: 'broker.certificate-issued', title: { zh: `技术经纪人证书 ${number} 已颁发`, en: `Broker certificate ${number} issued` },
        body: { zh: `有效期至 ${BeijingCalendar.dateOf(c.expiresAt)}`, en: `Valid until ${BeijingCalendar.dateOf(c.expiresAt)}` }, link: `/brokers/certificates/${c.id}`,
      }, m);
      return c;
    });
    return this.view.certificate(cert);
  }

  async mine(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<CertificateResponse>> {
    const { skip, take } = skipTake(q);
    const by = actor.orgType === 'training-base' ? { trainingBaseId: actor.orgId } : { userId: actor.userId };
    const [rows, total] = await this.repo.listCertificates(this.tx.manager, by, skip, take);
    return pageOf(await Promise.all(rows.map((c) => this.view.certificate(c))), total, q);
  }

  async get(actor: Actor, id: string): Promise<CertificateResponse> {
    return this.view.certificate(await this.access.requireCertificate(this.tx.manager, actor, BrokersPermission.ViewCertificate, id));
  }

  /** Anyone may check a certificate by its number (a party about to deal with a broker). */
  async lookup(number: string): Promise<PublicCertificateResponse> {
    const c = await this.repo.findCertificateByNumber(this.tx.manager, number);
    if (!c) throw BrokersErrors.certificateNotFound();
    return this.view.publicCertificate(c);
  }

  /** Another validity period from the later of now and the current expiry; a new reminder (the old one skips). */
  async renew(actor: Actor, id: string): Promise<CertificateResponse> {
    return this.step(actor, id, 'renew', null, async (m, c) => {
      const now = this.clock.now();
      c.expiresAt = expiryFrom(c.expiresAt > now ? c.expiresAt : now);
      c.renewals += 1;
      await this.scheduleReminder(m, c);
    });
  }

  suspend(actor: Actor, id: string, reason: string): Promise<CertificateResponse> {
    return this.step(actor, id, 'suspend', reason);
  }

  reinstate(actor: Actor, id: string): Promise<CertificateResponse> {
    return this.step(actor, id, 'reinstate', null);
  }

  revoke(actor: Actor, id: string, reason: string): Promise<CertificateResponse> {
    return this.step(actor, id, 'revoke', reason);
  }

  /** Job: remind the holder, unless the certificate was renewed (another expiry), suspended or revoked since. */
  async remindExpiry(certificateId: string, expiresAt: string): Promise<'reminded' | 'skipped'> {
    return this.tx.run(async (m) => {
      const c = await this.repo.findCertificate(m, certificateId);
      if (!c || c.status !== 'active' || c.expiresAt.getTime() !== Date.parse(expiresAt)) return 'skipped';
      const date = BeijingCalendar.dateOf(c.expiresAt);
      await this.notifications.notify({
        userId: c.userId, kind: 'broker.certificate-expiring', dedupeKey: BrokerJobIds.expiryReminder(c.id, c.expiresAt),
        title: { zh: `技术经纪人证书 ${c.number} 将于 ${date} 到期`, en: `Broker certificate ${c.number} expires on ${date}` },
        body: { zh: '请联系培训基地办理续期，过期后将不能行使技术经纪人职能。', en: 'Ask your training base to renew it: once expired, the broker role has no effect.' },
        link: `/brokers/certificates/${c.id}`,
      }, m);
      return 'reminded';
    });
  }

  private async step(actor: Actor, id: string, action: CertificateAction, reason: string | null, apply?: (m: EntityManager, c: BrokerCertificate) => Promise<void>): Promise<CertificateResponse> {
    const saved = await this.tx.run(async (m) => {
      const c = await this.access.requireCertificate(m, actor, BrokersPermission.ManageCertificate, id, true);
      const from = c.status;
      c.status = CERTIFICATE_LIFECYCLE.next(c.status, action, c.id);
      if (reason !== null) c.statusReason = reason.trim();
      if (action === 'reinstate') c.statusReason = null;
      if (apply) await apply(m, c);
      const s = await this.repo.saveCertificate(m, c);
      await this.identity.audit(m, actor, { action: `${action}-broker-certificate`, entityType: 'broker-certificate', entityId: c.id, changes: { from, to: s.status, ...(reason ? { reason } : {}), expiresAt: s.expiresAt.toISOString() } });
      if (action !== 'renew') {
        await this.notifications.notify({ userId: c.userId, kind: `broker.certificate-${action}`, title: STEP_NOTICES[action], body: reason ? { zh: reason, en: reason } : undefined, link: `/brokers/certificates/${c.id}` }, m);
      }
      return s;
    });
    return this.view.certificate(saved);
  }

  private async scheduleReminder(m: EntityManager, c: BrokerCertificate): Promise<void> {
    const delayMs = Math.max(0, reminderAt(c.expiresAt).getTime() - this.clock.now().getTime());
    await this.outbox.enqueue(m, JobName.RemindBrokerCertificateExpiry, { certificateId: c.id, expiresAt: c.expiresAt.toISOString() }, { jobId: BrokerJobIds.expiryReminder(c.id, c.expiresAt), delayMs });
  }
}
