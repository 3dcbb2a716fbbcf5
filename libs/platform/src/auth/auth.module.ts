import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { ActorResolver } from './actor-source';
import { AuthGuard } from './auth.guard';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_ACCESS_SECRET, signOptions: { expiresIn: config.JWT_ACCESS_TTL_SECONDS } }),
    }),
  ],
  providers: [ActorResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, ActorResolver],
})
export class AuthModule {}
