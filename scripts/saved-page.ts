/**
 * A saved page read the way the extension reads it: the HTML parsed into a Document
 * (linkedom, as in the unit tests) and handed to the site's reader through `readPage`.
 * `npm run read-page` and tests/unit/real-captures.test.ts both go through here, so the
 * figures the test reports are what the command prints.
 */
import { parseHTML } from 'linkedom';
import { readPage } from '../lib/sites/registry';
import type { Reading } from '../lib/sites/types';

/** The HTML of a saved page as a Document. */
export function savedDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Reads a saved page at the URL it was served from. Never throws (see `readPage`). */
export function readSavedPage(html: string, url: URL): Reading {
  return readPage(savedDocument(html), url);
}
