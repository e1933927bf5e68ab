import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const rendererDir = join(repoRoot, 'renderer');

/** Attributes a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const LETTER = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

/** Text of a literal or template (its fixed parts), if `node` is one. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/**
 * Heuristic: user-visible text written in JSX instead of coming from `t()` — JSX text with
 * letters, `{'literal'}` children, and literal values of visible attributes (aria-label, title…).
 */
export function findJsxLiterals(source: string, fileName = 'file.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${fileName}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== null && LETTER.test(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      const text = ts.isJsxExpression(init) ? (init.expression ? literalText(init.expression) : null) : literalText(init);
      if (text !== null && LETTER.test(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('renderer JSX has no untranslated text', () => {
  it('catches the cases it is meant to catch (self-check)', () => {
    const bad = `
      export const A = () => (
        <div title="Fila" aria-label={'Fechar'}>
          Olá {'mundo'} {\`v\${1}\`}
          <input placeholder="Buscar" />
        </div>
      );`;
    expect(findJsxLiterals(bad).map((f) => f.replace(/^file\.tsx:\d+: /, ''))).toEqual(['"Fila"', '"Fechar"', '"Olá"', '"mundo"', '"v"', '"Buscar"']);
    const good = `export const B = ({ t, n }) => <p title={t('x')} className="a b">{t('y')} #{n} · {n}%</p>;`;
    expect(findJsxLiterals(good)).toEqual([]);
  });

  it('finds no literal text in any renderer/**/*.tsx', () => {
    const files = tsxFiles(rendererDir);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((path) => findJsxLiterals(readFileSync(path, 'utf8'), relative(repoRoot, path)));
    expect(found).toEqual([]);
  });
});
