import { useState } from 'react';
import { api } from '../../api';
import type { components } from '../../api/schema.gen';
import { CertificateDetails } from '../../components/broker-certificate.component';
import { ErrorNotice, Loading } from '../../components/feedback.component';
import { RequireSession } from '../../components/require-session.component';
import { useI18n } from '../../i18n';
import { invalidate, useApiQuery } from '../../query';
import { MODULES } from './training-base.page';

type Course = components['schemas']['CourseResponse'];
type Enrolment = components['schemas']['EnrolmentResponse'];
type Certificate = components['schemas']['CertificateResponse'];
type Page<T> = { items: T[]; total: number };

/** A (future) broker's own page: courses to enrol on, hours and exam of each enrolment, the certificate with level and expiry. */
export function MyTrainingPage() {
  const { t } = useI18n();
  return (
    <RequireSession>
      <section aria-labelledby="mine-title">
        <h1 id="mine-title">{t('mine.title')}</h1>
        <p className="muted">{t('mine.lead')}</p>
        <MyCertificates />
        <MyEnrolments />
      </section>
    </RequireSession>
  );
}

function MyCertificates() {
  const { t } = useI18n();
  const certificates = useApiQuery<Page<Certificate>>('broker-certificates', { pageSize: 20 }, { staleTime: 0 });
  return (
    <div className="panel" data-testid="my-certificates">
      <h2>{t('mine.certificates')}</h2>
      {certificates.isLoading && <Loading />}
      {!!certificates.error && <ErrorNotice error={certificates.error} onRetry={certificates.refetch} />}
      {certificates.data?.items.length === 0 && <p className="empty">{t('mine.noCertificates')}</p>}
      {certificates.data?.items.map((c) => <CertificateDetails key={c.id} certificate={c} withLookupLink />)}
    </div>
  );
}

function MyEnrolments() {
  const { t } = useI18n();
  const enrolments = useApiQuery<Page<Enrolment>>('broker-enrolments', { pageSize: 100 });
  const courses = useApiQuery<Page<Course>>('broker-courses', { pageSize: 100 });
  const [error, setError] = useState<unknown>(null);
  const enrolledOn = new Set(enrolments.data?.items.map((e) => e.courseId));
  const enrol = async (courseId: string) => {
    setError(null);
    try {
      await api.post(`broker-courses/${courseId}/enrolments`, {});
      await invalidate('broker-enrolments');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <div className="panel" data-testid="my-enrolments">
        <h2>{t('mine.enrolments')}</h2>
        {enrolments.isLoading && <Loading />}
        {!!enrolments.error && <ErrorNotice error={enrolments.error} onRetry={enrolments.refetch} />}
        {enrolments.data?.items.length === 0 && <p className="empty">{t('mine.noEnrolments')}</p>}
        <ul>
          {enrolments.data?.items.map((e) => (
            <li key={e.id} data-testid="my-enrolment">
              <strong>{e.courseTitle}</strong> · {t(`training.level.${e.level}`)} · {t(`training.status.${e.status}`)}
              {e.examScore !== null && ` · ${t('training.examScore', { score: e.examScore })}`}
              <p className="small muted">
                {MODULES.map((m) => t('training.progress', { module: t(`training.module.${m}`), logged: e.loggedHours[m], required: e.requiredHours[m] })).join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      </div>
      <div className="panel">
        <h2>{t('mine.courses')}</h2>
        {!!error && <ErrorNotice error={error} />}
        {courses.isLoading && <Loading />}
        {!!courses.error && <ErrorNotice error={courses.error} onRetry={courses.refetch} />}
        <ul>
          {courses.data?.items.map((c) => (
            <li key={c.id} data-testid="open-course">
              <strong>{c.title}</strong> · {c.trainingBaseName} · {t(`training.level.${c.level}`)} · {t('training.totalHours', { hours: c.totalHours })}{' '}
              {enrolledOn.has(c.id) ? (
                <span className="small muted">{t('mine.enrolled')}</span>
              ) : (
                <button type="button" className="btn btn--small" onClick={() => enrol(c.id)}>
                  {t('mine.enrol')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
