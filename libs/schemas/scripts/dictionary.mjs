// Renders the canonical data dictionary (docs/data-dictionary.md) from the .avsc files: every
// entity and field, its meaning, owner and PII class, and, for the canonical event, which source
// mappings supply each field and which require it. Fails when a field lacks a doc or a PII class.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const PII = new Set(['none', 'pseudonymous', 'personal', 'direct-identifier', 'sensitive']);

/** Field rows of a schema, depth first, with dotted paths; named types are expanded once. */
function rows(schema, problems, file) {
  const out = [];
  const seen = new Set();
  const walk = (type, path) => {
    if (Array.isArray(type)) return type.forEach((t) => walk(t, path));
    if (typeof type !== 'object' || type === null) return;
    if (type.type === 'array') return walk(type.items, `${path}[]`);
    if (type.type === 'map') return walk(type.values, `${path}{}`);
    if (type.type !== 'record') return;
    if (seen.has(type.name)) return;
    seen.add(type.name);
    for (const f of type.fields) {
      const p = path ? `${path}.${f.name}` : f.name;
      if (!f.doc) problems.push(`${file}: ${p} has no doc`);
      if (!PII.has(f.pii)) problems.push(`${file}: ${p} has no PII class (one of ${[...PII].join(', ')})`);
      out.push({ path: p, type: typeName(f.type), pii: f.pii, doc: f.doc ?? '', hasDefault: 'default' in f });
      walk(f.type, p);
    }
  };
  walk(schema, '');
  return out;
}

function typeName(t) {
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map(typeName).join(' | ');
  if (t.logicalType) return t.logicalType;
  if (t.type === 'array') return `array of ${typeName(t.items)}`;
  if (t.type === 'map') return `map of ${typeName(t.values)}`;
  if (t.type === 'enum') return `enum ${t.name} (${t.symbols.join(', ')})`;
  return t.name ?? t.type;
}

const RULE_KEYS = ['from', 'const', 'join'];
const PAYLOADS = ['purchase', 'purchaseReturn', 'engagement', 'serviceCase', 'npsResponse', 'loyaltyChange', 'registerUpdate'];
/** Mapping-only helpers that fill a canonical field under another name. */
const ALIASES = { unitNetAmount: 'netAmountMinor' };

/**
 * Canonical field path → the sources whose mapping supplies it and those that require it: a rule
 * marked required, or a field the schema cannot do without (mapping files are read as JSON here,
 * the same files the ingestor validates at boot).
 */
function touchpoints(mappingsDir, mandatory) {
  const byField = new Map();
  if (!existsSync(mappingsDir)) return byField;
  const note = (path, source, required) => {
    const entry = byField.get(path) ?? { supplies: new Set(), requires: new Set() };
    entry.supplies.add(source);
    if (required || mandatory.has(path)) entry.requires.add(source);
    byField.set(path, entry);
  };
  const isRule = (node) => typeof node !== 'object' || node === null || RULE_KEYS.some((k) => k in node);
  const walk = (node, path, source) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, `${path}[]`, source));
    if (isRule(node)) return note(path, source, typeof node === 'object' && node?.required === true);
    for (const [k, v] of Object.entries(node)) {
      if (k === 'each' || k === 'description') continue;
      walk(v, path ? `${path}.${ALIASES[k] ?? k}` : k, source);
    }
  };
  for (const file of readdirSync(mappingsDir).filter((f) => f.endsWith('.json')).sort()) {
    const mapping = JSON.parse(readFileSync(join(mappingsDir, file), 'utf8'));
    const visit = (part) => {
      if (part.record) for (const [k, v] of Object.entries(part.record)) walk(v, k, mapping.source);
      if (part.party) walk(part.party, 'party', mapping.source);
      for (const payload of PAYLOADS) if (part[payload]) walk(part[payload], payload, mapping.source);
    };
    note('market', mapping.source, false);
    visit(mapping);
    for (const kind of mapping.kinds ?? []) visit(kind);
  }
  return byField;
}

const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderDictionary(avroDir, mappingsDir) {
  const problems = [];
  const lines = [
    '# Canonical data dictionary',
    '',
    'Generated from `libs/schemas/avro/*.avsc` and `apps/ingestor/mappings/*.json` by `npx nx run schemas:codegen`; `npm test` fails when it is stale. Edit the schemas, not this page.',
    '',
    'For the canonical event, *supplied by* lists the sources whose mapping fills a field, and *required by* those that dead-letter a payload (of at least one of their message kinds) without it.',
    '',
    'PII classes: **none**; **pseudonymous** (an id that points at a person only through c360 or a source); **personal** (describes a person: name, date of birth, address); **direct-identifier** (reaches a person on its own: email, phone, member number); **sensitive** (deceased, free text, scores a person gave).',
    '',
  ];
  const canonicalSchema = JSON.parse(readFileSync(join(avroDir, 'canonical-event.avsc'), 'utf8'));
  // A field a touchpoint must supply: non-null itself and inside nothing optional, a payload record
  // (purchase, ...) counting as present in the kinds that set it.
  const canonicalRows = rows(canonicalSchema, [], 'canonical-event.avsc');
  const optional = new Set(canonicalRows.filter((r) => /^(null|array|map)/.test(r.type) && !PAYLOADS.includes(r.path)).map((r) => r.path));
  const mandatory = new Set(
    canonicalRows
      .filter((r) => !optional.has(r.path))
      .filter((r) => !r.path.split('.').some((_, i, parts) => optional.has(parts.slice(0, i + 1).join('.').replace(/\[\]$/, ''))))
      .map((r) => r.path),
  );
  const mappingTouchpoints = touchpoints(mappingsDir, mandatory);
  for (const file of readdirSync(avroDir).filter((f) => f.endsWith('.avsc')).sort()) {
    const schema = JSON.parse(readFileSync(join(avroDir, file), 'utf8'));
    if (!schema.owner) problems.push(`${file}: the record has no owner`);
    const canonical = schema.name === 'CanonicalEvent';
    lines.push(`## ${schema.name}`, '', `${esc(schema.doc ?? '')}`, '', `Owner: **${schema.owner ?? '?'}**. Schema: \`libs/schemas/avro/${file}\`.`, '');
    lines.push(canonical ? '| field | type | PII | supplied by | required by | meaning |' : '| field | type | PII | meaning |');
    lines.push(canonical ? '|---|---|---|---|---|---|' : '|---|---|---|---|');
    for (const r of rows(schema, problems, file)) {
      if (canonical) {
        const t = mappingTouchpoints.get(r.path);
        const list = (s) => (s && s.size ? [...s].sort().join(', ') : '');
        lines.push(`| \`${r.path}\` | ${esc(r.type)} | ${r.pii ?? ''} | ${list(t?.supplies)} | ${list(t?.requires)} | ${esc(r.doc)} |`);
      } else {
        lines.push(`| \`${r.path}\` | ${esc(r.type)} | ${r.pii ?? ''} | ${esc(r.doc)} |`);
      }
    }
    lines.push('');
  }
  if (problems.length) throw new Error(`data dictionary: ${problems.join('; ')}`);
  return lines.join('\n');
}
