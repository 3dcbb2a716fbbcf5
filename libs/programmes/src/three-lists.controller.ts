import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Public } from '@techbridge/platform';
import { CompletionResponse, CreateListItemDto, ListItemResponse, ListItemStepDto, ParkYearParams, ThreeListsResponse } from './dto/three-lists.dto';
import { ThreeListsService } from './three-lists.service';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller()
export class ThreeListsController {
  constructor(private readonly lists: ThreeListsService) {}

  @Public()
  @Get('parks/:code/three-lists/:year')
  @ApiOperation({ summary: "三个清单 / A park's three lists of a year with their completion (public)" })
  @ApiOkResponse({ type: ThreeListsResponse })
  get(@Param() p: ParkYearParams): Promise<ThreeListsResponse> {
    return this.lists.lists(p.code, p.year);
  }

  @Public()
  @Get('parks/:code/three-lists/:year/completion')
  @ApiOperation({ summary: "A park's three-list completion of a year (the park page; a landed deal counts only with its proof)" })
  @ApiOkResponse({ type: CompletionResponse })
  completion(@Param() p: ParkYearParams): Promise<CompletionResponse> {
    return this.lists.completion(p.code, p.year);
  }

  @Post('parks/:code/three-lists/:year/items')
  @ApiOperation({ summary: "The park's administration adds an item to one of its three lists" })
  @ApiCreatedResponse({ type: ListItemResponse })
  add(@CurrentActor() actor: Actor, @Param() p: ParkYearParams, @Body() dto: CreateListItemDto): Promise<ListItemResponse> {
    return this.lists.add(actor, p.code, p.year, dto);
  }

  @Post('three-list-items/:id/steps')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start, complete, drop, or a quarterly update of a list item (the landing proof may be linked on the way)' })
  @ApiOkResponse({ type: ListItemResponse })
  step(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ListItemStepDto): Promise<ListItemResponse> {
    return this.lists.step(actor, id, dto);
  }
}
