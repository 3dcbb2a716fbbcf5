import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password-policy';

/** Deleting one's account is confirmed with the password, so a borrowed session cannot do it. */
export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class PersonalDataAccount {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['zh', 'en'] }) locale!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() passwordChangedAt!: string;
}

export class PersonalDataMembership {
  @ApiProperty() organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() organisationType!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() memberSince!: string;
}

export class PersonalDataAgreement {
  @ApiProperty() document!: string;
  @ApiProperty() version!: string;
  @ApiProperty() acceptedAt!: string;
}

export class PersonalDataAuditEntry {
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'sign-in' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Client address (sign-in attempts)' }) clientAddress!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) changes!: Record<string, unknown>;
}

export class PersonalDataSession {
  @ApiProperty() startedAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ type: String, nullable: true }) endedAt!: string | null;
}

/** Everything the platform holds about the caller (个人信息保护法 Art. 45), as one JSON document. */
export class PersonalDataResponse {
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: PersonalDataAccount }) account!: PersonalDataAccount;
  @ApiProperty({ type: [PersonalDataMembership] }) memberships!: PersonalDataMembership[];
  @ApiProperty({ type: [PersonalDataAgreement] }) agreements!: PersonalDataAgreement[];
  @ApiProperty({ type: [PersonalDataAuditEntry], description: 'Sign-ins (successful and failed), sign-outs and password changes of the account' })
  signInHistory!: PersonalDataAuditEntry[];
  @ApiProperty({ type: [PersonalDataAuditEntry], description: 'Other audited actions the user took (most recent first, at most 1,000)' })
  activity!: PersonalDataAuditEntry[];
  @ApiProperty({ type: [PersonalDataSession] }) sessions!: PersonalDataSession[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Each context\'s part: notifications, e-mail preferences, favourites, saved searches, …' })
  sections!: Record<string, unknown>;
}

export class AccountDeletionResponse {
  @ApiProperty() deletedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Rows erased or pseudonymised per section' })
  erased!: Record<string, number>;
}
