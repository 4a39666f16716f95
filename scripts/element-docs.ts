/**
 * The reference part of docs/elements.md, written from the elements' manifest
 * (scripts/elements-manifest.ts): per element its description, attributes, properties, events,
 * slots and parts; then every event class with its name and what it carries. The manifest does
 * not see what an event carries when it is a constructor's parameter or a `CustomEvent`'s type
 * argument, so that is read from the event's source with TypeScript's parser.
 * `npm run docs:elements` writes it; a test fails while the page differs from what this makes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import {
  analyzeElements,
  type ElementsManifest,
  type ManifestDeclaration,
} from './elements-manifest.js';
import { withGeneratedBlock } from './generated-block.js';

export const elementsPage = 'docs/elements.md';

/** Table cells are one line, and a `|` in them would end the cell. */
const cell = (text: string | undefined) =>
  (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text: string | undefined) => (text ? `\`${cell(text)}\`` : '');

function table(head: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  return [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function elementSection(path: string, element: ManifestDeclaration): string {
  const attributes = element.attributes ?? [];
  const withAttribute = new Set(attributes.map((attribute) => attribute.fieldName));
  const properties = (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      member.privacy === undefined &&
      !withAttribute.has(member.name),
  );
  // The analyzer also lists the events it sees dispatched, nameless; the JSDoc names them.
  const events = (element.events ?? []).filter((event) => event.name);
  const parts: string[] = [
    `### \`<${element.tagName}>\``,
    `${cell(element.description)} (\`${path}\`)`,
    table(
      ['attribute', 'property', 'type', 'default', 'meaning'],
      attributes.map((attribute) => [
        code(attribute.name),
        code(attribute.fieldName),
        code(attribute.type?.text),
        code(attribute.default),
        cell(attribute.description),
      ]),
    ),
    table(
      ['property only', 'type', 'meaning'],
      properties.map((property) => [
        code(property.name),
        code(property.type?.text),
        cell(property.description),
      ]),
    ),
    table(
      ['event', 'when'],
      events.map((event) => [code(event.name), cell(event.description)]),
    ),
    table(
      ['slot', 'meaning'],
      (element.slots ?? []).map((slot) => [
        slot.name ? code(slot.name) : '(default)',
        cell(slot.description),
      ]),
    ),
    table(
      ['part', 'meaning'],
      (element.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]),
    ),
  ];
  return parts.filter(Boolean).join('\n\n');
}

/** What an event class carries: its `CustomEvent` detail type, or its constructor's fields. */
async function eventPayload(path: string, className: string): Promise<string> {
  const source = ts.createSourceFile(path, await readFile(path, 'utf8'), ts.ScriptTarget.Latest);
  const found = source.statements.find(
    (statement): statement is ts.ClassDeclaration =>
      ts.isClassDeclaration(statement) && statement.name?.text === className,
  );
  if (!found) return '';
  const base = found.heritageClauses?.[0]?.types[0];
  const detail = base?.typeArguments?.[0];
  if (detail) return `detail: ${detail.getText(source)}`;
  const constructor = found.members.find(ts.isConstructorDeclaration);
  const fields = (constructor?.parameters ?? []).filter((parameter) =>
    parameter.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword),
  );
  return fields
    .map(
      (field) =>
        `${field.name.getText(source)}${field.questionToken ? '?' : ''}: ${field.type?.getText(source) ?? 'unknown'}`,
    )
    .join(', ');
}

export async function elementReference(manifest: ElementsManifest): Promise<string> {
  const sections: string[] = [];
  const events: string[][] = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) {
        sections.push(elementSection(module.path, declaration));
      }
      const eventName = declaration.members?.find((member) => member.name === 'eventName');
      if (declaration.kind === 'class' && eventName?.static) {
        events.push([
          code(eventName.default?.replace(/'/g, '')),
          code(declaration.name),
          code(await eventPayload(module.path, declaration.name)),
          cell(declaration.description),
        ]);
      }
    }
  }
  return [
    ...sections,
    '### Events',
    'Each bubbles, and has an entry in `GlobalEventHandlersEventMap`, so that `addEventListener` knows its type.',
    table(['event', 'class', 'carries', 'meaning'], events),
  ].join('\n\n');
}

export async function pageWithReference(page: string, manifest: ElementsManifest) {
  return withGeneratedBlock(elementsPage, page, 'elements', await elementReference(manifest));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const manifest = JSON.parse(await analyzeElements()) as ElementsManifest;
  await writeFile(
    elementsPage,
    await pageWithReference(await readFile(elementsPage, 'utf8'), manifest),
  );
  console.log(`${elementsPage}: element reference written`);
}
