import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A saved page as a Document, the way the reader sees it in the browser. */
export function loadFixture(path: string): Document {
  return parseHTML(readFileSync(`${FIXTURES}${path}`, 'utf8')).document as unknown as Document;
}

export function loadHtml(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
