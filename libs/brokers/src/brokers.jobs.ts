import { Injectable } from '@nestjs/common';
import { JobHandler, JobName, JobPayload } from '@techbridge/platform';
import { BrokerCertificateService } from './broker-certificate.service';

/** Worker handlers of the brokers context. */
@Injectable()
export class BrokersJobs {
  constructor(private readonly certificates: BrokerCertificateService) {}

  @JobHandler(JobName.RemindBrokerCertificateExpiry)
  remindExpiry(payload: JobPayload<JobName.RemindBrokerCertificateExpiry>): Promise<'reminded' | 'skipped'> {
    return this.certificates.remindExpiry(payload.certificateId, payload.expiresAt);
  }
}
