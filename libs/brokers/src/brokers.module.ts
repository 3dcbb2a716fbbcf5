import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BrokerCertificationSource, IdentityModule } from '@techbridge/identity';
import { NotificationModule } from '@techbridge/notification';
import { BrokerCertificateService } from './broker-certificate.service';
import { BrokerCertificationFromCertificates } from './broker-certification.source';
import { BrokerTrainingService } from './broker-training.service';
import { BrokersAccessPolicy } from './brokers-access.policy';
import { BrokersView } from './brokers-view';
import { BrokerCertificateController, BrokerCourseController, BrokerEnrolmentController } from './brokers.controller';
import { BrokersJobs } from './brokers.jobs';
import { BrokersRepository } from './brokers.repository';
import { BrokersPrivacy } from './brokers-privacy';
import { BrokerCertificate } from './entities/broker-certificate.entity';
import { BrokerCourse } from './entities/broker-course.entity';
import { BrokerEnrolment } from './entities/broker-enrolment.entity';

/**
 * Broker training and certification (技术经纪人培训与资质认证): training bases' courses, enrolments, certificates.
 * It answers identity's BrokerCertificationSource, so the broker role is in effect only for certified brokers.
 */
@Module({
  imports: [IdentityModule, NotificationModule, TypeOrmModule.forFeature([BrokerCourse, BrokerEnrolment, BrokerCertificate])],
  controllers: [BrokerCourseController, BrokerEnrolmentController, BrokerCertificateController],
  providers: [
    BrokersRepository, BrokersAccessPolicy, BrokersView, BrokerTrainingService, BrokerCertificateService, BrokersJobs, BrokersPrivacy,
    { provide: BrokerCertificationSource, useClass: BrokerCertificationFromCertificates },
  ],
  exports: [BrokerCertificateService],
})
export class BrokersModule {}
