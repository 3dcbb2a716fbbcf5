import { FormEvent, useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema.gen';
import { BrokerLevel, StandingBadge } from '../../components/broker-certificate.component';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/feedback.component';
import { RequireSession } from '../../components/require-session.component';
import { formatDate } from '../../format';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { useSession } from '../../session';

type Course = components['schemas']['CourseResponse'];
type Enrolment = components['schemas']['EnrolmentResponse'];
type Certificate = components['schemas']['CertificateResponse'];
type Page<T> = { items: T[]; total: number };
type TrainingModule = keyof components['schemas']['ModuleHoursResponse'];

export const LEVELS: BrokerLevel[] = ['junior', 'intermediate', 'senior'];
export const MODULES: TrainingModule[] = ['general', 'policy', 'practice', 'capability'];

/** After any write of the base: every list on the page may have moved (an issued certificate changes the enrolment too). */
const refresh = () => invalidate('broker-courses', 'broker-enrolments', 'broker-certificates');

/** A training base's workspace: its courses, its trainees' hours and exams, the certificates it issued and their standing. */
export function TrainingBaseWorkspace() {
  const { t } = useI18n();
  const session = useSession();
  const isBase = session?.organisation.type === 'training-base';
  return (
    <RequireSession orgTypes={['training-base']}>
      <section aria-labelledby="training-title">
        <h1 id="training-title">{t('training.title')}</h1>
        <p className="muted">{t('training.lead')}</p>
        {isBase && !session?.organisation.verified && <Notice kind="warning">{t('training.baseOnly')}</Notice>}
        {isBase && (
          <>
            <Courses baseId={session!.organisation.id} />
            <Enrolments />
            <Certificates />
          </>
        )}
      </section>
    </RequireSession>
  );
}

function Courses({ baseId }: { baseId: string }) {
  const { t } = useI18n();
  const courses = useApiQuery<Page<Course>>('broker-courses', { trainingBaseId: baseId, pageSize: 100 });
  return (
    <div className="panel">
      <h2>{t('training.courses')}</h2>
      {courses.isLoading && <Loading />}
      {!!courses.error && <ErrorNotice error={courses.error} onRetry={courses.refetch} />}
      {courses.data?.items.length === 0 && <p className="empty">{t('training.noCourses')}</p>}
      <ul>
        {courses.data?.items.map((c) => (
          <li key={c.id} data-testid="course">
            <strong>{c.title}</strong> · {t(`training.level.${c.level}`)} · {t('training.totalHours', { hours: c.totalHours })}
          </li>
        ))}
      </ul>
      <NewCourse />
    </div>
  );
}

function NewCourse() {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState<BrokerLevel>('junior');
  const [hours, setHours] = useState<Record<TrainingModule, number>>({ general: 0, policy: 0, practice: 0, capability: 0 });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post('broker-courses', { title, level, hours });
      setTitle('');
      setDone(true);
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="form form--two" onSubmit={submit} aria-label={t('training.newCourse')}>
      <h3 className="form__full">{t('training.newCourse')}</h3>
      {!!error && <ErrorNotice error={error} />}
      {done && <Notice>{t('training.created')}</Notice>}
      <div className="field">
        <label htmlFor="course-title">{t('training.courseTitle')}</label>
        <input id="course-title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} required minLength={2} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="course-level">{t('training.level')}</label>
        <select id="course-level" name="level" value={level} onChange={(e) => setLevel(e.target.value as BrokerLevel)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`training.level.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {MODULES.map((m) => (
        <div className="field" key={m}>
          <label htmlFor={`course-hours-${m}`}>{t('training.hoursOf', { module: t(`training.module.${m}`) })}</label>
          <input id={`course-hours-${m}`} name={`hours.${m}`} type="number" min={0} max={500} value={hours[m]} onChange={(e) => setHours({ ...hours, [m]: Number(e.target.value) })} />
        </div>
      ))}
      <div className="form__actions form__full">
        <button type="submit" className="btn btn--primary">
          {t('training.newCourse')}
        </button>
      </div>
    </form>
  );
}

function Enrolments() {
  const { t } = useI18n();
  const enrolments = useApiQuery<Page<Enrolment>>('broker-enrolments', { pageSize: 100 });
  return (
    <div className="panel">
      <h2>{t('training.enrolments')}</h2>
      {enrolments.isLoading && <Loading />}
      {!!enrolments.error && <ErrorNotice error={enrolments.error} onRetry={enrolments.refetch} />}
      {enrolments.data?.items.length === 0 && <p className="empty">{t('training.noEnrolments')}</p>}
      <ul>
        {enrolments.data?.items.map((e) => <EnrolmentRow key={e.id} enrolment={e} />)}
      </ul>
    </div>
  );
}

/** One trainee: hours per module against the course's, the exam, and the certificate once passed. */
function EnrolmentRow({ enrolment: e }: { enrolment: Enrolment }) {
  const { t } = useI18n();
  const [module, setModule] = useState<TrainingModule>('general');
  const [hours, setHours] = useState(1);
  const [score, setScore] = useState(60);
  const [error, setError] = useState<unknown>(null);
  const act = async (path: string, body: unknown = {}) => {
    setError(null);
    try {
      await api.post(`broker-enrolments/${e.id}/${path}`, body);
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  const studying = e.status === 'enrolled' || e.status === 'failed';
  return (
    <li data-testid="enrolment" data-trainee={e.traineeName}>
      <strong>{e.traineeName}</strong> · {e.courseTitle} · <span data-testid="enrolment-status">{t(`training.status.${e.status}`)}</span>
      {e.examScore !== null && ` · ${t('training.examScore', { score: e.examScore })}`}
      <p className="small muted">
        {MODULES.map((m) => t('training.progress', { module: t(`training.module.${m}`), logged: e.loggedHours[m], required: e.requiredHours[m] })).join(' · ')}
      </p>
      {!!error && <ErrorNotice error={error} />}
      {studying && (
        <div className="form__actions">
          <label className="inline-field">
            {t('training.module')}
            <select name="module" value={module} onChange={(ev) => setModule(ev.target.value as TrainingModule)}>
              {MODULES.map((m) => (
                <option key={m} value={m}>
                  {t(`training.module.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            {t('training.hours')}
            <input name="hours" type="number" min={1} max={200} value={hours} onChange={(ev) => setHours(Number(ev.target.value))} />
          </label>
          <button type="button" className="btn btn--small" onClick={() => act('hours', { module, hours })}>
            {t('training.logHours')}
          </button>
          <label className="inline-field">
            {t('training.score')}
            <input name="score" type="number" min={0} max={100} value={score} onChange={(ev) => setScore(Number(ev.target.value))} />
          </label>
          <button type="button" className="btn btn--small" onClick={() => act('exam', { score })}>
            {t('training.recordExam')}
          </button>
        </div>
      )}
      {e.status === 'passed' && (
        <button type="button" className="btn btn--primary btn--small" onClick={() => act('certificate')}>
          {t('training.issue')}
        </button>
      )}
    </li>
  );
}

