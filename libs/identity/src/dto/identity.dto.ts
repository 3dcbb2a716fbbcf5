import { auditActionLabel, auditEntityLabel } from '../audit-labels';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsCreditCode, LocalizedText, OrgType, PageQuery, PARK_CODES, REGION_CODES, Role } from '@techbridge/platform';
import { AuditEntry } from '../entities/audit-entry.entity';
import { Organisation } from '../entities/organisation.entity';
import { User } from '../entities/user.entity';
import { mayExercisePowers, VERIFICATION_STATUSES, VerificationStatus } from '../organisation-verification';
import { PASSWORD_MAX_LENGTH } from '../password-policy';
import { AgreementsAcceptedDto } from './site.dto';
import { effectiveRoles, RoleHolderOrganisation } from '../role-eligibility';

/** Roles an org-admin may grant; platform-admin comes only with the platform's bootstrap. */
export const GRANTABLE_ROLES = [Role.Member, Role.OrgAdmin, Role.Broker, Role.Reviewer];
/** A non-empty set of grantable roles (whether they may be held here is the service's role rule). */
const GrantedRoles = (description: string) =>
  applyDecorators(ApiProperty({ enum: GRANTABLE_ROLES, isArray: true, description }), IsArray(), ArrayMinSize(1), ArrayUnique(), IsIn(GRANTABLE_ROLES, { each: true }));
const SELF_SERVICE_ORG_TYPES = Object.values(OrgType).filter((t) => t !== OrgType.Platform);
/** The policy itself (length, character classes: PASSWORD_MIN_*) is configurable and checked by the session service. */
const newPasswordRule = (): PropertyDecorator => MaxLength(PASSWORD_MAX_LENGTH);


export class NewOrganisationDto {
  @ApiProperty({ example: '清华大学' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: SELF_SERVICE_ORG_TYPES })
  @IsIn(SELF_SERVICE_ORG_TYPES)
  type!: OrgType;

  @ApiProperty({ example: '12100000400000624D', description: '统一社会信用代码 (GB 32100-2015, check character verified)' })
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ enum: REGION_CODES })
  @IsIn(REGION_CODES as unknown as string[])
  region!: string;

  @ApiPropertyOptional({ enum: PARK_CODES })
  @IsOptional()
  @IsIn(PARK_CODES)
  parkCode?: string;

  @ApiPropertyOptional({ example: '130100', description: 'Administrative division code (6 digits)' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'divisionCode must be a 6-digit administrative division code' })
  divisionCode?: string;
}

export class SignUpDto {
  @ApiProperty({ example: 'tto@example.edu.cn' })
  @IsEmail()
  @MaxLength(120)
  email!: string;

  @ApiProperty({ minLength: 10, description: 'PASSWORD_MIN_LENGTH characters (10 by default) from PASSWORD_MIN_CLASSES of lower, upper, digit, other (3 by default)' })
  @IsString()
  @newPasswordRule()
  password!: string;

  @ApiProperty({ example: '张老师' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName!: string;

  @ApiProperty({ type: NewOrganisationDto })
  @ValidateNested()
  @Type(() => NewOrganisationDto)
  organisation!: NewOrganisationDto;

  @ApiProperty({ type: AgreementsAcceptedDto, description: 'The user agreement and privacy policy versions accepted (current ones: GET /site)' })
  @IsObject({ message: 'agreements: accept the user agreement and privacy policy' })
  @ValidateNested()
  @Type(() => AgreementsAcceptedDto)
  agreements!: AgreementsAcceptedDto;
}

export class SignInDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(120)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

/** Proves the current password (`password`, also when it has expired) and sets a new one; answers with a new session. */
export class ChangePasswordDto extends SignInDto {
  @ApiProperty({ description: 'Under the password policy; not one of the last PASSWORD_HISTORY passwords' })
  @IsString()
  @newPasswordRule()
  newPassword!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  refreshToken!: string;
}

export class InviteMemberDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(120)
  email!: string;

  @GrantedRoles('broker and reviewer only where the role rule allows them')
  roles!: Role[];
}

export class AcceptInvitationDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  token!: string;

  @ApiProperty({ description: 'Under the password policy, as on sign-up' })
  @IsString()
  @newPasswordRule()
  password!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  displayName!: string;

  /** 个人信息保护法: an invitee opens an account too, so consents like anyone signing up. */
  @ApiProperty({ type: AgreementsAcceptedDto, description: 'The user agreement and privacy policy versions accepted (current ones: GET /site)' })
  @IsObject({ message: 'agreements: accept the user agreement and privacy policy' })
  @ValidateNested()
  @Type(() => AgreementsAcceptedDto)
  agreements!: AgreementsAcceptedDto;
}

