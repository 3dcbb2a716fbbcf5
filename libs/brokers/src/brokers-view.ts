import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Clock } from '@techbridge/platform';
import { CertificateResponse, CertificateStanding, CourseResponse, EnrolmentResponse, PublicCertificateResponse } from './dto/brokers.dto';
import { ModuleHours, TRAINING_MODULES } from './broker-training.policy';
import { BrokerCertificate } from './entities/broker-certificate.entity';
import { BrokerCourse } from './entities/broker-course.entity';
import { BrokerEnrolment } from './entities/broker-enrolment.entity';

export function courseHours(c: BrokerCourse): ModuleHours {
  return { general: c.hoursGeneral, policy: c.hoursPolicy, practice: c.hoursPractice, capability: c.hoursCapability };
}

export function loggedHours(e: BrokerEnrolment): ModuleHours {
  return { general: e.loggedGeneral, policy: e.loggedPolicy, practice: e.loggedPractice, capability: e.loggedCapability };
}

/** Good standing is active and unexpired: the one answer the broker role rule and the public look-up share. */
export function standingOf(c: BrokerCertificate, now: Date): CertificateStanding {
  if (c.status !== 'active') return c.status;
  return c.expiresAt > now ? 'valid' : 'expired';
}

/** Response shapes with the names of the people and organisations involved (read through identity's facade). */
@Injectable()
export class BrokersView {
  constructor(
    private readonly identity: IdentityService,
    private readonly clock: Clock,
  ) {}

  async courses(rows: BrokerCourse[]): Promise<CourseResponse[]> {
    const orgs = await this.identity.findOrganisations([...new Set(rows.map((c) => c.trainingBaseId))]);
    return rows.map((c) => {
      const hours = courseHours(c);
      return {
        id: c.id, trainingBaseId: c.trainingBaseId, trainingBaseName: orgs.get(c.trainingBaseId)?.name ?? '', title: c.title, description: c.description, level: c.level,
        hours, totalHours: TRAINING_MODULES.reduce((n, m) => n + hours[m], 0), createdAt: c.createdAt.toISOString(),
      };
    });
  }

  async enrolment(e: BrokerEnrolment, course: BrokerCourse, certificateId: string | null): Promise<EnrolmentResponse> {
    const trainee = await this.identity.findUser(e.userId);
    return {
      id: e.id, courseId: e.courseId, courseTitle: course.title, level: course.level, trainingBaseId: e.trainingBaseId, userId: e.userId, traineeName: trainee?.displayName ?? '',
      status: e.status, requiredHours: courseHours(course), loggedHours: loggedHours(e), examScore: e.examScore, examinedAt: e.examinedAt?.toISOString() ?? null, certificateId,
      createdAt: e.createdAt.toISOString(),
    };
  }

  async certificate(c: BrokerCertificate): Promise<CertificateResponse> {
    const [holder, base] = await Promise.all([this.identity.findUser(c.userId), this.identity.findOrganisation(c.trainingBaseId)]);
    return {
      id: c.id, number: c.number, userId: c.userId, holderName: holder?.displayName ?? '', trainingBaseId: c.trainingBaseId, trainingBaseName: base?.name ?? '', level: c.level,
      status: c.status, standing: standingOf(c, this.clock.now()), issuedAt: c.issuedAt.toISOString(), expiresAt: c.expiresAt.toISOString(), renewals: c.renewals, statusReason: c.statusReason,
    };
  }

  async publicCertificate(c: BrokerCertificate): Promise<PublicCertificateResponse> {
    const full = await this.certificate(c);
    return { number: full.number, holderName: full.holderName, trainingBaseName: full.trainingBaseName, level: full.level, standing: full.standing, issuedAt: full.issuedAt, expiresAt: full.expiresAt };
  }
}
