import { Injectable } from '@nestjs/common';
import { EntityManager, In, MoreThan } from 'typeorm';
import { BrokerCertificate } from './entities/broker-certificate.entity';
import { BrokerCourse } from './entities/broker-course.entity';
import { BrokerEnrolment } from './entities/broker-enrolment.entity';
import type { BrokerLevel } from './broker-training.policy';

/** The only code of the brokers context that touches TypeORM. */
@Injectable()
export class BrokersRepository {
  saveCourse(m: EntityManager, c: Partial<BrokerCourse>): Promise<BrokerCourse> {
    return m.getRepository(BrokerCourse).save(m.getRepository(BrokerCourse).create(c));
  }

  findCourse(m: EntityManager, id: string): Promise<BrokerCourse | null> {
    return m.getRepository(BrokerCourse).findOne({ where: { id } });
  }

  findCourses(m: EntityManager, ids: string[]): Promise<BrokerCourse[]> {
    return ids.length ? m.getRepository(BrokerCourse).find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  listCourses(m: EntityManager, f: { trainingBaseId?: string; level?: BrokerLevel }, skip: number, take: number): Promise<[BrokerCourse[], number]> {
    return m.getRepository(BrokerCourse).findAndCount({
      where: { ...(f.trainingBaseId ? { trainingBaseId: f.trainingBaseId } : {}), ...(f.level ? { level: f.level } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip,
      take,
    });
  }

  saveEnrolment(m: EntityManager, e: Partial<BrokerEnrolment>): Promise<BrokerEnrolment> {
    return m.getRepository(BrokerEnrolment).save(m.getRepository(BrokerEnrolment).create(e));
  }

  findEnrolment(m: EntityManager, id: string, lock = false): Promise<BrokerEnrolment | null> {
    return m.getRepository(BrokerEnrolment).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** A training base's enrolments, or a trainee's own. */
  listEnrolments(m: EntityManager, by: { trainingBaseId: string } | { userId: string }, skip: number, take: number): Promise<[BrokerEnrolment[], number]> {
    return m.getRepository(BrokerEnrolment).findAndCount({ where: by, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
  }

  async nextCertificateSequence(m: EntityManager): Promise<number> {
    const [{ n }] = await m.query(`SELECT nextval('broker_certificate_number_seq')::int AS n`);
    return n;
  }

  saveCertificate(m: EntityManager, c: Partial<BrokerCertificate>): Promise<BrokerCertificate> {
    return m.getRepository(BrokerCertificate).save(m.getRepository(BrokerCertificate).create(c));
  }

  findCertificate(m: EntityManager, id: string, lock = false): Promise<BrokerCertificate | null> {
    return m.getRepository(BrokerCertificate).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  findCertificateByNumber(m: EntityManager, number: string): Promise<BrokerCertificate | null> {
    return m.getRepository(BrokerCertificate).findOne({ where: { number } });
  }

  findCertificateOfEnrolment(m: EntityManager, enrolmentId: string): Promise<BrokerCertificate | null> {
    return m.getRepository(BrokerCertificate).findOne({ where: { enrolmentId } });
  }

  listCertificates(m: EntityManager, by: { trainingBaseId: string } | { userId: string }, skip: number, take: number): Promise<[BrokerCertificate[], number]> {
    return m.getRepository(BrokerCertificate).findAndCount({ where: by, order: { issuedAt: 'DESC', id: 'ASC' }, skip, take });
  }

  /** Holders among these users with an active certificate that has not expired at `now` (the role rule's question). */
  async certifiedAmong(m: EntityManager, userIds: readonly string[], now: Date): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = await m.getRepository(BrokerCertificate).find({ select: { userId: true }, where: { userId: In([...userIds]), status: 'active', expiresAt: MoreThan(now) } });
    return new Set(rows.map((r) => r.userId));
  }

  // ---- personal data (个人信息保护法) ----

  async personalData(m: EntityManager, userId: string): Promise<{ enrolments: BrokerEnrolment[]; certificates: BrokerCertificate[] }> {
    return {
      enrolments: await m.getRepository(BrokerEnrolment).find({ where: { userId }, order: { createdAt: 'ASC' } }),
      certificates: await m.getRepository(BrokerCertificate).find({ where: { userId }, order: { createdAt: 'ASC' } }),
    };
  }
}
