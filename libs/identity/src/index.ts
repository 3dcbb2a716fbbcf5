export * from './identity.module';
export { IdentityService, AuditRecord, OrganisationReference } from './identity.service';
export * from './dto/identity.dto';
export type { VerificationStatus } from './organisation-verification';
