import { Injectable } from '@nestjs/common';
import { IdentityService } from '@techbridge/identity';
import { Actor, Clock, Page, pageOf, skipTake, TransactionRunner } from '@techbridge/platform';
import { BrokersAccessPolicy, BrokersPermission } from './brokers-access.policy';
import { BrokersErrors } from './brokers.exception';
import { BrokersRepository } from './brokers.repository';
import { ENROLMENT_LIFECYCLE } from './brokers.state-machine';
import { BrokersView, courseHours, loggedHours } from './brokers-view';
import { CERTIFICATION_POLICY, missingHours, TRAINING_MODULES } from './broker-training.policy';
import { CourseQuery, CourseResponse, CreateCourseDto, EnrolmentResponse, LogHoursDto, RecordExamDto } from './dto/brokers.dto';
import { BrokerEnrolment } from './entities/broker-enrolment.entity';

const LOGGED_COLUMN = { general: 'loggedGeneral', policy: 'loggedPolicy', practice: 'loggedPractice', capability: 'loggedCapability' } as const;

/** Broker training: a verified training base's courses, trainees' enrolments, the hours the base logs, the exam. */
@Injectable()
export class BrokerTrainingService {
  constructor(
    private readonly repo: BrokersRepository,
    private readonly access: BrokersAccessPolicy,
    private readonly view: BrokersView,
    private readonly identity: IdentityService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async createCourse(actor: Actor, dto: CreateCourseDto): Promise<CourseResponse> {
    if (TRAINING_MODULES.every((m) => dto.hours[m] === 0)) throw BrokersErrors.courseWithoutHours();
    const course = await this.tx.run(async (m) => {
      await this.access.requireTrainingBase(m, actor);
      const c = await this.repo.saveCourse(m, {
        trainingBaseId: actor.orgId, title: dto.title.trim(), description: dto.description?.trim() ?? '', level: dto.level,
        hoursGeneral: dto.hours.general, hoursPolicy: dto.hours.policy, hoursPractice: dto.hours.practice, hoursCapability: dto.hours.capability,
      });
      await this.identity.audit(m, actor, { action: 'create-broker-course', entityType: 'broker-course', entityId: c.id, changes: { title: c.title, level: c.level } });
      return c;
    });
    return (await this.view.courses([course]))[0];
  }

  /** Courses are public: anyone looking for training sees them. */
  async listCourses(q: CourseQuery): Promise<Page<CourseResponse>> {
    const { skip, take } = skipTake(q);
    const [rows, total] = await this.repo.listCourses(this.tx.manager, q, skip, take);
    return pageOf(await this.view.courses(rows), total, q);
  }

  async getCourse(id: string): Promise<CourseResponse> {
    const c = await this.repo.findCourse(this.tx.manager, id);
    if (!c) throw BrokersErrors.courseNotFound();
    return (await this.view.courses([c]))[0];
  }

  /** A signed-in person enrols on a course (once per course). */
  async enrol(actor: Actor, courseId: string): Promise<EnrolmentResponse> {
    const course = await this.repo.findCourse(this.tx.manager, courseId);
    if (!course) throw BrokersErrors.courseNotFound();
    const e = await this.tx.run((m) => this.repo.saveEnrolment(m, { courseId, trainingBaseId: course.trainingBaseId, userId: actor.userId, status: 'enrolled' }));
    return this.view.enrolment(e, course, null);
  }

  /** The base's staff see the base's enrolments; anyone else their own. */
  async listEnrolments(actor: Actor, q: { page: number; pageSize: number }): Promise<Page<EnrolmentResponse>> {
    const { skip, take } = skipTake(q);
    const by = actor.orgType === 'training-base' ? { trainingBaseId: actor.orgId } : { userId: actor.userId };
    const [rows, total] = await this.repo.listEnrolments(this.tx.manager, by, skip, take);
    return pageOf(await Promise.all(rows.map((e) => this.viewEnrolment(e))), total, q);
  }

  async getEnrolment(actor: Actor, id: string): Promise<EnrolmentResponse> {
    return this.viewEnrolment(await this.access.requireEnrolment(this.tx.manager, actor, BrokersPermission.ViewEnrolment, id));
  }

  /** The base logs hours of one module; after a failed exam this puts the trainee back to studying. */
  async logHours(actor: Actor, id: string, dto: LogHoursDto): Promise<EnrolmentResponse> {
    const saved = await this.tx.run(async (m) => {
      const e = await this.access.requireEnrolment(m, actor, BrokersPermission.TrainEnrolment, id, true);
      e.status = ENROLMENT_LIFECYCLE.next(e.status, 'log-hours', e.id);
      e[LOGGED_COLUMN[dto.module]] += dto.hours;
      const s = await this.repo.saveEnrolment(m, e);
      await this.identity.audit(m, actor, { action: 'log-training-hours', entityType: 'broker-enrolment', entityId: e.id, changes: { module: dto.module, hours: dto.hours } });
      return s;
    });
    return this.viewEnrolment(saved);
  }

  /** The exam result; sitting it needs every module's hours completed. */
  async recordExam(actor: Actor, id: string, dto: RecordExamDto): Promise<EnrolmentResponse> {
    const saved = await this.tx.run(async (m) => {
      const e = await this.access.requireEnrolment(m, actor, BrokersPermission.TrainEnrolment, id, true);
      const course = (await this.repo.findCourse(m, e.courseId))!;
      const passed = dto.score >= CERTIFICATION_POLICY.passMark;
      ENROLMENT_LIFECYCLE.assert(e.status, passed ? 'pass-exam' : 'fail-exam');
      const missing = missingHours(courseHours(course), loggedHours(e));
      if (missing.length) throw BrokersErrors.hoursIncomplete(missing);
      e.status = ENROLMENT_LIFECYCLE.next(e.status, passed ? 'pass-exam' : 'fail-exam', e.id);
      e.examScore = dto.score;
      e.examinedAt = this.clock.now();
      const s = await this.repo.saveEnrolment(m, e);
      await this.identity.audit(m, actor, { action: 'record-broker-exam', entityType: 'broker-enrolment', entityId: e.id, changes: { score: dto.score, passed } });
      return s;
    });
    return this.viewEnrolment(saved);
  }

  async viewEnrolment(e: BrokerEnrolment): Promise<EnrolmentResponse> {
    const course = (await this.repo.findCourse(this.tx.manager, e.courseId))!;
    const cert = e.status === 'certified' ? await this.repo.findCertificateOfEnrolment(this.tx.manager, e.id) : null;
    return this.view.enrolment(e, course, cert?.id ?? null);
  }
}
