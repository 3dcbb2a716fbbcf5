import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, ParseYearPipe, Public, Role, Roles } from '@techbridge/platform';
import { ConfirmAwardsDto, ParkAwardsResponse } from './dto/park-awards.dto';
import { ParkAwardsService } from './park-awards.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('park-awards')
export class ParkAwardsController {
  constructor(private readonly awards: ParkAwardsService) {}

  @Public()
  @Get(':year')
  @ApiOperation({ summary: "A year's park awards with the reasons (public once published; the proposal for platform staff)" })
  @ApiOkResponse({ type: ParkAwardsResponse })
  get(@CurrentActor() actor: Actor | null, @Param('year', ParseYearPipe) year: number): Promise<ParkAwardsResponse> {
    return this.awards.get(actor, year);
  }

  @Post(':year/proposal')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: "Propose the year's awards from the innovation index and the three-list completion" })
  @ApiOkResponse({ type: ParkAwardsResponse })
  propose(@CurrentActor() actor: Actor, @Param('year', ParseYearPipe) year: number): Promise<ParkAwardsResponse> {
    return this.awards.propose(actor, year);
  }

  @Post(':year/confirmation')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: 'Confirm and publish the awards (a proposed park may be left out, with the reason)' })
  @ApiOkResponse({ type: ParkAwardsResponse })
  confirm(@CurrentActor() actor: Actor, @Param('year', ParseYearPipe) year: number, @Body() dto: ConfirmAwardsDto): Promise<ParkAwardsResponse> {
    return this.awards.confirm(actor, year, dto);
  }
}
