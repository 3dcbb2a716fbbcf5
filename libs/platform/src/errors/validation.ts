import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
  zh: string;
}

/** Thrown by the global validation pipe; the filter renders it with field-level details. */
export class ValidationFailed extends Error {
  constructor(readonly details: FieldProblem[]) {
    super('Validation failed');
  }
}

const ZH_BY_CONSTRAINT: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不允许的字段 ${f}`,
  isNotEmpty: (f) => `${f} 不能为空`,
  isDefined: (f) => `${f} 为必填项`,
  isString: (f) => `${f} 必须是文本`,
  isInt: (f) => `${f} 必须是整数`,
  isNumber: (f) => `${f} 必须是数字`,
  isBoolean: (f) => `${f} 必须是布尔值`,
  isEmail: (f) => `${f} 不是有效的电子邮箱`,
  isIn: (f) => `${f} 的取值不在允许范围内`,
  isEnum: (f) => `${f} 的取值不在允许范围内`,
  min: (f) => `${f} 小于允许的最小值`,
  max: (f) => `${f} 大于允许的最大值`,
  minLength: (f) => `${f} 太短`,
  maxLength: (f) => `${f} 太长`,
  arrayMaxSize: (f) => `${f} 条目过多`,
  arrayMinSize: (f) => `${f} 条目过少`,
  isDateString: (f) => `${f} 不是有效日期`,
  isISO8601: (f) => `${f} 不是有效日期`,
  isUUID: (f) => `${f} 不是有效的标识`,
  matches: (f) => `${f} 格式不正确`,
  isCreditCode: (f) => `${f} 不是有效的统一社会信用代码（校验位错误或格式不符）`,
  isStrongPassword: (f) => `${f} 强度不足：至少 10 位，且包含字母和数字`,
  isUrl: (f) => `${f} 不是有效网址`,
  arrayUnique: (f) => `${f} 含有重复项`,
  isArray: (f) => `${f} 必须是数组`,
  isObject: (f) => `${f} 必须是对象`,
  nestedValidation: (f) => `${f} 格式不正确`,
};

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    for (const [code, message] of Object.entries(e.constraints ?? {})) {
      const zh = ZH_BY_CONSTRAINT[code]?.(field) ?? `${field} 无效`;
      out.push({ field, code, message: code === 'whitelistValidation' ? `property ${field} is not allowed` : message, zh });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** whitelist + forbidNonWhitelisted + transform, with our error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}

/**
 * For PATCH DTOs: the field may be left out (kept as is), but not sent as null. Use instead of @IsOptional()
 * on fields that are required in the resource, so `{"title": null}` is a 400 rather than a NOT NULL error.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}
