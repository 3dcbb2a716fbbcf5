export * from './identity.module';
export { IdentityService } from './identity.service';
export type { AuditRecord, OrganisationReference } from './identity.service';
export { OrganisationResponse, UserResponse, SessionResponse, InvitationResponse, AuditEntryResponse } from './dto/identity.dto';
export type { VerificationStatus } from './organisation-verification';
export { BrokerCertificationSource } from './broker-certification.port';
