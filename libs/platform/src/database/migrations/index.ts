import type { MigrationInterface } from 'typeorm';
import { Platform1764000000000 } from './1764000000000-Platform';
import { Identity1764000100000 } from './1764000100000-Identity';
import { Notification1764000150000 } from './1764000150000-Notification';
import { Catalog1764000200000 } from './1764000200000-Catalog';
import { Demand1764000300000 } from './1764000300000-Demand';
import { Matching1764000400000 } from './1764000400000-Matching';
import { Contracts1764000600000 } from './1764000600000-Contracts';
import { Monitoring1764000700000 } from './1764000700000-Monitoring';
import { Roadshow1764000500000 } from './1764000500000-Roadshow';
import { OrganisationVerification1764000800000 } from './1764000800000-OrganisationVerification';
import { SearchDocuments1764100000000 } from './1764100000000-SearchDocuments';
import { AuthenticationControls1765200000000 } from './1765200000000-AuthenticationControls';
import { SearchIndexAliases1765500000000 } from './1765500000000-SearchIndexAliases';
import { OutboxDeadLetters1765300000000 } from './1765300000000-OutboxDeadLetters';
import { SearchTombstones1765300100000 } from './1765300100000-SearchTombstones';
import { MonitoringFeedIndexes1765600000000 } from './1765600000000-MonitoringFeedIndexes';
import { MatchComputation1765300200000 } from './1765300200000-MatchComputation';
import { ImportUploading1765300300000 } from './1765300300000-ImportUploading';
import { ImportResume1765300400000 } from './1765300400000-ImportResume';
import { NotificationEmail1766450000000 } from './1766450000000-NotificationEmail';
import { Watchlist1766450100000 } from './1766450100000-Watchlist';
import { AgreementAcceptance1766450200000 } from './1766450200000-AgreementAcceptance';
import { AuditLogRetention1766200000000 } from './1766200000000-AuditLogRetention';
import { ThesaurusReseed1766000000000 } from './1766000000000-ThesaurusReseed';
import { MatchWeights1766100000000 } from './1766100000000-MatchWeights';
import { PersonalInformation1767000000000 } from './1767000000000-PersonalInformation';
import { ContentArticles1767400000000 } from './1767400000000-ContentArticles';
import { TrainingBases1767200000000 } from './1767200000000-TrainingBases';
import { CityAdministrations1767730000000 } from './1767730000000-CityAdministrations';
import { BrokerCertification1767200100000 } from './1767200100000-BrokerCertification';
import { MajorProjects1767200200000 } from './1767200200000-MajorProjects';
import { ParkThreeLists1767200300000 } from './1767200300000-ParkThreeLists';
import { ProgrammeIndicators1767200400000 } from './1767200400000-ProgrammeIndicators';
import { PlanTargets20201767200500000 } from './1767200500000-PlanTargets2020';
import { ParkAwards1767200600000 } from './1767200600000-ParkAwards';
import { Market1767100000000 } from './1767100000000-Market';
import { MarketIntroductions1767100100000 } from './1767100100000-MarketIntroductions';
import { MarketPayments1767100200000 } from './1767100200000-MarketPayments';
import { Vouchers1767300000000 } from './1767300000000-Vouchers';
import { Instruments1767300100000 } from './1767300100000-Instruments';
import { VoucherIndicators1767300200000 } from './1767300200000-VoucherIndicators';
import { FinanceOrganisationTypes1767500000000 } from './1767500000000-FinanceOrganisationTypes';
import { Finance1767500100000 } from './1767500100000-Finance';
import { FinanceIndicators1767500200000 } from './1767500200000-FinanceIndicators';
import { RepealedPolicies1767750000000 } from './1767750000000-RepealedPolicies';
import { Directory1767750100000 } from './1767750100000-Directory';
import { InvestorRoadshows1767500300000 } from './1767500300000-InvestorRoadshows';
import { MarketValuationOrders1767100300000 } from './1767100300000-MarketValuationOrders';
import { LoanRepayments1767740000000 } from './1767740000000-LoanRepayments';
import { FinancingAttachments1767740100000 } from './1767740100000-FinancingAttachments';
import { LoanGuarantees1767740200000 } from './1767740200000-LoanGuarantees';
import { FinancingMatches1767740300000 } from './1767740300000-FinancingMatches';

/** Every migration, in any order (TypeORM sorts by the timestamp in the class name). */
export const migrations: Array<new () => MigrationInterface> = [
  Platform1764000000000,
  Identity1764000100000,
  Notification1764000150000,
  Catalog1764000200000,
  Demand1764000300000,
  Matching1764000400000,
  Contracts1764000600000,
  Monitoring1764000700000,
  Roadshow1764000500000,
  OrganisationVerification1764000800000,
  SearchDocuments1764100000000,
  AuthenticationControls1765200000000,
  SearchIndexAliases1765500000000,
  OutboxDeadLetters1765300000000,
  SearchTombstones1765300100000,
  MonitoringFeedIndexes1765600000000,
  MatchComputation1765300200000,
  ImportUploading1765300300000,
  ImportResume1765300400000,
  NotificationEmail1766450000000,
  Watchlist1766450100000,
  AgreementAcceptance1766450200000,
  AuditLogRetention1766200000000,
  ThesaurusReseed1766000000000,
  MatchWeights1766100000000,
  PersonalInformation1767000000000,
  ContentArticles1767400000000,
  TrainingBases1767200000000,
  BrokerCertification1767200100000,
  MajorProjects1767200200000,
  ParkThreeLists1767200300000,
  ProgrammeIndicators1767200400000,
  PlanTargets20201767200500000,
  ParkAwards1767200600000,
  Market1767100000000,
  MarketIntroductions1767100100000,
  MarketPayments1767100200000,
  Vouchers1767300000000,
  Instruments1767300100000,
  VoucherIndicators1767300200000,
  FinanceOrganisationTypes1767500000000,
  Finance1767500100000,
  FinanceIndicators1767500200000,
  InvestorRoadshows1767500300000,
  MarketValuationOrders1767100300000,
  CityAdministrations1767730000000,
  LoanRepayments1767740000000,
  FinancingAttachments1767740100000,
  LoanGuarantees1767740200000,
  FinancingMatches1767740300000,
  RepealedPolicies1767750000000,
  Directory1767750100000,
];
