/**
 * scripts/lint-firefox.ts lets through only the add-on linter's warnings it can explain: the
 * code must be the library code named, so an innerHTML or eval of our own still fails.
 */
import { expect, test } from 'vitest';
import { explanationOf } from '../../scripts/lint-firefox';

const innerHtml = { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML' };
const evil = { code: 'DANGEROUS_EVAL', message: 'The Function constructor is eval.' };

test.each([
  // Preact (content scripts) and React DOM (extension pages), as minified in the build.
  [innerHtml, 'f?(s||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[])', 'UNSAFE_VAR_ASSIGNMENT'],
  [innerHtml, 'if(n=r.__html,n!=null){if(a.children!=null)throw Error(i(60));o?.__html!==n&&(e.innerHTML=n)}', 'UNSAFE_VAR_ASSIGNMENT'],
  // zod 4's probe for eval.
  [evil, 'var oe=h(()=>{if(M.jitless||typeof navigator<`u`&&navigator?.userAgent?.includes(`Cloudflare`))return!1;try{return Function(``),!0}catch{return!1}});', 'DANGEROUS_EVAL'],
])('%s in library code is explained', (finding, code, expected) => {
  expect(explanationOf(finding, code)?.code).toBe(expected);
});

test.each([
  [innerHtml, 'panel.innerHTML = reading.displayName'],
  [evil, 'const f = new Function(text); f()'],
  [evil, 'if(M.jitless)return!1;try{return Function(userCode)()}catch{}'],
  [{ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'x' }, 'jitless;try{return Function(``),!0}catch{return!1}'],
])('%s in our own code is not', (finding, code) => {
  expect(explanationOf(finding, code)).toBeUndefined();
});
