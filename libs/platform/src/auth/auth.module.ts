import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { ACCESS_TOKEN_ALGORITHM } from './access-token';
import { ActorResolver } from './actor-source';
import { AuthGuard } from './auth.guard';
import { AuthStateStore } from './auth-state.store';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_ACCESS_SECRET,
        signOptions: { expiresIn: config.JWT_ACCESS_TTL_SECONDS, algorithm: ACCESS_TOKEN_ALGORITHM },
        verifyOptions: { algorithms: [ACCESS_TOKEN_ALGORITHM] },
      }),
    }),
  ],
  providers: [AuthStateStore, ActorResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, AuthStateStore, ActorResolver],
})
export class AuthModule {}
