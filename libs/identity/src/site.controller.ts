import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, AppConfig, CurrentActor, Public } from '@techbridge/platform';
import { AgreementAcceptanceResponse, LegalDocumentResponse, SiteResponse, summaryOf } from './dto/site.dto';
import { Agreements } from './legal/agreements';
import { CURRENT_LEGAL_DOCUMENTS, LEGAL_DOCUMENTS } from './legal/legal-documents';

/** What every page shows (the footer) and the documents a user accepts at sign-up. */
@ApiTags('site')
@Controller()
export class SiteController {
  constructor(
    private readonly config: AppConfig,
    private readonly agreements: Agreements,
  ) {}

  @Get('site')
  @Public()
  @ApiOperation({ summary: 'Footer facts from configuration (host organisation, contact, ICP number) and the current agreement versions' })
  @ApiOkResponse({ type: SiteResponse })
  site(): SiteResponse {
    return {
      hostOrganisation: this.config.SITE_HOST_ORGANISATION,
      contact: this.config.SITE_CONTACT,
      icpNumber: this.config.SITE_ICP_NUMBER,
      agreements: LEGAL_DOCUMENTS.map((d) => summaryOf(CURRENT_LEGAL_DOCUMENTS[d])),
    };
  }

  @Get('site/legal')
  @Public()
  @ApiOperation({ summary: 'The current user agreement and privacy policy, in full' })
  @ApiOkResponse({ type: [LegalDocumentResponse] })
  legal(): LegalDocumentResponse[] {
    return LEGAL_DOCUMENTS.map((d) => CURRENT_LEGAL_DOCUMENTS[d]);
  }

  @Get('me/agreements')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The agreement versions I accepted, and when' })
  @ApiOkResponse({ type: [AgreementAcceptanceResponse] })
  mine(@CurrentActor() actor: Actor): Promise<AgreementAcceptanceResponse[]> {
    return this.agreements.of(actor);
  }
}