function Certificates() {
  const { t } = useI18n();
  const certificates = useApiQuery<Page<Certificate>>('broker-certificates', { pageSize: 100 });
  return (
    <div className="panel">
      <h2>{t('training.certificates')}</h2>
      {certificates.isLoading && <Loading />}
      {!!certificates.error && <ErrorNotice error={certificates.error} onRetry={certificates.refetch} />}
      {certificates.data?.items.length === 0 && <EmptyState>{t('training.noCertificates')}</EmptyState>}
      <ul>
        {certificates.data?.items.map((c) => <CertificateRow key={c.id} certificate={c} />)}
      </ul>
    </div>
  );
}

/** The base's powers over what it issued: renew, suspend (with a reason), reinstate, revoke (with a reason, final). */
function CertificateRow({ certificate: c }: { certificate: Certificate }) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [needReason, setNeedReason] = useState(false);
  const act = async (action: 'renew' | 'suspend' | 'reinstate' | 'revoke') => {
    setError(null);
    const withReason = action === 'suspend' || action === 'revoke';
    setNeedReason(withReason && reason.trim().length < 2);
    if (withReason && reason.trim().length < 2) return;
    try {
      await api.post(`broker-certificates/${c.id}/${action}`, withReason ? { reason: reason.trim() } : {});
      setReason('');
      await refresh();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li data-testid="issued-certificate" data-number={c.number}>
      <strong>{c.number}</strong> · {c.holderName} · {t(`training.level.${c.level}`)} · {t('certs.expiresAt')} {formatDate(c.expiresAt, lang)} · <StandingBadge standing={c.standing} />
      {!!error && <ErrorNotice error={error} />}
      {c.status !== 'revoked' && (
        <div className="form__actions">
          {c.status === 'active' && (
            <button type="button" className="btn btn--small" onClick={() => act('renew')}>
              {t('training.renew')}
            </button>
          )}
          {c.status === 'suspended' && (
            <button type="button" className="btn btn--small" onClick={() => act('reinstate')}>
              {t('training.reinstate')}
            </button>
          )}
          <label className="inline-field">
            {t('training.reason')}
            <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} aria-invalid={needReason} />
          </label>
          {c.status === 'active' && (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => act('suspend')}>
              {t('training.suspend')}
            </button>
          )}
          <button type="button" className="btn btn--ghost btn--small" onClick={() => act('revoke')}>
            {t('training.revoke')}
          </button>
          {needReason && <span className="field__error">{t('training.reasonRequired')}</span>}
        </div>
      )}
    </li>
  );
}
