import { describeConstraintErrors, DomainError, ErrorDetail, Role } from '@techbridge/platform';
import { ineligibilityText, RoleIneligibility } from './role-eligibility';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  EmailTaken = 'EMAIL_TAKEN',
  CreditCodeTaken = 'CREDIT_CODE_TAKEN',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  InvalidInvitation = 'INVALID_INVITATION',
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
  UserNotFound = 'USER_NOT_FOUND',
  OrganisationNotVerified = 'ORGANISATION_NOT_VERIFIED',
  AccountLocked = 'ACCOUNT_LOCKED',
  PasswordExpired = 'PASSWORD_EXPIRED',
  WeakPassword = 'WEAK_PASSWORD',
  PasswordReused = 'PASSWORD_REUSED',
  RoleNotGrantable = 'ROLE_NOT_GRANTABLE',
  LastOrgAdmin = 'LAST_ORG_ADMIN',
}

export const IdentityErrors = {
  invalidCredentials: () =>
    new DomainError('unauthorized', IdentityErrorCode.InvalidCredentials, { zh: '邮箱或密码不正确', en: 'Wrong e-mail or password' }, [
      { field: 'password', message: 'Wrong e-mail or password', zh: '邮箱或密码不正确', code: IdentityErrorCode.InvalidCredentials },
    ]),
  emailTaken: () =>
    new DomainError('conflict', IdentityErrorCode.EmailTaken, { zh: '该邮箱已注册', en: 'This e-mail is already registered' }, [
      { field: 'email', message: 'This e-mail is already registered', zh: '该邮箱已注册', code: IdentityErrorCode.EmailTaken },
    ]),
  creditCodeTaken: () =>
    new DomainError(
      'conflict',
      IdentityErrorCode.CreditCodeTaken,
      { zh: '该统一社会信用代码的机构已在平台注册，请联系机构管理员邀请您加入', en: 'An organisation with this credit code is already registered; ask its administrator for an invitation' },
      [{ field: 'organisation.creditCode', message: 'already registered', zh: '该统一社会信用代码已注册', code: IdentityErrorCode.CreditCodeTaken }],
    ),
  invalidRefreshToken: () =>
    new DomainError('unauthorized', IdentityErrorCode.InvalidRefreshToken, { zh: '登录凭证无效或已过期，请重新登录', en: 'Refresh token is invalid, expired or already used; sign in again' }, [
      { field: 'refreshToken', message: 'invalid, expired or already used', zh: '登录凭证无效或已过期', code: IdentityErrorCode.InvalidRefreshToken },
    ]),
  invalidInvitation: () =>
    new DomainError('gone', IdentityErrorCode.InvalidInvitation, { zh: '邀请无效、已过期或已被使用', en: 'The invitation is invalid, expired or already used' }, [
      { field: 'token', message: 'invalid, expired or already used', zh: '邀请无效、已过期或已被使用', code: IdentityErrorCode.InvalidInvitation },
    ]),
  cityRequired: () =>
    DomainError.validation(
      'organisation.divisionCode',
      { zh: '市级管理部门须填写所在城市的行政区划代码（示范区园区所在城市）', en: "A city administration gives its city's administrative division code (a city of the zone's parks)" },
      'CITY_REQUIRED',
    ),
  organisationNotFound: () => DomainError.notFound({ code: IdentityErrorCode.OrganisationNotFound, zh: '机构不存在', en: 'Organisation not found' }),
  organisationNotVerified: (status: string) =>
    new DomainError(
      'forbidden',
      IdentityErrorCode.OrganisationNotVerified,
      {
        zh: status === 'rejected' ? '本机构的资质核验未通过，暂不能行使该职能；请联系平台管理员' : '本机构尚未通过平台资质核验，核验通过后方可行使该职能',
        en: status === 'rejected'
          ? "Your organisation's verification was rejected; it cannot exercise this power. Contact the platform administrator"
          : 'Your organisation has not been verified by the platform yet; this power is available once it is verified',
      },
      [],
      { verificationStatus: status },
    ),
  /** A grant that breaks the role rule: one detail per refused role, at its place in the request's `roles`. */
  rolesNotGrantable: (refused: Array<{ index: number; role: Role; reason: RoleIneligibility }>) => {
    const texts = refused.map((r) => ineligibilityText(r.role, r.reason));
    return new DomainError(
      'validation',
      IdentityErrorCode.RoleNotGrantable,
      { zh: texts.map((t) => t.zh).join('；'), en: texts.map((t) => t.en).join('; ') },
      refused.map((r, i) => ({ field: `roles[${r.index}]`, message: texts[i].en, zh: texts[i].zh, code: r.reason })),
      { refusedRoles: refused.map((r) => ({ role: r.role, reason: r.reason })) },
    );
  },
  lastOrgAdmin: () =>
    new DomainError('conflict', IdentityErrorCode.LastOrgAdmin, { zh: '机构至少需要保留一名机构管理员', en: 'The organisation must keep at least one org-admin' }, [
      { field: 'roles', message: 'The organisation must keep at least one org-admin', zh: '机构至少需要保留一名机构管理员', code: IdentityErrorCode.LastOrgAdmin },
    ]),
  userNotFound: () => DomainError.notFound({ code: IdentityErrorCode.UserNotFound, zh: '用户不存在', en: 'User not found' }),
  accountLocked: (retryAfterSeconds: number) =>
    new DomainError(
      'too-many',
      IdentityErrorCode.AccountLocked,
      { zh: `登录失败次数过多，账号已锁定，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, en: `Too many failed sign-ins: the account is locked; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes` },
      [{ field: 'email', message: 'account locked after repeated failed sign-ins', zh: '登录失败次数过多，账号已锁定', code: IdentityErrorCode.AccountLocked }],
      { retryAfterSeconds },
    ),
  passwordExpired: () =>
    new DomainError('forbidden', IdentityErrorCode.PasswordExpired, { zh: '密码已过期，请修改密码后登录（POST /auth/change-password）', en: 'The password has expired; change it to sign in (POST /auth/change-password)' }, [
      { field: 'password', message: 'expired', zh: '密码已过期，请修改密码', code: IdentityErrorCode.PasswordExpired },
    ]),
  weakPassword: (details: ErrorDetail[]) =>
    // Worded as the validation pipe's failures: to the caller a password below the policy is one more invalid field.
    new DomainError('validation', IdentityErrorCode.WeakPassword, { zh: '请求参数有误，请检查标出的字段', en: 'Validation failed: see details for each field' }, details),
  passwordReused: (field: string, history: number) =>
    new DomainError('validation', IdentityErrorCode.PasswordReused, { zh: `新密码不能与最近 ${history} 次使用过的密码相同`, en: `The new password must differ from the last ${history} passwords` }, [
      { field, message: `must differ from the last ${history} passwords`, zh: `不能与最近 ${history} 次使用过的密码相同`, code: IdentityErrorCode.PasswordReused },
    ]),
};

// A concurrent sign-up or invitation with the same e-mail or code loses the race at the unique index; the filter answers with these.
describeConstraintErrors({ ux_app_user_email: IdentityErrors.emailTaken, ux_organisation_credit_code: IdentityErrors.creditCodeTaken });
