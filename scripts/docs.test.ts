/**
 * The docs stand on their own: no file cites the team's brief, which lives outside the repository;
 * every relative link in the README and docs/, and every docs/ page a file cites, leads to a file
 * that exists (and to the anchor it names); and the README stays short.
 * Run with `npm run test:node`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The README is the first page a newcomer reads, not the manual. */
const readmeLimitBytes = 10_000;

/** The brief's documents, written so that this file does not cite them itself. */
const outsideDocument = /\b(?:SECURITY|TOOLCHAIN|DESIGN|STYLE)\.md\b/g;

/** Tracked files and new ones that git does not ignore: node_modules, dist and the like are out. */
function repositoryFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return [...new Set(listed.split('\0').filter(Boolean))]
    .filter((file) => !/^(?:node_modules|dist|dist-server|\.git)\//.test(file))
    .filter((file) => existsSync(join(root, file)) && statSync(join(root, file)).isFile());
}

/** A file's text, or undefined for binary files (images, fonts). */
function textOf(file: string): string | undefined {
  const bytes = readFileSync(join(root, file));
  return bytes.includes(0) ? undefined : bytes.toString('utf8');
}

/** Markdown without its fenced code blocks and inline code, where `[a](b)` is no link. */
function withoutCode(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/`[^`\n]*`/g, '');
}

/** The anchors a Markdown file offers: explicit ids, and its headings as GitHub writes them. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, id] of markdown.matchAll(/\bid="([^"]+)"/g)) anchors.add(id!);
  const seen = new Map<string, number>();
  const prose = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = heading!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** What is wrong with a link to `target` (a path relative to the repository, maybe with #anchor). */
function problemOf(target: string): string | undefined {
  const [path, anchor] = target.split('#') as [string, string | undefined];
  const absolute = join(root, decodeURIComponent(path));
  if (!existsSync(absolute)) return 'no such file';
  if (anchor === undefined || !path.endsWith('.md')) return undefined;
  return anchorsOf(readFileSync(absolute, 'utf8')).has(anchor) ? undefined : `no anchor #${anchor}`;
}

const files = repositoryFiles();
const markdownPages = files.filter((file) => file === 'README.md' || /^docs\/.+\.md$/.test(file));

describe('docs', () => {
  it('cites no document outside the repository', () => {
    const citations = files.flatMap((file) => {
      const text = textOf(file);
      if (text === undefined) return [];
      return text
        .split('\n')
        .flatMap((line, index) =>
          line.match(outsideDocument) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
        );
    });
    assert.deepEqual(citations, [], 'cite the page of docs/ that says the same instead');
  });

  it('has the pages of its manual', () => {
    assert.ok(markdownPages.includes('README.md'));
    assert.ok(markdownPages.includes('docs/security.md'));
  });

  it('links only to files (and anchors) that exist, in the README and docs/', () => {
    const broken = markdownPages.flatMap((page) => {
      const text = withoutCode(readFileSync(join(root, page), 'utf8'));
      const targets = [
        ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
          ([, target]) => target!,
        ),
        ...[...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map(([, target]) => target!),
      ];
      return targets.flatMap((target) => {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return [];
        const inRepository = target.startsWith('#')
          ? `${page}${target}`
          : relative(root, resolve(root, dirname(page), target)).replace(/\\/g, '/');
        const problem = problemOf(inRepository);
        return problem ? [`${page}: ${target}: ${problem}`] : [];
      });
    });
    assert.deepEqual(broken, []);
  });

  it('cites only docs/ pages and anchors that exist, from any file', () => {
    const broken = files.flatMap((file) => {
      const text = textOf(file);
      if (text === undefined || file.endsWith('.md')) return [];
      return [...text.matchAll(/\bdocs\/[\w./-]*\w\.md(?:#[\w-]+)?/g)].flatMap(([target]) => {
        const problem = problemOf(target);
        return problem ? [`${file}: ${target}: ${problem}`] : [];
      });
    });
    assert.deepEqual(broken, []);
  });

  it(`keeps the README under ${readmeLimitBytes.toLocaleString('en')} bytes`, () => {
    const size = statSync(join(root, 'README.md')).size;
    assert.ok(size < readmeLimitBytes, `README.md is ${size} B; move the details into docs/`);
  });
});
