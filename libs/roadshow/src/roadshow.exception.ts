import { DomainError, ErrorDetail } from '@techbridge/platform';

export enum RoadshowErrorCode {
  EventNotFound = 'ROADSHOW_EVENT_NOT_FOUND',
  PresentationNotFound = 'ROADSHOW_PRESENTATION_NOT_FOUND',
  MeetingNotFound = 'ROADSHOW_MEETING_NOT_FOUND',
  ParticipantNotFound = 'ROADSHOW_PARTICIPANT_NOT_FOUND',
  InvalidSchedule = 'ROADSHOW_INVALID_SCHEDULE',
  NotOrganiser = 'ROADSHOW_NOT_ORGANISER',
  RegistrationClosed = 'ROADSHOW_REGISTRATION_CLOSED',
  EventFull = 'ROADSHOW_EVENT_FULL',
  AlreadyRegistered = 'ROADSHOW_ALREADY_REGISTERED',
  NotParticipant = 'ROADSHOW_NOT_PARTICIPANT',
  DuplicatePresentation = 'ROADSHOW_DUPLICATE_PRESENTATION',
  NotOwner = 'ROADSHOW_NOT_OWNER',
  TooManyMustMeets = 'ROADSHOW_TOO_MANY_MUST_MEETS',
  IllegalPresentationStep = 'ROADSHOW_ILLEGAL_PRESENTATION_STEP',
  MeetingNotCancellable = 'ROADSHOW_MEETING_NOT_CANCELLABLE',
  OutcomeTooEarly = 'ROADSHOW_OUTCOME_TOO_EARLY',
  MeetingRequestNotFound = 'ROADSHOW_MEETING_REQUEST_NOT_FOUND',
  NotASuggestion = 'ROADSHOW_NOT_A_SUGGESTION',
  RequestNotWithdrawable = 'ROADSHOW_REQUEST_NOT_WITHDRAWABLE',
  EnterprisesOnly = 'ROADSHOW_ENTERPRISES_ONLY',
  NotPresented = 'ROADSHOW_NOT_PRESENTED',
}