export class OrganisationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Object.values(OrgType) })
  @IsOptional()
  @IsIn(Object.values(OrgType))
  type?: OrgType;

  @ApiPropertyOptional({ description: 'name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: VERIFICATION_STATUSES, description: 'e.g. pending: the platform administrator\'s verification queue' })
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  verificationStatus?: VerificationStatus;
}

export class VerifyOrganisationDto {
  @ApiPropertyOptional({ description: 'What was checked (licence, appointment letter, ...)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RejectOrganisationDto {
  @ApiProperty({ description: 'Reason shown to the organisation' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  entityId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  action?: string;
}

// ---- responses ----

export class OrganisationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Object.values(OrgType) }) type!: OrgType;
  @ApiProperty({ type: String, nullable: true }) creditCode!: string | null;
  @ApiProperty() region!: string;
  @ApiProperty({ type: String, nullable: true }) parkCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) divisionCode!: string | null;
  @ApiProperty() claimed!: boolean;
  @ApiProperty() profile!: Record<string, unknown>;
  @ApiProperty({ enum: VERIFICATION_STATUSES }) verificationStatus!: VerificationStatus;
  @ApiProperty({ description: 'May exercise the powers of its type (verified, or a type that needs no verification)' }) verified!: boolean;
  @ApiProperty({ type: String, nullable: true }) verifiedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) verificationNote!: string | null;
  @ApiProperty({ description: 'Sign-up date: the verification queue is worked oldest first' }) createdAt!: string;
}

export function mapOrganisation(o: Organisation): OrganisationResponse {
  return { id: o.id, name: o.name, type: o.type, creditCode: o.creditCode, region: o.region, parkCode: o.parkCode, divisionCode: o.divisionCode, claimed: o.claimed, profile: { ...o.profile },
    verificationStatus: o.verificationStatus, verified: mayExercisePowers(o.verificationStatus), verifiedAt: o.verifiedAt?.toISOString() ?? null, verificationNote: o.verificationNote, createdAt: o.createdAt.toISOString(),
  };
}

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: Object.values(Role), isArray: true, description: 'Granted roles' }) roles!: Role[];
  @ApiProperty({ enum: Object.values(Role), isArray: true, description: "Granted roles in effect: privileged roles need a verified organisation of the right type (broker also a certificate in good standing)" })
  effectiveRoles!: Role[];
  @ApiProperty() organisationId!: string;
  @ApiProperty() status!: string;
}

/** `brokerCertified`: the user holds a broker certificate in good standing (identity's BrokerStanding asks). */
export function mapUser(u: User, org: RoleHolderOrganisation, brokerCertified: boolean): UserResponse {
  return { id: u.id, email: u.email, displayName: u.displayName, roles: u.roles, effectiveRoles: effectiveRoles(u.roles, org, { brokerCertified }), organisationId: u.organisationId, status: u.status };
}

export class SessionResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty() expiresIn!: number;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ type: OrganisationResponse }) organisation!: OrganisationResponse;
}

export class ChangeRolesDto {
  @GrantedRoles('The complete set of grantable roles (member is always kept); broker and reviewer only where the role rule allows them')
  roles!: Role[];
}

export class InvitationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ isArray: true, enum: Object.values(Role) }) roles!: Role[];
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ description: 'One-time token for the invitee (sent by e-mail in production; returned here because no mail relay is configured).' })
  token!: string;
}

export class AuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorOrgId!: string | null;
  @ApiProperty({ description: 'stable code, e.g. demand.publish' }) action!: string;
  @ApiProperty({ description: 'the action as readers say it' }) actionLabel!: LocalizedText;
  @ApiProperty() entityType!: string;
  @ApiProperty() entityLabel!: LocalizedText;
  @ApiProperty() entityId!: string;
  @ApiProperty() changes!: Record<string, unknown>;
  @ApiProperty({ nullable: true, description: 'Client address of the request (sign-in attempts)' }) clientAddress!: string | null;
  @ApiProperty() at!: string;
}

export function mapAuditEntry(a: AuditEntry): AuditEntryResponse {
  return {
    id: String(a.id), actorUserId: a.actorUserId, actorOrgId: a.actorOrgId, action: a.action, actionLabel: auditActionLabel(a.action), entityType: a.entityType,
    entityLabel: auditEntityLabel(a.entityType), entityId: a.entityId, changes: a.changes, clientAddress: a.clientAddress, at: a.at.toISOString(),
  };
}

/** GET /me: the signed-in user and their organisation. */
export class MeResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ type: OrganisationResponse }) organisation!: OrganisationResponse;
}
