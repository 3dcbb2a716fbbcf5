import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ArrayMinSize, ArrayMaxSize, ArrayUnique } from 'class-validator';
import { BROKER_TIERS, BrokerProfile, BrokerTier, INSTITUTION_LEVELS, InstitutionLevel, RegistrationInstitutionProfile, TransferInstitutionProfile } from '../entities/institution-profiles.entity';

/** Request and response types of institution and broker profiles. */
export class TransferInstitutionProfileDto {
  @ApiProperty({ enum: INSTITUTION_LEVELS })
  @IsIn(INSTITUTION_LEVELS as unknown as string[])
  level!: InstitutionLevel;

  @ApiProperty({ example: '国技转字〔2025〕013号' })
  @IsString()
  @MinLength(2)
  @MaxLength(60)
  accreditationNumber!: string;

  @ApiProperty({ example: '2025-01-01' })
  @IsDateString({ strict: true })
  validFrom!: string;

  @ApiProperty({ example: '2027-12-31' })
  @IsDateString({ strict: true })
  validTo!: string;

  @ApiPropertyOptional({ description: 'When the current level was granted (defaults to validFrom)' })
  @IsOptional()
  @IsDateString({ strict: true })
  accreditedOn?: string;
}

export class RegistrationInstitutionProfileDto {
  @ApiProperty({ example: ['13'], description: 'Administrative division code prefixes covered (2, 4 or 6 digits)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(/^(\d{2}|\d{4}|\d{6})$/, { each: true, message: 'coveredDivisions must be 2-, 4- or 6-digit division code prefixes' })
  coveredDivisions!: string[];

  @ApiPropertyOptional({ example: '130100', description: 'Six digits inside this institution\'s registration numbers' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'numberPrefix must be 6 digits' })
  numberPrefix?: string;
}

export class BrokerProfileDto {
  @ApiProperty({ enum: BROKER_TIERS })
  @IsIn(BROKER_TIERS as unknown as string[])
  tier!: BrokerTier;

  @ApiProperty({ example: 'JJR-HE-2025-0012' })
  @IsString()
  @MinLength(3)
  @MaxLength(60)
  filingNumber!: string;

  @ApiPropertyOptional({ example: '高级工程师' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  professionalTitle?: string;

  @ApiPropertyOptional({ description: 'The transfer institution the broker works for' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

export class TransferInstitutionResponse {
  @ApiProperty({ enum: INSTITUTION_LEVELS })
  level!: InstitutionLevel;
  @ApiProperty()
  accreditationNumber!: string;
  @ApiProperty()
  validFrom!: string;
  @ApiProperty()
  validTo!: string;
  @ApiProperty()
  accreditedOn!: string;
  /** Accreditation valid today. */
  @ApiProperty()
  valid!: boolean;
}
export class RegistrationInstitutionResponse {
  @ApiProperty({ type: [String] })
  coveredDivisions!: string[];
  @ApiProperty()
  numberPrefix!: string;
}
export class InstitutionResponse {
  @ApiProperty()
  organisationId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  type!: string;
  @ApiProperty()
  region!: string;
  @ApiProperty({ type: () => TransferInstitutionResponse, nullable: true })
  transfer!: TransferInstitutionResponse | null;
  @ApiProperty({ type: () => RegistrationInstitutionResponse, nullable: true })
  registration!: RegistrationInstitutionResponse | null;
}

export class BrokerPerformance {
  @ApiProperty() contractsRegistered!: number;
  @ApiProperty({ description: 'Yuan' }) contractAmount!: number;
  @ApiProperty({ description: 'Yuan' }) technologyAmount!: number;
  @ApiProperty() contractsInProgress!: number;
  /** Distinct matches this broker took into the pipeline (matching context). */
  @ApiProperty() matchesTaken!: number;
  /** Distinct matches this broker moved a step forward: contacted, negotiating or signed. */
  @ApiProperty() matchesMovedForward!: number;
  @ApiProperty() matchesSigned!: number;
  /** Roadshows this broker was responsible for that took place (held or closed). */
  @ApiProperty() eventsOrganised!: number;
  /** Announced roadshows still ahead (registration open or scheduled). */
  @ApiProperty() eventsUpcoming!: number;
}
export class BrokerResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ enum: BROKER_TIERS }) tier!: BrokerTier;
  @ApiProperty() filingNumber!: string;
  @ApiProperty({ type: String, nullable: true }) professionalTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) institutionId!: string | null;
  @ApiProperty({ type: BrokerPerformance }) performance!: BrokerPerformance;
}
export class BrokerPageResponse {
  @ApiProperty({ type: [BrokerResponse] }) items!: BrokerResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function mapTransferProfile(p: TransferInstitutionProfile, today: string): TransferInstitutionResponse {
  return { level: p.level, accreditationNumber: p.accreditationNumber, validFrom: p.validFrom, validTo: p.validTo, accreditedOn: p.accreditedOn, valid: p.validFrom <= today && today <= p.validTo };
}
export function mapRegistrationProfile(p: RegistrationInstitutionProfile): RegistrationInstitutionResponse {
  return { coveredDivisions: p.coveredDivisions, numberPrefix: p.numberPrefix };
}
export function mapBrokerProfile(p: BrokerProfile, user: { displayName: string; organisationId: string }, performance: BrokerPerformance): BrokerResponse {
  return {
    userId: p.userId, displayName: user.displayName, organisationId: user.organisationId, tier: p.tier, filingNumber: p.filingNumber,
    professionalTitle: p.professionalTitle, institutionId: p.institutionId, performance,
  };
}
