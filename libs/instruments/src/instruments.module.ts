import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@techbridge/identity';
import { MonitoringModule } from '@techbridge/monitoring';
import { NotificationModule } from '@techbridge/notification';
import { VouchersModule } from '@techbridge/vouchers';
import { BookingService } from './booking.service';
import { Booking, Instrument, ServiceItem, SubsidyClaim, TrainingRecord } from './entities/instrument.entity';
import { InstrumentService } from './instrument.service';
import { InstrumentsAccessPolicy } from './instruments-access.policy';
import { BookingsController, InstrumentsController, SubsidyClaimsController } from './instruments.controller';
import { InstrumentsRepository } from './instruments.repository';
import { SubsidyService } from './subsidy.service';
import { InstrumentsIndicatorSource } from './instrument-indicators';
import { InstrumentsPrivacy } from './instruments-privacy';

/** Shared research instruments: registration, bookings without overlaps, payment in cash or by voucher, post-use subsidy claims. */
@Module({
  imports: [IdentityModule, MonitoringModule, NotificationModule, VouchersModule, TypeOrmModule.forFeature([Instrument, ServiceItem, TrainingRecord, Booking, SubsidyClaim])],
  controllers: [InstrumentsController, BookingsController, SubsidyClaimsController],
  providers: [InstrumentsRepository, InstrumentsAccessPolicy, InstrumentService, BookingService, SubsidyService, InstrumentsIndicatorSource, InstrumentsPrivacy],
  exports: [InstrumentService],
})
export class InstrumentsModule {}
