import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { LEGAL_DOCUMENTS, LegalDocument, LegalDocumentKind } from '../legal/legal-documents';

/** The versions of the user agreement and privacy policy the person signing up has read and accepts. */
export class AgreementsAcceptedDto {
  @ApiProperty({ example: '2026-12-01', description: 'Version of the user agreement accepted (GET /site)' }) @IsString() @MaxLength(40) userAgreement!: string;
  @ApiProperty({ example: '2026-12-01', description: 'Version of the privacy policy accepted (GET /site)' }) @IsString() @MaxLength(40) privacyPolicy!: string;
}

export class BilingualText {
  @ApiProperty() zh!: string;
  @ApiProperty() en!: string;
}

export class BilingualParagraphs {
  @ApiProperty({ type: [String] }) zh!: string[];
  @ApiProperty({ type: [String] }) en!: string[];
}

export class LegalDocumentSummaryResponse {
  @ApiProperty({ enum: LEGAL_DOCUMENTS }) document!: LegalDocumentKind;
  @ApiProperty() version!: string;
  @ApiProperty({ type: BilingualText }) title!: BilingualText;
}

export class LegalDocumentResponse extends LegalDocumentSummaryResponse {
  @ApiProperty({ type: BilingualParagraphs }) body!: BilingualParagraphs;
}

export class SiteResponse {
  @ApiProperty({ description: 'Host organisation (主办单位); empty when not configured' }) hostOrganisation!: string;
  @ApiProperty({ description: 'Contact line; empty when not configured' }) contact!: string;
  @ApiProperty({ description: 'ICP filing number (ICP备案号); empty when not configured' }) icpNumber!: string;
  @ApiProperty({ type: [LegalDocumentSummaryResponse], description: 'Current versions, to accept at sign-up' }) agreements!: LegalDocumentSummaryResponse[];
}

export class AgreementAcceptanceResponse {
  @ApiProperty({ enum: LEGAL_DOCUMENTS }) document!: LegalDocumentKind;
  @ApiProperty() version!: string;
  @ApiProperty() acceptedAt!: string;
}

export function summaryOf(d: LegalDocument): LegalDocumentSummaryResponse {
  return { document: d.document, version: d.version, title: d.title };
}
