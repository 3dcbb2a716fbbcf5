import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { MeetingRequestResponse } from '@techbridge/roadshow';
import { Actor, CurrentActor } from '@techbridge/platform';
import { InvestorRoadshowService } from './investor-roadshow.service';

export class InvestorSuggestionsDto {
  @ApiPropertyOptional({ default: 50, description: 'Only pairs scoring at least this (0-100)' }) @IsOptional() @IsNumber() @Min(0) @Max(100) minScore?: number;
}

class SuggestedMeetingsResponse {
  @ApiProperty({ type: [MeetingRequestResponse] }) items!: MeetingRequestResponse[];
}

@ApiTags('finance')
@ApiBearerAuth()
@Controller('roadshows')
export class InvestorRoadshowController {
  constructor(private readonly service: InvestorRoadshowService) {}

  @Post(':id/investor-suggestions')
  @HttpCode(200)
  @ApiOperation({ summary: '按融资匹配推荐洽谈 / Suggest 1:1 meetings at an investor roadshow from financing match scores (organiser)' })
  @ApiOkResponse({ type: SuggestedMeetingsResponse })
  async suggest(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InvestorSuggestionsDto): Promise<SuggestedMeetingsResponse> {
    return { items: await this.service.suggest(actor, id, dto.minScore ?? 50) };
  }
}
