import { NewNotification } from '@techbridge/notification';
import { Meeting } from './entities/meeting.entity';
import { Presentation } from './entities/presentation.entity';
import { RoadshowEvent } from './entities/roadshow-event.entity';
import { ReminderLead } from './roadshow.rules';

type EventRef = Pick<RoadshowEvent, 'id' | 'title'>;
type MeetingRef = Pick<Meeting, 'id' | 'eventId' | 'tableNumber'>;

/** Table numbers are 0-based in storage and 1-based for people. */
const table = (n: number) => n + 1;

/**
 * Every notice the roadshow context sends, zh first. The kind, link and dedupe key of a notice live here with its
 * text, so a retried job or a repeated call stores it once.
 */
export const RoadshowNotices = {
  eventCancelled: (e: EventRef, orgId: string, reason: string | undefined): NewNotification => ({
    orgId,
    kind: 'roadshow.cancelled',
    title: { zh: `路演活动「${e.title}」已取消`, en: `Roadshow '${e.title}' was cancelled` },
    body: { zh: reason ?? '', en: reason ?? '' },
    link: `/roadshows/${e.id}`,
    dedupeKey: `roadshow:${e.id}:cancelled:${orgId}`,
  }),

  presentationApplied: (e: RoadshowEvent, p: Pick<Presentation, 'id' | 'title'>): NewNotification => ({
    orgId: e.organiserOrgId,
    kind: 'roadshow.presentation-applied',
    title: { zh: `新的路演申请：${p.title}`, en: `New presentation application: ${p.title}` },
    link: `/roadshows/${e.id}/presentations`,
    dedupeKey: `roadshow:presentation:${p.id}:applied`,
  }),

  presentationInvited: (e: EventRef, p: Pick<Presentation, 'id' | 'title' | 'presenterOrgId'>): NewNotification => ({
    orgId: p.presenterOrgId,
    kind: 'roadshow.presentation-invited',
    title: { zh: `邀请您在「${e.title}」路演：${p.title}`, en: `You are invited to present ${p.title} at '${e.title}'` },
    link: `/roadshows/${e.id}`,
    dedupeKey: `roadshow:presentation:${p.id}:invited`,
  }),

  /** The other side of a decision is told: the organiser when the owner acted, the owner otherwise. */
  presentationDecided: (e: EventRef, p: Pick<Presentation, 'id' | 'title' | 'status'>, orgId: string): NewNotification => ({
    orgId,
    kind: `roadshow.presentation-${p.status}`,
    title: { zh: `路演项目「${p.title}」：${p.status}`, en: `Presentation '${p.title}': ${p.status}` },
    link: `/roadshows/${e.id}`,
    dedupeKey: `roadshow:presentation:${p.id}:${p.status}`,
  }),

  agendaSet: (e: EventRef, item: { presentationId: string; presenterId: string; startsAt: Date }, room: number): NewNotification => ({
    orgId: item.presenterId,
    kind: 'roadshow.agenda',
    title: { zh: `「${e.title}」路演时间已确定`, en: `Your presentation slot at '${e.title}' is set` },
    body: { zh: `${item.startsAt.toISOString()}，${room + 1} 号会场`, en: `${item.startsAt.toISOString()}, room ${room + 1}` },
    link: `/roadshows/${e.id}/agenda`,
    dedupeKey: `roadshow:agenda:${item.presentationId}`,
  }),

  promoted: (e: EventRef, participant: { id: string; enterpriseOrgId: string }): NewNotification => ({
    orgId: participant.enterpriseOrgId,
    kind: 'roadshow.promoted',
    title: { zh: `您已从候补转为正式参会：「${e.title}」`, en: `A place opened up: you are registered for '${e.title}'` },
    link: `/roadshows/${e.id}`,
    dedupeKey: `roadshow:participant:${participant.id}:promoted`,
  }),

  scheduleReady: (e: EventRef, orgId: string, meetings: number): NewNotification => ({
    orgId,
    kind: 'roadshow.schedule-ready',
    title: { zh: `「${e.title}」一对一洽谈日程已发布（${meetings} 场）`, en: `Your 1:1 schedule for '${e.title}' is ready (${meetings} meetings)` },
    link: `/roadshows/${e.id}/my-schedule`,
    data: { eventId: e.id, meetings },
    dedupeKey: `roadshow:${e.id}:schedule:${orgId}`,
  }),

  meetingCancelled: (x: MeetingRef, startsAt: Date, orgId: string): NewNotification => ({
    orgId,
    kind: 'roadshow.meeting-cancelled',
    title: { zh: `洽谈已取消：${startsAt.toISOString()} ${table(x.tableNumber)} 号桌`, en: `Meeting cancelled: ${startsAt.toISOString()} table ${table(x.tableNumber)}` },
    link: `/roadshows/${x.eventId}/my-schedule`,
    data: { meetingId: x.id },
    dedupeKey: `roadshow:meeting:${x.id}:cancelled:${orgId}`,
  }),

  meetingAdded: (x: MeetingRef & { startsAt: Date }, orgId: string): NewNotification => ({
    orgId,
    kind: 'roadshow.meeting-added',
    title: { zh: `新增洽谈：${x.startsAt.toISOString()} ${table(x.tableNumber)} 号桌`, en: `New meeting: ${x.startsAt.toISOString()} table ${table(x.tableNumber)}` },
    link: `/roadshows/${x.eventId}/my-schedule`,
    data: { meetingId: x.id },
    dedupeKey: `roadshow:meeting:${x.id}:added:${orgId}`,
  }),

  meetingReminder: (x: MeetingRef, lead: ReminderLead, orgId: string): NewNotification => {
    const when = lead === '24h' ? { zh: '明天', en: 'in 24 hours' } : { zh: '1 小时后', en: 'in 1 hour' };
    return {
      orgId,
      kind: 'roadshow.meeting-reminder',
      title: { zh: `洽谈提醒：${when.zh}在 ${table(x.tableNumber)} 号桌`, en: `Meeting reminder: ${when.en} at table ${table(x.tableNumber)}` },
      link: `/roadshows/${x.eventId}/my-schedule`,
      data: { meetingId: x.id, lead },
      dedupeKey: `roadshow:meeting:${x.id}:remind-${lead}:${orgId}`,
    };
  },

  followUp: (e: Pick<RoadshowEvent, 'id' | 'title' | 'responsibleUserId'>, pending: number): NewNotification => ({
    userId: e.responsibleUserId,
    kind: 'roadshow.follow-up',
    title: { zh: `请登记「${e.title}」${pending} 场洽谈的结果`, en: `Please record the outcome of ${pending} meetings at '${e.title}'` },
    body: { zh: '意向、无意向（请注明原因）或未到场', en: 'Intention, no interest (with a reason) or no-show' },
    link: `/roadshows/${e.id}/meetings`,
    data: { eventId: e.id, pending },
    dedupeKey: `roadshow:${e.id}:follow-up`,
  }),
};

/** Calendar entry texts (bilingual in one line: a calendar shows a single summary). */
export const RoadshowCalendarTexts = {
  meeting: (presentationTitle: string, tableNumber: number) => `一对一洽谈 1:1 meeting · ${presentationTitle} · ${table(tableNumber)} 号桌 table ${table(tableNumber)}`,
  presentation: (title: string) => `路演 Presentation · ${title}`,
};
