import { applyDecorators, Type } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import type { Page } from '../pagination/page';

/**
 * A download (CSV, PDF, calendar file…): the OpenAPI document says which content types it answers, as binary, so a
 * client knows it is a file and not JSON.
 */
export function ApiFileResponse(description: string, ...contentTypes: string[]): MethodDecorator & ClassDecorator {
  const content = Object.fromEntries(contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]));
  return applyDecorators(ApiOkResponse({ description, content }));
}

const pageClasses = new Map<Type<unknown>, Type<Page<unknown>>>();

/**
 * The response class of one page of `item` (`items`, `total`, `page`, `pageSize`), named after it
 * (`OrganisationResponse` → `OrganisationPageResponse`), made once per item class so the document has one schema each.
 */
export function PageResponseOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pageClasses.get(item);
  if (known) return known as Type<Page<T>>;
  class PageResponse implements Page<T> {
    @ApiProperty({ type: () => [item] }) items!: T[];
    @ApiProperty() total!: number;
    @ApiProperty() page!: number;
    @ApiProperty() pageSize!: number;
  }
  Object.defineProperty(PageResponse, 'name', { value: `${item.name.replace(/Response$/, '')}PageResponse` });
  pageClasses.set(item, PageResponse);
  return PageResponse;
}
