import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-catalogue';

export const JOB_HANDLER = Symbol('JOB_HANDLER');
export const JOB_FAILURE_HANDLER = Symbol('JOB_FAILURE_HANDLER');

/** Marks a provider method as the one handler of a job. It receives (payload, JobContext). */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);

/** Called once when a job has failed its last attempt: move the domain row to a state a person sees. */
export const JobFailureHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_FAILURE_HANDLER, name);

export interface JobContext {
  jobId: string;
  attemptsMade: number;
  /** Report progress (0-100 or an object) for long jobs. */
  updateProgress(progress: number | object): Promise<void>;
  /** In a failure handler: why the last attempt failed. */
  failedReason?: string;
}

/** A failure no retry can mend (a file that is not what it claims to be): the job fails at once and its failure hook runs. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
