import { Body, Controller, Get, Headers, HttpCode, Ip, Param, ParseUUIDPipe, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { Actor, CurrentActor, PageQuery, PageResponseOf, Public, Role, Roles } from '@techbridge/platform';
import {
  AcceptInvitationDto, AuditEntryResponse, AuditQuery, ChangePasswordDto, ChangeRolesDto, InvitationResponse, InviteMemberDto, MeResponse, OrganisationListQuery, OrganisationResponse, RefreshDto,
  RejectOrganisationDto, SessionResponse, SignInDto, SignUpDto, UserResponse, VerifyOrganisationDto,
} from './dto/identity.dto';
import { IdentityService } from './identity.service';
import { MembershipService } from './membership.service';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionService,
  ) {}

  @Post('sign-up')
  @Public()
  @ApiOperation({ summary: '注册机构与管理员账号 / Register an organisation and its first administrator' })
  @ApiOkResponse({ type: SessionResponse })
  signUp(@Body() dto: SignUpDto): Promise<SessionResponse> {
    return this.identity.signUp(dto);
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录 / Sign in; repeated failures lock the account (429 with Retry-After); an expired password answers 403 PASSWORD_EXPIRED' })
  @ApiOkResponse({ type: SessionResponse })
  signIn(@Body() dto: SignInDto, @Ip() address: string): Promise<SessionResponse> {
    return this.sessions.signIn(dto, address);
  }

  @Post('change-password')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '修改密码 / Change the password with the current one (works when it has expired); other sessions end' })
  @ApiOkResponse({ type: SessionResponse })
  changePassword(@Body() dto: ChangePasswordDto, @Ip() address: string): Promise<SessionResponse> {
    return this.sessions.changePassword(dto, address);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the refresh token; the presented one is spent' })
  @ApiOkResponse({ type: SessionResponse })
  refresh(@Body() dto: RefreshDto): Promise<SessionResponse> {
    return this.sessions.refresh(dto.refreshToken);
  }

  @Post('sign-out')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录 / Sign out: the refresh token and the access token sent with it stop working at once' })
  async signOut(@Body() dto: RefreshDto, @Headers('authorization') authorization: string | undefined, @Ip() address: string): Promise<void> {
    await this.sessions.signOut(dto.refreshToken, authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined, address);
  }

  @Post('accept-invitation')
  @Public()
  @ApiOkResponse({ type: SessionResponse })
  @ApiOperation({ summary: '接受邀请 / Accept a membership invitation: set a password and sign in as the new member' })
  accept(@Body() dto: AcceptInvitationDto): Promise<SessionResponse> {
    return this.identity.acceptInvitation(dto);
  }
}

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class IdentityController {
  constructor(
    private readonly identity: IdentityService,
    private readonly membership: MembershipService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: '当前用户 / The signed-in user and their organisation' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.identity.me(actor);
  }

  @Get('organisations')
  @Public()
  @ApiOperation({ summary: '机构名录 / List organisations, filtered by type, verification status or name' })
  @ApiOkResponse({ type: PageResponseOf(OrganisationResponse) })
  list(@Query() q: OrganisationListQuery) {
    return this.identity.listOrganisations(q);
  }

  @Get('organisations/:id')
  @Public()
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiOperation({ summary: '机构详情 / One organisation (the public sees verified ones)' })
  get(@CurrentActor() actor: Actor | null, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationResponse> {
    return this.identity.getOrganisation(actor, id);
  }

  @Get('organisations/:id/members')
  @ApiOperation({ summary: '机构成员 / List the members of an organisation (its own members and platform administrators)' })
  @ApiOkResponse({ type: PageResponseOf(UserResponse) })
  members(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() page: PageQuery) {
    return this.membership.listMembers(actor, id, page);
  }

  @Post('organisations/:id/invitations')
  @Roles(Role.OrgAdmin)
  @ApiOperation({ summary: '邀请成员 / Invite a member; broker and reviewer only where the role rule allows (400 naming the role and the reason)' })
  @ApiOkResponse({ type: InvitationResponse })
  invite(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: InviteMemberDto): Promise<InvitationResponse> {
    return this.membership.invite(actor, id, dto);
  }

  @Put('organisations/:id/members/:userId/roles')
  @Roles(Role.OrgAdmin)
  @ApiOperation({ summary: '调整成员角色 / Replace a member\'s roles; broker and reviewer only where the role rule allows (400 naming the role and the reason)' })
  @ApiOkResponse({ type: UserResponse })
  changeRoles(
    @CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string, @Body() dto: ChangeRolesDto,
  ): Promise<UserResponse> {
    return this.membership.changeRoles(actor, id, userId, dto);
  }

  @Post('organisations/:id/verify')
  @Roles(Role.PlatformAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '核验机构资质 / Verify a park administration or institution (platform administrators)' })
  @ApiOkResponse({ type: OrganisationResponse })
  verify(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: VerifyOrganisationDto): Promise<OrganisationResponse> {
    return this.identity.verifyOrganisation(actor, id, dto);
  }

  @Post('organisations/:id/reject')
  @Roles(Role.PlatformAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '驳回或撤销机构核验 / Reject or revoke an organisation\'s verification (platform administrators)' })
  @ApiOkResponse({ type: OrganisationResponse })
  reject(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectOrganisationDto): Promise<OrganisationResponse> {
    return this.identity.rejectOrganisation(actor, id, dto);
  }

  @Get('audit-log')
  @Roles(Role.PlatformAdmin)
  @ApiOperation({ summary: '审计日志 / Read the audit log, newest first (platform administrators)' })
  @ApiOkResponse({ type: PageResponseOf(AuditEntryResponse) })
  audit(@Query() q: AuditQuery) {
    return this.identity.listAudit(q);
  }
}
