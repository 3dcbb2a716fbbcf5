import type { Type } from '@nestjs/common';
import { CatalogModule } from '@techbridge/catalog';
import { ContractsModule } from '@techbridge/contracts';
import { DemandModule } from '@techbridge/demand';
import { IdentityModule } from '@techbridge/identity';
import { MarketModule } from '@techbridge/market';
import { MatchingModule } from '@techbridge/matching';
import { MonitoringModule } from '@techbridge/monitoring';
import { NotificationModule } from '@techbridge/notification';
import { RoadshowModule } from '@techbridge/roadshow';
import { WatchlistModule } from '@techbridge/watchlist';
import { ContentModule } from '@techbridge/content';
import { DirectoryModule } from '@techbridge/directory';
import { BrokersModule } from '@techbridge/brokers';
import { ProgrammesModule } from '@techbridge/programmes';
import { VouchersModule } from '@techbridge/vouchers';
import { InstrumentsModule } from '@techbridge/instruments';
import { FinanceModule } from '@techbridge/finance';

/** Every bounded context, composed identically by the api and the worker. */
export const CONTEXT_MODULES: Type<unknown>[] = [IdentityModule, NotificationModule, CatalogModule, DemandModule, WatchlistModule, MatchingModule, RoadshowModule, ContractsModule, MonitoringModule, ContentModule, BrokersModule, ProgrammesModule, MarketModule, VouchersModule, InstrumentsModule, FinanceModule, DirectoryModule];
