import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PageQuery } from '@techbridge/platform';
import { CompensationClaimService } from './compensation-claim.service';
import { DealFlowPageResponse } from './dto/deal-flow.dto';
import { EngagementPageResponse, FinancingListQuery, InvestorProfileDto, InvestorProfileResponse } from './dto/financing.dto';
import { CompensationClaimPageResponse } from './dto/loan.dto';
import { EngagementService } from './engagement.service';
import { InvestorMatchingService } from './investor-matching.service';
import { InvestorProfileService } from './investor-profile.service';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('investors/me')
export class InvestorController {
  constructor(
    private readonly profiles: InvestorProfileService,
    private readonly matching: InvestorMatchingService,
    private readonly engagements: EngagementService,
    private readonly claims: CompensationClaimService,
  ) {}

  @Put('profile')
  @ApiOperation({ summary: '投资方画像 / Save my fund’s profile: stages, industries, ticket size, regions, park fund mandate (verified investment funds)' })
  @ApiOkResponse({ type: InvestorProfileResponse })
  save(@CurrentActor() actor: Actor, @Body() dto: InvestorProfileDto): Promise<InvestorProfileResponse> {
    return this.profiles.save(actor, dto);
  }

  @Get('profile')
  @ApiOperation({ summary: '我的投资方画像 / My fund’s profile' })
  @ApiOkResponse({ type: InvestorProfileResponse })
  mine(@CurrentActor() actor: Actor): Promise<InvestorProfileResponse> {
    return this.profiles.mine(actor);
  }

  @Get('deal-flow')
  @ApiOperation({ summary: '项目流 / Listed financing requests matched to my profile, best first, with reasons' })
  @ApiOkResponse({ type: DealFlowPageResponse })
  dealFlow(@CurrentActor() actor: Actor, @Query() q: FinancingListQuery) {
    return this.matching.dealFlow(actor, q);
  }

  @Get('engagements')
  @ApiOperation({ summary: '我的洽谈 / My engagements with financing requests' })
  @ApiOkResponse({ type: EngagementPageResponse })
  engagementsOfMine(@CurrentActor() actor: Actor, @Query() q: FinancingListQuery) {
    return this.engagements.mine(actor, q);
  }

  @Get('compensation-claims')
  @ApiOperation({ summary: '风险补偿申请 / Risk-compensation claims made to my park fund' })
  @ApiOkResponse({ type: CompensationClaimPageResponse })
  claimsOfMine(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.claims.mine(actor, q);
  }
}
