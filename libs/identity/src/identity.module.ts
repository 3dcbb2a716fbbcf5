import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationModule, NotificationRecipients } from '@techbridge/notification';
import { ActorSource, RequestAuditSink } from '@techbridge/platform';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailRepository } from './audit-trail.repository';
import { AuditTrailService } from './audit-trail.service';
import { AuditEntry } from './entities/audit-entry.entity';
import { Invitation } from './entities/invitation.entity';
import { PasswordHistory } from './entities/password-history.entity';
import { Organisation } from './entities/organisation.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';
import { AuthController, IdentityController } from './identity.controller';
import { AgreementAcceptance } from './entities/agreement-acceptance.entity';
import { Agreements } from './legal/agreements';
import { SiteController } from './site.controller';
import { BrokerStanding } from './broker-certification.port';
import { IdentityRepository } from './identity.repository';
import { IdentityActorSource } from './identity-actor-source';
import { IdentityNotificationRecipients } from './identity-notification-recipients';
import { IdentityService } from './identity.service';
import { AuditLog } from './audit-log';
import { MembershipService } from './membership.service';
import { SessionRepository } from './session.repository';
import { SessionService } from './session.service';
import { AccountDeletionService } from './account-deletion.service';
import { PersonalDataRepository } from './personal-data.repository';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';

@Injectable()
class PlatformAdminBootstrap implements OnApplicationBootstrap {
  constructor(private readonly identity: IdentityService) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.identity.ensurePlatformAdmin();
  }
}

@Module({
  imports: [NotificationModule, TypeOrmModule.forFeature([Organisation, User, RefreshToken, Invitation, AuditEntry, PasswordHistory, AgreementAcceptance])],
  controllers: [AuthController, IdentityController, AuditTrailController, SiteController, PrivacyController],
  // ActorSource: the auth guard builds each request's actor through it (effective roles, current verification).
  providers: [
    IdentityRepository, IdentityService, MembershipService, PlatformAdminBootstrap, AuditLog, SessionRepository, SessionService, Agreements, BrokerStanding,
    { provide: ActorSource, useClass: IdentityActorSource },
    // The notification context mails through it (it sits below identity and cannot read users itself).
    { provide: NotificationRecipients, useClass: IdentityNotificationRecipients },
    // The platform's interceptor writes every privileged request to the audit log through it.
    AuditTrailRepository, AuditTrailService,
    { provide: RequestAuditSink, useExisting: AuditTrailService },
    PersonalDataRepository, PersonalDataService, AccountDeletionService,
  ],
  exports: [IdentityService],
})
export class IdentityModule {}
