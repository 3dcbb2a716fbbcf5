import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityService } from '@techbridge/identity';
import { Actor, actsAs, isPlatformStaff, OrgType, Role } from '@techbridge/platform';
import { BrokersErrors } from './brokers.exception';
import { BrokersRepository } from './brokers.repository';
import { BrokerCertificate } from './entities/broker-certificate.entity';
import { BrokerEnrolment } from './entities/broker-enrolment.entity';

export enum BrokersPermission {
  /** The trainee, the training base's staff, the platform. */
  ViewEnrolment = 'view-enrolment',
  /** The course's training base (verified): hours, exam, certificate. */
  TrainEnrolment = 'train-enrolment',
  /** The holder, the issuing base, the platform. */
  ViewCertificate = 'view-certificate',
  /** The issuing base (verified) or a platform administrator: renew, suspend, reinstate, revoke. */
  ManageCertificate = 'manage-certificate',
}

/** Who may see and act on enrolments and certificates: 404 for what a caller may not see, 403 for what they may see but not do. */
@Injectable()
export class BrokersAccessPolicy {
  constructor(
    private readonly repo: BrokersRepository,
    private readonly identity: IdentityService,
  ) {}

  /** Staff of a verified training base (read from the database, so a revocation of its verification counts at once). */
  async requireTrainingBase(m: EntityManager, actor: Actor): Promise<void> {
    if (!actsAs(actor, OrgType.TrainingBase)) throw BrokersErrors.notATrainingBase();
    await this.identity.assertVerified(actor, m);
  }

  async requireEnrolment(m: EntityManager, actor: Actor, permission: BrokersPermission.ViewEnrolment | BrokersPermission.TrainEnrolment, id: string, lock = false): Promise<BrokerEnrolment> {
    const e = await this.repo.findEnrolment(m, id, lock);
    const ofBase = !!e && actor.orgId === e.trainingBaseId;
    if (!e || !(e.userId === actor.userId || ofBase || isPlatformStaff(actor))) throw BrokersErrors.enrolmentNotFound();
    if (permission === BrokersPermission.TrainEnrolment) {
      if (!ofBase) throw BrokersErrors.notATrainingBase();
      await this.requireTrainingBase(m, actor);
    }
    return e;
  }

  async requireCertificate(m: EntityManager, actor: Actor, permission: BrokersPermission.ViewCertificate | BrokersPermission.ManageCertificate, id: string, lock = false): Promise<BrokerCertificate> {
    const c = await this.repo.findCertificate(m, id, lock);
    const ofBase = !!c && actor.orgId === c.trainingBaseId;
    if (!c || !(c.userId === actor.userId || ofBase || isPlatformStaff(actor))) throw BrokersErrors.certificateNotFound();
    if (permission === BrokersPermission.ManageCertificate) {
      if (actor.roles.includes(Role.PlatformAdmin)) return c;
      if (!ofBase) throw BrokersErrors.notATrainingBase();
      await this.requireTrainingBase(m, actor);
    }
    return c;
  }
}
