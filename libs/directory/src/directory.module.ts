import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContractsModule } from '@techbridge/contracts';
import { IdentityModule } from '@techbridge/identity';
import { NotificationModule } from '@techbridge/notification';
import { DirectoryAccessPolicy } from './directory-access.policy';
import { ExpertsController, RatingsController } from './directory.controller';
import { DirectoryRepository } from './directory.repository';
import { Expert } from './entities/expert.entity';
import { ServiceRating } from './entities/service-rating.entity';
import { ExpertService } from './expert.service';
import { RatingService } from './rating.service';

/** The service directory: ratings of transfer institutions and brokers, and the expert directory (专家库). */
@Module({
  imports: [IdentityModule, NotificationModule, ContractsModule, TypeOrmModule.forFeature([ServiceRating, Expert])],
  controllers: [RatingsController, ExpertsController],
  providers: [DirectoryRepository, DirectoryAccessPolicy, RatingService, ExpertService],
  exports: [RatingService, ExpertService],
})
export class DirectoryModule {}
