import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor, PageQuery, Public, receiveFile } from '@techbridge/platform';
import { BookingService } from './booking.service';
import {
  BookingListQuery, BookingPageResponse, BookingResponse, BookInstrumentDto, CalendarQuery, CalendarResponse, InstrumentListQuery, InstrumentPageResponse, InstrumentResponse,
  PayBookingDto, RateBookingDto, RecordTrainingDto, RecordUseDto, RegisterInstrumentDto, SubsidyClaimDto, SubsidyClaimPageResponse, SubsidyClaimResponse, TrainingResponse,
} from './dto/instruments.dto';
import { InstrumentService } from './instrument.service';
import { SubsidyService } from './subsidy.service';

/** `inline; filename=…` (RFC 6266 / 5987): shown in the page, Chinese file names kept. */
function inlineDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('instruments')
@ApiBearerAuth()
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentService, private readonly bookings: BookingService) {}

  @Post()
  @ApiOperation({ summary: 'Register a shared instrument (universities, institutes, enterprises) with its service items and opening hours' })
  @ApiCreatedResponse({ type: InstrumentResponse })
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterInstrumentDto): Promise<InstrumentResponse> {
    return this.instruments.register(actor, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Shared instruments (public), by park and text' })
  @ApiOkResponse({ type: InstrumentPageResponse })
  list(@Query() q: InstrumentListQuery) {
    return this.instruments.list(q);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: "A shared instrument with its service items and prices (public; a withdrawn one's only to its owner and platform staff)" })
  @ApiOkResponse({ type: InstrumentResponse })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<InstrumentResponse> {
    return this.instruments.get(actor, id);
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the instrument from sharing (owner or platform staff): hidden, no new bookings; 409 when already withdrawn' })
  @ApiOkResponse({ type: InstrumentResponse })
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InstrumentResponse> {
    return this.instruments.changeSharing(actor, id, 'withdraw');
  }

  @Post(':id/sharing')
  @HttpCode(200)
  @ApiOperation({ summary: 'Share a withdrawn instrument again (owner or platform staff); 409 when it is already shared' })
  @ApiOkResponse({ type: InstrumentResponse })
  share(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<InstrumentResponse> {
    return this.instruments.changeSharing(actor, id, 'share');
  }

  @Public()
  @Get(':id/calendar')
  @ApiOperation({ summary: "The instrument's opening hours and taken periods (public; bookers not shown)" })
  @ApiOkResponse({ type: CalendarResponse })
  calendar(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string, @Query() q: CalendarQuery): Promise<CalendarResponse> {
    return this.instruments.calendar(actor, id, q);
  }

  @Post(':id/photos')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a photo of the instrument (its owner)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: InstrumentResponse })
  async photo(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Req() req: FastifyRequest): Promise<InstrumentResponse> {
    const file = await receiveFile(req);
    return this.instruments.uploadPhoto(actor, id, { filename: file.filename, mimetype: file.mimetype, content: file.stream });
  }

  @Public()
  @Get(':id/photos/:photoId')
  @ApiOperation({ summary: "A photo of the instrument, streamed with its content type (public; a withdrawn instrument's only to its owner)" })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async photoFile(
    @CurrentActor() actor: Actor | null,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('photoId', ParseUUIDPipe) photoId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const photo = await this.instruments.openPhoto(actor, id, photoId);
    reply.header('content-type', photo.contentType);
    if (photo.size !== null) reply.header('content-length', String(photo.size));
    reply.header('content-disposition', inlineDisposition(photo.filename));
    reply.header('x-content-type-options', 'nosniff');
    return new StreamableFile(photo.stream);
  }

  @Post(':id/trainings')
  @ApiOperation({ summary: "Record a user's training on the instrument (its owner)" })
  @ApiCreatedResponse({ type: TrainingResponse })
  training(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordTrainingDto): Promise<TrainingResponse> {
    return this.instruments.recordTraining(actor, id, dto);
  }

  @Post(':id/bookings')
  @ApiOperation({ summary: 'Book the instrument for a period (409 when it overlaps another booking or training is missing)' })
  @ApiCreatedResponse({ type: BookingResponse })
  book(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: BookInstrumentDto): Promise<BookingResponse> {
    return this.bookings.book(actor, id, dto);
  }
}

@ApiTags('instruments')
@ApiBearerAuth()
@Controller('instrument-bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingService) {}

  @Get()
  @ApiOperation({ summary: 'Bookings I made (as=booker) or of my instruments (as=owner)' })
  @ApiOkResponse({ type: BookingPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: BookingListQuery) {
    return this.bookings.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A booking (its booker and the instrument owner)' })
  @ApiOkResponse({ type: BookingResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BookingResponse> {
    return this.bookings.get(actor, id);
  }

  @Post(':id/approval')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a requested booking (the owner)' })
  @ApiOkResponse({ type: BookingResponse })
  approve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BookingResponse> {
    return this.bookings.approve(actor, id);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a booking before use (booker or owner)' })
  @ApiOkResponse({ type: BookingResponse })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BookingResponse> {
    return this.bookings.cancel(actor, id);
  }

  @Post(':id/no-show')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the booker did not come (the owner)' })
  @ApiOkResponse({ type: BookingResponse })
  noShow(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BookingResponse> {
    return this.bookings.noShow(actor, id);
  }

  @Post(':id/use')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the actual hours of use; the amount follows at the internal or external price (the owner)' })
  @ApiOkResponse({ type: BookingResponse })
  use(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordUseDto): Promise<BookingResponse> {
    return this.bookings.recordUse(actor, id, dto);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pay a used booking: cash (recorded by the owner) or an innovation voucher (by the booker)' })
  @ApiOkResponse({ type: BookingResponse })
  pay(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PayBookingDto): Promise<BookingResponse> {
    return this.bookings.pay(actor, id, dto);
  }

  @Post(':id/rating')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate a paid booking (the booker)' })
  @ApiOkResponse({ type: BookingResponse })
  rate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RateBookingDto): Promise<BookingResponse> {
    return this.bookings.rate(actor, id, dto);
  }
}

@ApiTags('instruments')
@ApiBearerAuth()
@Controller('instrument-subsidy-claims')
export class SubsidyClaimsController {
  constructor(private readonly subsidies: SubsidyService) {}

  @Post()
  @ApiOperation({ summary: 'Compute (or recompute) my yearly post-use subsidy claim from completed bookings' })
  @ApiCreatedResponse({ type: SubsidyClaimResponse })
  compute(@CurrentActor() actor: Actor, @Body() dto: SubsidyClaimDto): Promise<SubsidyClaimResponse> {
    return this.subsidies.compute(actor, dto.year);
  }

  @Get()
  @ApiOperation({ summary: 'My subsidy claims (platform staff: all)' })
  @ApiOkResponse({ type: SubsidyClaimPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.subsidies.list(actor, q);
  }

  @Get(':id/csv')
  @ApiOperation({ summary: 'A subsidy claim as CSV for the finance office (owner or platform staff)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  async csv(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { filename, body } = await this.subsidies.csv(actor, id);
    await reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(body);
  }
}