export const RoadshowErrors = {
  eventNotFound: () => DomainError.notFound({ code: RoadshowErrorCode.EventNotFound, zh: '路演活动不存在', en: 'Roadshow event not found' }),
  presentationNotFound: () => DomainError.notFound({ code: RoadshowErrorCode.PresentationNotFound, zh: '路演项目不存在', en: 'Presentation not found' }),
  meetingNotFound: () => DomainError.notFound({ code: RoadshowErrorCode.MeetingNotFound, zh: '洽谈不存在', en: 'Meeting not found' }),
  participantNotFound: () => DomainError.notFound({ code: RoadshowErrorCode.ParticipantNotFound, zh: '报名记录不存在', en: 'Registration not found' }),
  invalidSchedule: (details: ErrorDetail[]) =>
    new DomainError('validation', RoadshowErrorCode.InvalidSchedule, { zh: '活动日程设置有误', en: 'The event schedule is invalid' }, details),
  notOrganiser: () =>
    new DomainError('forbidden', RoadshowErrorCode.NotOrganiser, { zh: '只有技术转移机构、技术经纪人或园区管理机构可以组织路演', en: 'Only transfer institutions, brokers or park administrations organise roadshows' }),
  registrationClosed: (state: string, closesAt: Date) =>
    new DomainError('conflict', RoadshowErrorCode.RegistrationClosed, { zh: '报名已截止或尚未开始', en: 'Registration is not open' }, [{ field: 'registrationClosesAt', message: `registration window ends ${closesAt.toISOString()}`, code: 'registrationWindow' }], {
      currentState: state,
      registrationClosesAt: closesAt.toISOString(),
    }),
  eventFull: (capacity: number) =>
    new DomainError('conflict', RoadshowErrorCode.EventFull, { zh: `活动已满（${capacity} 家企业）`, en: `The event is full (${capacity} enterprises)` }, [{ field: 'capacity', message: 'capacity reached', code: 'capacity' }], { capacity }),
  alreadyRegistered: () => new DomainError('conflict', RoadshowErrorCode.AlreadyRegistered, { zh: '贵单位已报名该活动', en: 'Your organisation is already registered' }),
  notParticipant: () =>
    new DomainError('forbidden', RoadshowErrorCode.NotParticipant, { zh: '只有已报名的企业可以预约洽谈', en: 'Only registered enterprises can request meetings' }),
  duplicatePresentation: () => new DomainError('conflict', RoadshowErrorCode.DuplicatePresentation, { zh: '该成果或技术包已在本次活动中', en: 'This achievement or package is already on the programme' }),
  notOwner: (field: 'achievementId' | 'packageId' = 'achievementId') =>
    field === 'packageId'
      ? DomainError.validation(field, { zh: '只能申请路演本单位策划并已发布的技术包', en: 'You can only present a published technology package your organisation curates' }, RoadshowErrorCode.NotOwner)
      : DomainError.validation(field, { zh: '只能申请路演本单位已发布的成果', en: 'You can only present a published achievement your organisation owns' }, RoadshowErrorCode.NotOwner),
  tooManyMustMeets: (max: number) =>
    DomainError.validation('kind', { zh: `“必须见面”最多 ${max} 个`, en: `At most ${max} must-meet requests` }, RoadshowErrorCode.TooManyMustMeets),
  illegalPresentationStep: (current: string, action: string) =>
    new DomainError('conflict', RoadshowErrorCode.IllegalPresentationStep, { zh: `路演项目状态「${current}」不允许「${action}」`, en: `Cannot ${action} a presentation in state '${current}'` }, [], { currentState: current, action }),
  meetingNotCancellable: (state: string) =>
    new DomainError('conflict', RoadshowErrorCode.MeetingNotCancellable, { zh: '该洽谈已不能取消', en: 'This meeting can no longer be cancelled' }, [], { currentState: state }),
  meetingRequestNotFound: () => DomainError.notFound({ code: RoadshowErrorCode.MeetingRequestNotFound, zh: '洽谈预约不存在', en: 'Meeting request not found' }),
  notASuggestion: () =>
    new DomainError('forbidden', RoadshowErrorCode.NotASuggestion, { zh: '组织方只能撤回自己的推荐，企业的预约由企业自行撤回', en: 'Organisers withdraw their own suggestions only; an enterprise withdraws its own requests' }),
  requestNotWithdrawable: (state: string) =>
    new DomainError('conflict', RoadshowErrorCode.RequestNotWithdrawable, { zh: '该洽谈预约已不能撤回', en: 'This meeting request can no longer be withdrawn' }, [], { currentState: state }),
  enterprisesOnly: (kind: 'technology' | 'investor' = 'technology') =>
    kind === 'investor'
      ? new DomainError('forbidden', RoadshowErrorCode.EnterprisesOnly, { zh: '只有经核验的投资机构可以报名投资路演', en: 'Only verified investment funds attend an investor roadshow' })
      : new DomainError('forbidden', RoadshowErrorCode.EnterprisesOnly, { zh: '只有企业可以报名参会', en: 'Only enterprises register as participants' }),
  notPresented: () =>
    new DomainError('forbidden', RoadshowErrorCode.NotPresented, {
      zh: '只有在本次活动上路演该成果（已接受）的单位或活动组织方可以在活动中拍卖它', en: 'Only an organisation presenting this achievement at the event (accepted) or its organiser may auction it there',
    }),
  sessionOutsideEvent: (startsAt: Date, endsAt: Date) =>
    DomainError.validation('startsAt', { zh: '拍卖场次须在活动时间内', en: `The auction session must lie within the event (${startsAt.toISOString()} – ${endsAt.toISOString()})` }, 'outsideEvent'),
  exactlyOneSubject: () => DomainError.validation('achievementId', { zh: '请指定一个成果或一个技术包', en: 'Give exactly one of achievementId or packageId' }, 'exactlyOne'),
  notOwnDemand: (index: number) => DomainError.validation(`demandIds[${index}]`, { zh: '只能带上本企业的技术需求', en: 'Only your own demands can be brought' }, 'notOwnDemand'),
  slotOutOfRange: (index: number, slotCount: number) =>
    DomainError.validation(`availableSlots[${index}]`, { zh: `时段编号须小于 ${slotCount}`, en: `slot index must be below ${slotCount}` }, 'max'),
  meetingWithSelf: () => DomainError.validation('presentationId', { zh: '不能预约与本单位洽谈', en: 'You cannot request a meeting with yourself' }, 'self'),
  suggestionNotAccepted: (index: number) =>
    DomainError.validation(`suggestions[${index}].presentationId`, { zh: '不是本活动已接受的路演项目', en: 'not an accepted presentation of this event' }, 'notAccepted'),
  suggestionNotRegistered: (index: number) =>
    DomainError.validation(`suggestions[${index}].enterpriseOrgId`, { zh: '该企业未报名本活动', en: 'enterprise is not registered' }, 'notRegistered'),
  reasonRequired: () => DomainError.validation('reason', { zh: '无意向时请注明原因', en: 'A reason is required for no interest' }, 'required'),
  outcomeTooEarly: () =>
    new DomainError('conflict', RoadshowErrorCode.OutcomeTooEarly, { zh: '洽谈尚未开始，不能记录结果', en: 'The meeting has not taken place yet' }, [], { currentState: 'scheduled' }),
};
