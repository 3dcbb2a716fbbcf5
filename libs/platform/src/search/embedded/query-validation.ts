import { InvalidSearchQueryError, SearchQuery } from '../search-index.port';
import { splitSort } from './doc-lists';
import { filterFields } from './filter-evaluator';

/** A field is allowed by a list of attributes when listed, under a listed object, or when everything is ('*'). */
function allowed(field: string, attributes: readonly string[]): boolean {
  return attributes.some((a) => a === '*' || a === field || field.startsWith(`${a}.`));
}

/**
 * Refuse what Meilisearch refuses, with the same field named (the api turns it into a 400): filters and facets on
 * attributes that are not filterable, sorts on attributes that are not sortable or without a direction.
 */
export function validateQuery(query: SearchQuery, filterable: readonly string[], sortable: readonly string[]): void {
  if (query.filter) {
    for (const field of filterFields(query.filter)) {
      if (!allowed(field, filterable)) throw new InvalidSearchQueryError(`attribute "${field}" is not filterable`, 'filter');
    }
  }
  for (const facet of query.facets ?? []) {
    if (!allowed(facet, filterable)) throw new InvalidSearchQueryError(`attribute "${facet}" is not filterable, so not facetable`, 'facets');
  }
  for (const rule of query.sort ?? []) {
    const [field, direction] = splitSort(rule);
    if (!allowed(field, sortable)) throw new InvalidSearchQueryError(`attribute "${field}" is not sortable`, 'sort');
    if (direction !== 'asc' && direction !== 'desc') throw new InvalidSearchQueryError(`sort "${rule}" must end in :asc or :desc`, 'sort');
  }
}
