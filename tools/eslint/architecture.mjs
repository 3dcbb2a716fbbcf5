// TechBridge's architecture rules for ESLint: the dependency order between contexts, and what a context's index.ts
// may export (its module, its facade and its response DTOs). Loaded by eslint.config.mjs; `npm run lint` runs them.
import path from 'node:path';

/**
 * The contexts from the bottom up: a context may import only contexts before it. A new context takes its place in
 * this list; an import against the order is a cycle waiting to happen (or a context reaching up into one that uses it).
 */
export const CONTEXT_ORDER = ['platform', 'testing', 'notification', 'identity', 'catalog', 'demand', 'watchlist', 'matching', 'roadshow', 'contracts', 'monitoring', 'content', 'brokers', 'programmes', 'market', 'vouchers', 'instruments', 'finance', 'directory'];

/** Contexts that may be imported by no other context (test support). */
const NOT_FOR_CONTEXTS = new Set(['testing']);

/** Exports an index.ts may make beyond the module, the facade services and response DTOs, each with its reason. */
export const INDEX_EXPORT_EXCEPTIONS = {
  // The search read models matching ranks from: the index name and the document shape.
  catalog: ['ACHIEVEMENTS_INDEX', 'ImportService'],
  demand: ['DEMANDS_INDEX'],
  // Registered by the worker app as repeatable jobs.
  contracts: ['RewardSchedules'],
  // The port identity implements so notification e-mail reaches users without reading identity's tables.
  notification: ['NotificationRecipients'],
  // The port the brokers context implements so the role rule asks for certificate standing without importing it.
  identity: ['BrokerCertificationSource'],
  // Contexts above monitoring register their indicator sources with it (monitoring cannot import them), counting
  // per park by the same rule as monitoring's own sources.
  monitoring: ['IndicatorSourceRegistry', 'tally'],
};

function contextOfFile(filename) {
  const m = /[\\/]libs[\\/]([a-z-]+)[\\/]src[\\/]/.exec(filename);
  return m ? m[1] : null;
}

function contextOfImport(source, filename) {
  const alias = /^@techbridge\/([a-z-]+)/.exec(source);
  if (alias) return alias[1];
  if (source.startsWith('.')) return contextOfFile(path.resolve(path.dirname(filename), source) + path.sep);
  return null;
}

const contextOrder = {
  meta: { type: 'problem', docs: { description: 'A context imports only contexts below it in CONTEXT_ORDER' }, schema: [] },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const own = contextOfFile(filename);
    if (!own) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const target = contextOfImport(source, filename);
      if (!target || target === own) return;
      const from = CONTEXT_ORDER.indexOf(own);
      const to = CONTEXT_ORDER.indexOf(target);
      if (to < 0 || from < 0) {
        context.report({ node, message: `Context '${from < 0 ? own : target}' is not in CONTEXT_ORDER (tools/eslint/architecture.mjs): give it its place.` });
      } else if (NOT_FOR_CONTEXTS.has(target)) {
        context.report({ node, message: `'${target}' supports tests only; no context imports it.` });
      } else if (to > from) {
        context.report({ node, message: `'${own}' may not import '${target}': it comes later in the context order (${CONTEXT_ORDER.join(' < ')}).` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const RESPONSE_NAME = /(Response|Record|View)$/;

const indexExports = {
  meta: { type: 'problem', docs: { description: "A context's index.ts exports its module, its facade services and response DTOs only" }, schema: [] },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const own = contextOfFile(filename);
    if (!own || own === 'platform' || own === 'testing' || path.basename(filename) !== 'index.ts' || !/[\\/]src[\\/]index\.ts$/.test(filename)) return {};
    const allowed = new Set(INDEX_EXPORT_EXCEPTIONS[own] ?? []);
    const okName = (name, from) =>
      allowed.has(name) ||
      (/\.module$/.test(from) && /Module$/.test(name)) ||
      (/\.service$/.test(from) && /Service$/.test(name)) ||
      (/\.dto$/.test(from) && RESPONSE_NAME.test(name));
    return {
      ExportAllDeclaration(node) {
        if (!/\.module$/.test(node.source.value)) context.report({ node, message: `Name what index.ts exports from '${node.source.value}' (export * only from the module).` });
      },
      ExportNamedDeclaration(node) {
        if (!node.source) {
          context.report({ node, message: 'index.ts only re-exports: declare things in their own file.' });
          return;
        }
        // Types a facade's signature or a response DTO uses are part of them.
        if (node.exportKind === 'type') return;
        for (const s of node.specifiers) {
          if (s.exportKind === 'type') continue;
          const name = s.exported.name ?? s.exported.value;
          if (!okName(name, node.source.value)) {
            context.report({ node: s, message: `index.ts of '${own}' exports only its module, facade services and response DTOs (*Response, *Record, *View); '${name}' from '${node.source.value}' is none of them.` });
          }
        }
      },
    };
  },
};

export default { rules: { 'context-order': contextOrder, 'index-exports': indexExports } };
