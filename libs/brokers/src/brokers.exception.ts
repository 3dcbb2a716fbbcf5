import { describeConstraintErrors, DomainError } from '@techbridge/platform';
import { MODULE_NAMES, TrainingModule } from './broker-training.policy';

export enum BrokersErrorCode {
  CourseNotFound = 'BROKER_COURSE_NOT_FOUND',
  EnrolmentNotFound = 'BROKER_ENROLMENT_NOT_FOUND',
  CertificateNotFound = 'BROKER_CERTIFICATE_NOT_FOUND',
  NotATrainingBase = 'NOT_A_TRAINING_BASE',
  AlreadyEnrolled = 'ALREADY_ENROLLED',
  HoursIncomplete = 'TRAINING_HOURS_INCOMPLETE',
}

export const BrokersErrors = {
  courseNotFound: () => DomainError.notFound({ code: BrokersErrorCode.CourseNotFound, zh: '培训课程不存在', en: 'Course not found' }),
  enrolmentNotFound: () => DomainError.notFound({ code: BrokersErrorCode.EnrolmentNotFound, zh: '报名记录不存在', en: 'Enrolment not found' }),
  certificateNotFound: () => DomainError.notFound({ code: BrokersErrorCode.CertificateNotFound, zh: '技术经纪人证书不存在', en: 'Broker certificate not found' }),
  notATrainingBase: () =>
    new DomainError('forbidden', BrokersErrorCode.NotATrainingBase, { zh: '只有已核验的技术转移人才培养基地可以开设课程、登记学时和考试结果', en: 'Only a verified training base runs courses, logs hours and records exams' }),
  courseWithoutHours: () => DomainError.validation('hours', { zh: '课程至少应有 1 学时', en: 'A course needs at least one hour' }, 'noHours'),
  alreadyEnrolled: () => new DomainError('conflict', BrokersErrorCode.AlreadyEnrolled, { zh: '已报名该课程', en: 'Already enrolled on this course' }),
  hoursIncomplete: (missing: Array<{ module: TrainingModule; missing: number }>) =>
    new DomainError(
      'conflict',
      BrokersErrorCode.HoursIncomplete,
      { zh: '各模块学时未修满，不能参加考试', en: 'The hours of every module must be completed before the exam' },
      missing.map((x) => ({ field: `hours.${x.module}`, code: 'missing', message: `${MODULE_NAMES[x.module].en}: ${x.missing} h missing`, zh: `${MODULE_NAMES[x.module].zh}：缺 ${x.missing} 学时` })),
    ),
};

describeConstraintErrors({
  ux_broker_enrolment_course_user: BrokersErrors.alreadyEnrolled,
});
