import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '@techbridge/platform';
import {
  AddFavouriteDto, CreateSavedSearchDto, FavouritePageResponse, FavouriteResponse, SavedSearchPageResponse, SavedSearchResponse, UpdateSavedSearchDto,
  WatchListQuery,
} from './dto/watchlist.dto';
import { FavouriteService } from './favourite.service';
import { SavedSearchService } from './saved-search.service';

@ApiTags('watchlist')
@ApiBearerAuth()
@Controller('saved-searches')
export class SavedSearchController {
  constructor(private readonly searches: SavedSearchService) {}

  @Get()
  @ApiOperation({ summary: 'My saved searches' })
  @ApiOkResponse({ type: SavedSearchPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: WatchListQuery) {
    return this.searches.list(actor, q);
  }

  @Post()
  @ApiOperation({ summary: 'Save a search of achievements or demands (alerts on new matching listings unless alert is false)' })
  @ApiCreatedResponse({ type: SavedSearchResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSavedSearchDto): Promise<SavedSearchResponse> {
    return this.searches.create(actor, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a saved search or turn its alerts on or off' })
  @ApiOkResponse({ type: SavedSearchResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateSavedSearchDto): Promise<SavedSearchResponse> {
    return this.searches.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a saved search' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.searches.remove(actor, id);
  }
}

@ApiTags('watchlist')
@ApiBearerAuth()
@Controller('favourites')
export class FavouriteController {
  constructor(private readonly favourites: FavouriteService) {}

  @Get()
  @ApiOperation({ summary: 'My favourite achievements and demands' })
  @ApiOkResponse({ type: FavouritePageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: WatchListQuery) {
    return this.favourites.list(actor, q);
  }

  @Post()
  @ApiOperation({ summary: 'Keep an achievement or demand I may see in my favourites (201 when added, 200 when already there)' })
  @ApiCreatedResponse({ type: FavouriteResponse })
  async add(@CurrentActor() actor: Actor, @Body() dto: AddFavouriteDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<FavouriteResponse> {
    const { favourite, created } = await this.favourites.add(actor, dto);
    reply.status(created ? 201 : 200);
    return favourite;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a favourite' })
  @ApiNoContentResponse()
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.favourites.remove(actor, id);
  }
}
