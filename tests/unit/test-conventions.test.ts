/**
 * Conventions of the tests themselves: assertions that can fail. In Vitest 4 a bare RegExp
 * inside `toMatchObject({ reason: /re/ })` (or toEqual, objectContaining, ...) matches any
 * value, so it must be `expect.stringMatching(/re/)`. `expect(true)` and friends check
 * nothing either. Both are found by parsing every test file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const TESTS = fileURLToPath(new URL('..', import.meta.url));
const OBJECT_MATCHERS = new Set(['toMatchObject', 'toEqual', 'toStrictEqual', 'objectContaining', 'toHaveProperty', 'toContainEqual', 'arrayContaining', 'toHaveBeenCalledWith', 'toHaveBeenLastCalledWith', 'toHaveBeenNthCalledWith', 'toHaveReturnedWith']);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'fixtures' || e.name === 'output' ? [] : testFiles(join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** `file:line  why: text` for each assertion that cannot fail. */
function cannotFail(file: string, text = readFileSync(file, 'utf8')): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (n: ts.Node, why: string) => found.push(`${relative(TESTS, file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${why}: ${n.getText().slice(0, 100)}`);
  const visit = (n: ts.Node, inMatcher: boolean) => {
    let inside = inMatcher;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const name = n.expression.name.text;
      if (OBJECT_MATCHERS.has(name)) inside = true;
      if (name === 'stringMatching') inside = false; // expect.stringMatching(/re/) is the fix
    }
    if (inside && ts.isRegularExpressionLiteral(n)) at(n, 'a RegExp inside an object matcher matches anything; use expect.stringMatching');
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'expect') {
      const arg = n.arguments[0];
      if (arg && (ts.isLiteralExpression(arg) || [ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(arg.kind))) at(n, 'expect() of a literal');
    }
    ts.forEachChild(n, (c) => visit(c, inside));
  };
  visit(src, false);
  return found;
}

describe('assertions that can fail', () => {
  const files = testFiles(TESTS);

  test('the scan sees the unit and browser tests', () => {
    expect(files.some((f) => f.endsWith('library-service.test.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('.e2e.test.ts'))).toBe(true);
  });

  test('no bare RegExp inside toMatchObject/toEqual/objectContaining…, no expect(<literal>)', () => {
    expect(files.flatMap((f) => cannotFail(f))).toEqual([]);
  });

  test('the scan finds what it looks for', () => {
    const text = `expect(x).toMatchObject({ ok: false, reason: /disk/ }); expect(x).toMatchObject({ reason: expect.stringMatching(/disk/) }); expect(true).toBe(true);`;
    const found = cannotFail(join(TESTS, 'probe.test.ts'), text);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^probe\.test\.ts:1 a RegExp inside an object matcher.*\/disk\//);
    expect(found[1]).toMatch(/^probe\.test\.ts:1 expect\(\) of a literal/);
  });
});
