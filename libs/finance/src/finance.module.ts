import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@techbridge/catalog';
import { IdentityModule } from '@techbridge/identity';
import { MonitoringModule } from '@techbridge/monitoring';
import { MarketModule } from '@techbridge/market';
import { MatchingModule } from '@techbridge/matching';
import { NotificationModule } from '@techbridge/notification';
import { ProgrammesModule } from '@techbridge/programmes';
import { RoadshowModule } from '@techbridge/roadshow';
import { CompensationClaimService } from './compensation-claim.service';
import { DataRoomService } from './data-room.service';
import { EngagementService } from './engagement.service';
import { DataRoomDocument, DataRoomView } from './entities/data-room.entity';
import { FinancingEngagement } from './entities/financing-engagement.entity';
import { FinancingRequest } from './entities/financing-request.entity';
import { InvestorProfile } from './entities/investor-profile.entity';
import { FinancingMatch } from './entities/financing-match.entity';
import { LoanGuarantee } from './entities/loan-guarantee.entity';
import { LoanRepayment } from './entities/loan-repayment.entity';
import { CompensationClaim, PledgeLoan } from './entities/pledge-loan.entity';
import { FinanceAccessPolicy } from './finance-access.policy';
import { FinanceService } from './finance.service';
import { FinancePrivacy } from './finance-privacy';
import { FinancingRequestController } from './financing-request.controller';
import { FinancingRequestService } from './financing-request.service';
import { FinancingRepository } from './financing.repository';
import { InvestorController } from './investor.controller';
import { InvestorMatchingService } from './investor-matching.service';
import { InvestorProfileService } from './investor-profile.service';
import { InvestorRoadshowController } from './investor-roadshow.controller';
import { InvestorRoadshowService } from './investor-roadshow.service';
import { CompensationClaimController, PledgeLoanController } from './pledge-loan.controller';
import { PledgeLoanRepository } from './pledge-loan.repository';
import { PledgeLoanService } from './pledge-loan.service';
import { LoanRepaymentService } from './loan-repayment.service';
import { FinanceIndicatorSource } from './finance-indicators';
import { GuaranteeService } from './guarantee.service';
import { FinancingMatchService } from './financing-match.service';
import { FinanceJobs } from './finance.jobs';
import { GuarantorController, LoanGuaranteeController } from './guarantee.controller';

/** Science-and-technology finance: investors, financing requests and data rooms, financing matching, IP-pledge loans. */
@Module({
  imports: [
    IdentityModule,
    MonitoringModule,
    NotificationModule,
    CatalogModule,
    MatchingModule,
    RoadshowModule,
    MarketModule,
    ProgrammesModule,
    TypeOrmModule.forFeature([InvestorProfile, FinancingRequest, FinancingEngagement, DataRoomDocument, DataRoomView, PledgeLoan, CompensationClaim, LoanRepayment, LoanGuarantee, FinancingMatch]),
  ],
  controllers: [InvestorController, FinancingRequestController, PledgeLoanController, CompensationClaimController, InvestorRoadshowController, LoanGuaranteeController, GuarantorController],
  providers: [
    FinanceIndicatorSource,
    FinancingRepository,
    PledgeLoanRepository,
    FinanceAccessPolicy,
    InvestorProfileService,
    FinancingRequestService,
    EngagementService,
    DataRoomService,
    InvestorMatchingService,
    PledgeLoanService,
    LoanRepaymentService,
    GuaranteeService,
    FinancingMatchService,
    FinanceJobs,
    CompensationClaimService,
    FinanceService,
    FinancePrivacy,
    InvestorRoadshowService,
  ],
  exports: [FinanceService],
})
export class FinanceModule {}
