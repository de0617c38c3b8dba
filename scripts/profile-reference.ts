// The README's profile reference, generated from the JSDoc of profile/types.ts (and the
// interfaces it uses), so that the documentation is written once, where a field is declared.
// `npm run docs` (scripts/write-profile-reference.ts) rewrites the table in README.md; a test
// fails when it is out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ANSIBLE_FIELDS } from '../profile/ansible';

const ROOT = path.resolve(__dirname, '..');
const TYPES = path.join(ROOT, 'profile', 'types.ts');
export const README = path.join(ROOT, 'README.md');
const START = '<!-- profile-reference:start -->';
const END = '<!-- profile-reference:end -->';

interface Row {
  readonly path: string;
  readonly type: string;
  readonly defaultValue: string;
  readonly ansible: string;
  readonly description: string;
}

/** Splits `Text. @default x [ansible_var]` into its parts. */
function parseDoc(doc: string): Omit<Row, 'path' | 'type'> {
  const ansibleMatch = /\[([a-z0-9_, .]+)\]\s*$/i.exec(doc);
  const ansible = ansibleMatch?.[1] ?? '';
  const body = ansibleMatch ? doc.slice(0, ansibleMatch.index).trim() : doc.trim();
  const [description, defaultValue = ''] = body.split(/@default\s*/);
  return { description: description.trim(), defaultValue: defaultValue.trim(), ansible };
}

/** The Ansible variables that set a profile field (profile/ansible.ts is the one mapping). */
function ansibleOf(field: string): string {
  return Object.entries(ANSIBLE_FIELDS)
    .filter(([, f]) => f === field)
    .map(([v]) => v)
    .join(', ');
}

function docOf(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .map((d) => d.getText())
    .join(' ')
    .replace(/^\/\*\*|\*\/$/g, '')
    .replace(/\n\s*\*\s?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The interfaces declared in profile/*.ts, by name. Read syntactically (no type checker: a
 * program with the standard library takes a second to build), which is all the table needs:
 * a field whose type names one of them is expanded.
 */
function profileInterfaces(): Map<string, ts.InterfaceDeclaration> {
  const dir = path.dirname(TYPES);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const file = ts.createSourceFile(name, fs.readFileSync(path.join(dir, name), 'utf8'), ts.ScriptTarget.Latest, true);
    for (const s of file.statements) if (ts.isInterfaceDeclaration(s)) interfaces.set(s.name.text, s);
  }
  return interfaces;
}

let cached: Row[] | undefined;

/** Rows of every documented field under `Profile`, depth first, in declaration order. */
export function profileRows(): Row[] {
  if (cached) return cached;
  const interfaces = profileInterfaces();
  const profile = interfaces.get('Profile');
  if (!profile) throw new Error('profile/types.ts has no interface Profile');
  const rows: Row[] = [];

  const hasDocs = (members: ts.NodeArray<ts.TypeElement>) => members.some((m) => docOf(m) !== '');
  const visit = (members: ts.NodeArray<ts.TypeElement>, prefix: string) => {
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const name = `${prefix}${m.name.getText()}`;
      const doc = parseDoc(docOf(m));
      // Only the profile's own interfaces are expanded (not Array, Record, ...).
      const iface = ts.isTypeReferenceNode(m.type) && ts.isIdentifier(m.type.typeName) ? interfaces.get(m.type.typeName.text) : undefined;
      if (iface?.name.text === 'Persistence') {
        // One row per field of the toggle, with this service's defaults.
        rows.push({
          path: `${name}.enabled`,
          type: '`boolean`',
          defaultValue: /enabled: (\w+)/.exec(doc.defaultValue)?.[1] ?? '',
          ansible: ansibleOf(`${name}.enabled`),
          description: `Claim a volume and emit its local PersistentVolume. ${doc.description}`.trim(),
        });
        rows.push({
          path: `${name}.size`,
          type: 'quantity',
          defaultValue: /size: '([^']+)'/.exec(doc.defaultValue)?.[1] ?? '',
          ansible: ansibleOf(`${name}.size`),
          description: 'Size of the claim and of its volume.',
        });
        continue;
      }
      const nested = ts.isTypeLiteralNode(m.type) ? m.type.members : iface?.members;
      if (nested && hasDocs(nested)) {
        if (doc.description) rows.push({ path: name, type: 'group', defaultValue: '', ansible: '', description: doc.description });
        visit(nested, `${name}.`);
        continue;
      }
      const type = m.type
        .getText()
        .replace(/\s+/g, ' ')
        .replace(/readonly /g, '');
      rows.push({
        path: name,
        type: type.length > 40 ? 'see profile/types.ts' : `\`${type}\``,
        defaultValue: doc.defaultValue,
        ansible: ansibleOf(name) || doc.ansible,
        description: doc.description,
      });
    }
  };
  visit(profile.members, '');
  cached = rows;
  return rows;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderProfileReference(): string {
  const lines = ['| field | type | default | Ansible variable | description |', '|---|---|---|---|---|'];
  for (const r of profileRows()) {
    lines.push(
      `| \`${r.path}\` | ${cell(r.type)} | ${cell(r.defaultValue && `\`${r.defaultValue}\``)} | ${cell(r.ansible && `\`${r.ansible}\``)} | ${cell(r.description)} |`,
    );
  }
  return lines.join('\n');
}

/** README.md with its reference table replaced by a fresh one. */
export function readmeWithReference(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${renderProfileReference()}\n${readme.slice(end)}`;
}
