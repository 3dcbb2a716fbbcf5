import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { API_TYPES_FILE, buildApiDocument, renderApiTypes } from '../../scripts/api-types';

/** The portal's API types are generated, committed, and kept in step with the api: a changed DTO or route fails here until regenerated. */
describe('portal API types (openapi-typescript)', () => {
  it('the committed file is what the current OpenAPI document generates', async () => {
    const document = await buildApiDocument();
    expect(Object.keys(document.paths).length).toBeGreaterThan(100);
    const expected = renderApiTypes(document);
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    if (committed !== expected) {
      throw new Error(`${path.relative(process.cwd(), API_TYPES_FILE)} is stale: run "npm run api:types" and commit the result.`);
    }
  });
});
