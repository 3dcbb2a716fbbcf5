import { DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from './auth/auth.module';
import { Clock } from './clock/clock';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { OutboxModule } from './outbox/outbox.module';
import { OutboxController } from './outbox/outbox.controller';
import { QueueModule } from './queue/queue.module';
import { SearchModule } from './search/search.module';
import { FileStorage, LocalDiskStorage } from './storage/file-storage';
import { ReferenceDataSeeder } from './reference/reference-data.seeder';
import { MetricsModule } from './observability/metrics.module';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PrivilegedRequestAudit } from './http/privileged-request-audit';
import { PlatformMetrics } from './observability/platform-metrics';
import { PrivacyModule } from './privacy/privacy.module';
import { RetentionController } from './privacy/retention.controller';

export interface PlatformOptions {
  config: AppConfig;
  /** Replace the clock (tests move time). */
  clock?: Clock;
}

/** What every process needs: config, database, queues, search, outbox, clock, storage, token verification. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(options.config),
        DatabaseModule,
        QueueModule,
        SearchModule,
        OutboxModule,
        AuthModule,
        // Global (not HTTP-only) because controllers' guards are resolved in the worker's context too.
        ThrottlerModule.forRootAsync({
          inject: [AppConfig],
          // Named 'default' so the guard's header is plain Retry-After (a named throttler appends "-<name>").
          // Its tracker is req.ip: the socket's address unless the peer is one of TRUSTED_PROXIES.
          useFactory: (config: AppConfig) => [{ name: 'default', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
        }),
        PrivacyModule,
      ],
      providers: [
        { provide: Clock, useValue: options.clock ?? new Clock() },
        { provide: FileStorage, useClass: LocalDiskStorage },
        ReferenceDataSeeder,
        PlatformMetrics,
      ],
      exports: [ConfigModule, DatabaseModule, QueueModule, SearchModule, OutboxModule, AuthModule, ThrottlerModule, Clock, FileStorage, ReferenceDataSeeder, PrivacyModule],
    };
  }
}

/** HTTP-only pieces: health, metrics, the outbox's dead letters, the audit of privileged requests. */
@Module({
  imports: [TerminusModule, MetricsModule],
  providers: [{ provide: APP_INTERCEPTOR, useClass: PrivilegedRequestAudit }],
  controllers: [HealthController, OutboxController, RetentionController],
})
export class PlatformHttpModule {}
