import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PageQuery, Public } from '@techbridge/platform';
import { BrokerCertificateService } from './broker-certificate.service';
import { BrokerTrainingService } from './broker-training.service';
import {
  CertificateNumberParam, CertificatePageResponse, CertificateReasonDto, CertificateResponse, CoursePageResponse, CourseQuery, CourseResponse, CreateCourseDto,
  EnrolmentPageResponse, EnrolmentResponse, LogHoursDto, PublicCertificateResponse, RecordExamDto,
} from './dto/brokers.dto';

@ApiTags('brokers')
@ApiBearerAuth()
@Controller('broker-courses')
export class BrokerCourseController {
  constructor(private readonly training: BrokerTrainingService) {}

  @Post()
  @ApiOperation({ summary: 'A verified training base opens a broker course (level, hours per module)' })
  @ApiCreatedResponse({ type: CourseResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCourseDto): Promise<CourseResponse> {
    return this.training.createCourse(actor, dto);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Broker courses of the training bases (public)' })
  @ApiOkResponse({ type: CoursePageResponse })
  list(@Query() q: CourseQuery) {
    return this.training.listCourses(q);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One broker course (public)' })
  @ApiOkResponse({ type: CourseResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CourseResponse> {
    return this.training.getCourse(id);
  }

  @Post(':id/enrolments')
  @ApiOperation({ summary: 'Enrol myself on a broker course' })
  @ApiCreatedResponse({ type: EnrolmentResponse })
  enrol(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EnrolmentResponse> {
    return this.training.enrol(actor, id);
  }
}

@ApiTags('brokers')
@ApiBearerAuth()
@Controller('broker-enrolments')
export class BrokerEnrolmentController {
  constructor(
    private readonly training: BrokerTrainingService,
    private readonly certificates: BrokerCertificateService,
  ) {}

  @Get()
  @ApiOperation({ summary: "My enrolments, or a training base's enrolments for its staff" })
  @ApiOkResponse({ type: EnrolmentPageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.training.listEnrolments(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One enrolment (the trainee, the training base, the platform)' })
  @ApiOkResponse({ type: EnrolmentResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<EnrolmentResponse> {
    return this.training.getEnrolment(actor, id);
  }

  @Post(':id/hours')
  @HttpCode(200)
  @ApiOperation({ summary: "The training base logs a trainee's hours in one module" })
  @ApiOkResponse({ type: EnrolmentResponse })
  logHours(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: LogHoursDto): Promise<EnrolmentResponse> {
    return this.training.logHours(actor, id, dto);
  }

  @Post(':id/exam')
  @HttpCode(200)
  @ApiOperation({ summary: 'The training base records the exam score (60 passes; every module\'s hours must be complete)' })
  @ApiOkResponse({ type: EnrolmentResponse })
  exam(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordExamDto): Promise<EnrolmentResponse> {
    return this.training.recordExam(actor, id, dto);
  }

  @Post(':id/certificate')
  @ApiOperation({ summary: 'The training base issues the certificate of a passed enrolment' })
  @ApiCreatedResponse({ type: CertificateResponse })
  certify(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CertificateResponse> {
    return this.certificates.issue(actor, id);
  }
}

@ApiTags('brokers')
@ApiBearerAuth()
@Controller('broker-certificates')
export class BrokerCertificateController {
  constructor(private readonly certificates: BrokerCertificateService) {}

  @Get()
  @ApiOperation({ summary: 'My certificates, or those a training base issued for its staff' })
  @ApiOkResponse({ type: CertificatePageResponse })
  list(@CurrentActor() actor: Actor, @Query() q: PageQuery) {
    return this.certificates.mine(actor, q);
  }

  @Public()
  @Get('lookup/:number')
  @ApiOperation({ summary: 'Check a broker certificate by its number (public): holder, level, standing, expiry' })
  @ApiOkResponse({ type: PublicCertificateResponse })
  lookup(@Param() p: CertificateNumberParam): Promise<PublicCertificateResponse> {
    return this.certificates.lookup(p.number);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One certificate (the holder, the issuing base, the platform)' })
  @ApiOkResponse({ type: CertificateResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CertificateResponse> {
    return this.certificates.get(actor, id);
  }

  @Post(':id/renew')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renew for another validity period (issuing base or platform administrator)' })
  @ApiOkResponse({ type: CertificateResponse })
  renew(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CertificateResponse> {
    return this.certificates.renew(actor, id);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend, with the reason (the broker role stops on the next request)' })
  @ApiOkResponse({ type: CertificateResponse })
  suspend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CertificateReasonDto): Promise<CertificateResponse> {
    return this.certificates.suspend(actor, id, dto.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reinstate a suspended certificate' })
  @ApiOkResponse({ type: CertificateResponse })
  reinstate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CertificateResponse> {
    return this.certificates.reinstate(actor, id);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke, with the reason (final; the broker role stops on the next request)' })
  @ApiOkResponse({ type: CertificateResponse })
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CertificateReasonDto): Promise<CertificateResponse> {
    return this.certificates.revoke(actor, id, dto.reason);
  }
}
