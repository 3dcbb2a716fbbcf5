import type { Api, Session } from './test-app';

/**
 * Broker certification for tests: since issue 17 the broker role is in effect only for a certified broker, so the
 * brokers the suites add are certified through the real flow (a verified training base's course, enrolment, hours,
 * exam, certificate). One training base and course per api, made on first use.
 */
interface TrainingSetup {
  base: Session;
  courseId: string;
}

const setups = new WeakMap<Api, Promise<TrainingSetup>>();
export const TEST_COURSE_HOURS = { general: 8, policy: 4, practice: 6, capability: 2 } as const;

async function ok<T = any>(what: string, res: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A verified training base with one junior course (made once per api). */
export function testTrainingBase(api: Api): Promise<TrainingSetup> {
  let setup = setups.get(api);
  if (!setup) {
    setup = (async () => {
      // Required lazily: test-app imports this module.
      const { signUpOrganisation, verifyOrganisation } = await import('./test-app');
      const base = await signUpOrganisation(api, 'training-base', { name: `测试技术转移人才培养基地${Date.now()}` });
      await verifyOrganisation(api, base.organisation.id);
      const course = await ok<{ id: string }>('create course', api.post('broker-courses', { title: '技术经纪人初级培训（测试）', level: 'junior', hours: TEST_COURSE_HOURS }, { token: base.accessToken }));
      return { base, courseId: course.id };
    })();
    setups.set(api, setup);
  }
  return setup;
}

/** Certify this user as a broker through the training flow; returns the certificate. `freshCourse`: on a course of its own (a second certificate). */
export async function certifyBroker(api: Api, broker: Session, options: { freshCourse?: boolean } = {}): Promise<{ id: string; number: string; enrolmentId: string }> {
  const setup = await testTrainingBase(api);
  const { base } = setup;
  const courseId = options.freshCourse
    ? (await ok<{ id: string }>('create course', api.post('broker-courses', { title: `技术经纪人培训（测试）${Date.now()}`, level: 'intermediate', hours: TEST_COURSE_HOURS }, { token: base.accessToken }))).id
    : setup.courseId;
  const enrolment = await ok<{ id: string }>('enrol', api.post(`broker-courses/${courseId}/enrolments`, {}, { token: broker.accessToken }));
  for (const [module, hours] of Object.entries(TEST_COURSE_HOURS)) {
    await ok('log hours', api.post(`broker-enrolments/${enrolment.id}/hours`, { module, hours }, { token: base.accessToken }));
  }
  await ok('exam', api.post(`broker-enrolments/${enrolment.id}/exam`, { score: 82 }, { token: base.accessToken }));
  const cert = await ok<{ id: string; number: string }>('certificate', api.post(`broker-enrolments/${enrolment.id}/certificate`, {}, { token: base.accessToken }));
  return { ...cert, enrolmentId: enrolment.id };
}
