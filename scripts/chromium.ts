/**
 * Chromium with the built extension loaded (the system's Chromium, found by
 * scripts/browsers.ts or named by CHROMIUM_PATH, driven by playwright-core: no browser
 * download). The Firefox counterpart is scripts/firefox.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { browserPath, requireBrowser } from './browsers';

export const EXTENSION = fileURLToPath(new URL('../.output/chrome-mv3/', import.meta.url));

/** The Chromium binary (CHROMIUM_PATH, else the system's; see scripts/browsers.ts). */
export const CHROMIUM = browserPath('chromium') ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  background: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(extraArgs: string[], options: { headless?: boolean } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(`${EXTENSION}manifest.json`)) throw new Error(`No build at ${EXTENSION}: run "npm run build" first.`);
  const executablePath = requireBrowser('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'creator-lens-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false, // the flag below picks Chromium's new headless mode, which runs extensions
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
    viewport: { width: 1280, height: 900 },
  });
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(background.url()).host;
  return {
    context,
    background,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
