import { describeConstraintErrors, DomainError } from '@techbridge/platform';

export enum ProgrammesErrorCode {
  ProjectNotFound = 'MAJOR_PROJECT_NOT_FOUND',
  ObjectionNotFound = 'OBJECTION_NOT_FOUND',
  NotAParkAdministration = 'NOT_A_PARK_ADMINISTRATION',
  OwnCityOnly = 'OWN_CITY_ONLY',
  NoticeRunning = 'NOTICE_STILL_RUNNING',
  ObjectionsOpen = 'OBJECTIONS_OPEN',
  MilestoneExists = 'MILESTONE_EXISTS',
  NotInNotice = 'NOT_IN_PUBLIC_NOTICE',
  LinkedNotFound = 'LINKED_OBJECT_NOT_FOUND',
}

export const ProgrammesErrors = {
  projectNotFound: () => DomainError.notFound({ code: ProgrammesErrorCode.ProjectNotFound, zh: '重大项目不存在', en: 'Major project not found' }),
  objectionNotFound: () => DomainError.notFound({ code: ProgrammesErrorCode.ObjectionNotFound, zh: '异议不存在', en: 'Objection not found' }),
  notAParkAdministration: () =>
    new DomainError('forbidden', ProgrammesErrorCode.NotAParkAdministration, { zh: '只有已核验的园区管理机构、市级管理部门（或平台）可以申报和维护', en: 'Only a verified park or city administration (or the platform) proposes and keeps these' }),
  ownCityOnly: (city: string) =>
    new DomainError('forbidden', ProgrammesErrorCode.OwnCityOnly, { zh: `市级管理部门只能为本市园区申报（该园区属于${city}）`, en: `A city administration proposes for the parks of its own city only (this park is in ${city})` }),
  noticeRunning: (endsAt: string | null) =>
    new DomainError('conflict', ProgrammesErrorCode.NoticeRunning, { zh: '公示期未满，不能批准', en: 'The public notice has not ended' }, [], { noticeEndsAt: endsAt }),
  objectionsOpen: () => new DomainError('conflict', ProgrammesErrorCode.ObjectionsOpen, { zh: '尚有未处理的异议', en: 'Objections are still open' }),
  milestoneExists: () => new DomainError('conflict', ProgrammesErrorCode.MilestoneExists, { zh: '该季度的里程碑已报送', en: "This quarter's milestone is already reported" }),
  notInNotice: () => new DomainError('conflict', ProgrammesErrorCode.NotInNotice, { zh: '项目不在公示期，不受理异议', en: 'The project is not in public notice: no objections are taken' }),
  ownParkOnly: () => DomainError.validation('parkCode', { zh: '园区管理机构只能为本园区申报', en: 'A park administration proposes for its own park only' }, 'ownParkOnly'),
  listItemNotFound: () => DomainError.notFound({ code: 'THREE_LIST_ITEM_NOT_FOUND', zh: '清单事项不存在', en: 'List item not found' }),
  measureNeedsOwner: (field: string) => DomainError.validation(field, { zh: '重点举措须有责任单位和完成时限', en: 'A key measure needs an owner and a due date' }, 'measureNeedsOwner'),
  linkedNotFound: (field: string) => DomainError.validation(field, { zh: '关联对象不存在或类型不符', en: 'A linked object does not exist or is of the wrong kind' }, 'linkedNotFound'),
};

describeConstraintErrors({
  ux_major_project_milestone_quarter: ProgrammesErrors.milestoneExists,
});
