import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@techbridge/identity';
import { MonitoringModule } from '@techbridge/monitoring';
import { NotificationModule } from '@techbridge/notification';
import { LedgerAccount, LedgerEntry, LedgerPosting } from './entities/ledger.entity';
import { EligibilityRuleRow, EnterpriseYear, RecognitionAgreement, VoucherProgramme, VoucherRound } from './entities/programme.entity';
import { PartyRelation, ServiceProvider } from './entities/provider.entity';
import { ClaimDocument, Voucher, VoucherClaim } from './entities/voucher.entity';
import { VoucherLedgerService } from './ledger/voucher-ledger.service';
import { ProgrammeService } from './programme.service';
import { ProgrammesController, RecognitionAgreementsController } from './programmes.controller';
import { ProviderDirectoryService } from './provider-directory.service';
import { PartyRelationsController, ProvidersController } from './providers.controller';
import { VoucherAuditService } from './voucher-audit.service';
import { VoucherIssuingService } from './voucher-issuing.service';
import { VoucherRedemptionService } from './voucher-redemption.service';
import { VoucherStatisticsService } from './voucher-statistics.service';
import { VoucherViews } from './voucher-views';
import { VoucherService } from './voucher.service';
import { VouchersAccessPolicy } from './vouchers-access.policy';
import { VoucherStatisticsController, VouchersController } from './vouchers.controller';
import { VouchersJobs } from './vouchers.jobs';
import { VoucherNotices } from './vouchers.notices';
import { VouchersRepository } from './vouchers.repository';
import { VouchersIndicatorSource } from './voucher-indicators';
import { VouchersPrivacy } from './vouchers-privacy';

/** Innovation vouchers: programmes, the voucher lifecycle and its fraud controls, the ledger, the provider directory. */
@Module({
  imports: [
    IdentityModule,
    MonitoringModule,
    NotificationModule,
    TypeOrmModule.forFeature([
      RecognitionAgreement, VoucherProgramme, EligibilityRuleRow, VoucherRound, EnterpriseYear, ServiceProvider, PartyRelation, Voucher, ClaimDocument, VoucherClaim,
      LedgerAccount, LedgerEntry, LedgerPosting,
    ]),
  ],
  controllers: [ProgrammesController, RecognitionAgreementsController, VouchersController, VoucherStatisticsController, ProvidersController, PartyRelationsController],
  providers: [
    VouchersIndicatorSource,
    VouchersRepository, VouchersAccessPolicy, VoucherLedgerService, VoucherViews, ProgrammeService, VoucherIssuingService, VoucherRedemptionService, VoucherAuditService,
    ProviderDirectoryService, VoucherService, VoucherStatisticsService, VouchersJobs, VoucherNotices, VouchersPrivacy,
  ],
  exports: [VoucherService, ProviderDirectoryService],
})
export class VouchersModule {}
