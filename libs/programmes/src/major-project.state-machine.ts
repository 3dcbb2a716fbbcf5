import { StateMachine } from '@techbridge/platform';

export type ProjectStatus = 'proposed' | 'shortlisted' | 'public-notice' | 'approved' | 'mid-term-passed' | 'accepted' | 'terminated' | 'rejected';
export type ProjectLevel = 'province' | 'city';
export const PROJECT_STATUSES: ProjectStatus[] = ['proposed', 'shortlisted', 'public-notice', 'approved', 'mid-term-passed', 'accepted', 'terminated', 'rejected'];
export const PROJECT_LEVELS: ProjectLevel[] = ['province', 'city'];

export type ProjectAction = 'shortlist' | 'start-notice' | 'approve' | 'pass-mid-term' | 'fail-mid-term' | 'accept' | 'terminate' | 'reject';

/**
 * proposed → shortlisted → public-notice → approved (a year and a level) → mid-term-passed → accepted; an approved
 * project may be terminated (a failed mid-term check terminates it); before approval it may be rejected (an upheld
 * objection rejects it).
 */
export const PROJECT_LIFECYCLE = new StateMachine<ProjectStatus, ProjectAction>('major project', {
  shortlist: { from: ['proposed'], to: 'shortlisted' },
  'start-notice': { from: ['shortlisted'], to: 'public-notice' },
  approve: { from: ['public-notice'], to: 'approved' },
  'pass-mid-term': { from: ['approved'], to: 'mid-term-passed' },
  'fail-mid-term': { from: ['approved'], to: 'terminated' },
  accept: { from: ['mid-term-passed'], to: 'accepted' },
  terminate: { from: ['approved', 'mid-term-passed'], to: 'terminated' },
  reject: { from: ['proposed', 'shortlisted', 'public-notice'], to: 'rejected' },
});

/** Statuses of a project in the portfolio (counted towards its year's quota). */
export const IN_PORTFOLIO: ProjectStatus[] = ['approved', 'mid-term-passed', 'accepted'];
/** Statuses in which milestones are reported. */
export const REPORTING: ProjectStatus[] = ['approved', 'mid-term-passed'];
/** Seen by everyone: in notice (公示) or in the portfolio. */
export const PUBLIC_STATUSES: ProjectStatus[] = ['public-notice', 'approved', 'mid-term-passed', 'accepted', 'terminated'];
