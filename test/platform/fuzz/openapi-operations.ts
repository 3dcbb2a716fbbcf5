/** The fuzzer's view of the OpenAPI document: which operations exist and what they take. */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. `/api/v1/demands/{id}` */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body schema, when the operation documents one. */
  jsonBody?: Schema;
  /** Takes a multipart/form-data upload. */
  multipart: boolean;
  /** Under /auth: never sent the fuzzer's own token (sign-out would revoke it). */
  auth: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every write route (POST, PUT, PATCH, DELETE) and every list route (a GET taking query parameters), read from the
 * document, so a route added tomorrow is fuzzed without anyone touching the suite.
 */
export function fuzzTargets(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as Operation['method'];
      const params = op.parameters ?? [];
      const queryParams = params.filter((p) => p.in === 'query');
      if (!WRITE_METHODS.has(method) && !(method === 'GET' && queryParams.length)) continue;
      const content = op.requestBody?.content ?? {};
      out.push({
        method,
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams,
        jsonBody: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
        auth: path.includes('/auth/'),
      });
    }
  }
  return out;
}

/** Follows `#/components/schemas/X` references (one level at a time; callers recurse). */
export function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
  if (s.allOf?.length) return s.allOf.reduce<Schema>((acc, part) => {
    const r = resolve(doc, part);
    return { ...acc, ...r, properties: { ...acc.properties, ...r.properties }, required: [...(acc.required ?? []), ...(r.required ?? [])] };
  }, {});
  return s;
}

export type { OpenApiDocument };
