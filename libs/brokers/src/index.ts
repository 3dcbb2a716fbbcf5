export * from './brokers.module';
export { BrokerCertificateService } from './broker-certificate.service';
export { CertificateResponse, PublicCertificateResponse, CourseResponse, EnrolmentResponse } from './dto/brokers.dto';
