export * from './instruments.module';
export { InstrumentService } from './instrument.service';
export { InstrumentResponse, BookingResponse, SubsidyClaimResponse } from './dto/instruments.dto';
