export { PersonalDataRegistry } from './personal-data.registry';
export type { PersonalDataSection } from './personal-data.registry';
export { RetentionService } from './retention.service';
export type { RetentionRule, RetentionPolicyView } from './retention.service';
export { RetentionPolicyResponse } from './retention.controller';
export { PrivacyModule } from './privacy.module';
