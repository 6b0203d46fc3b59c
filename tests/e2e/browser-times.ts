/**
 * A vitest reporter for the browser tests: one line per browser with its files, tests and
 * time, so `npm test` shows both browsers' results side by side at the end.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class BrowserTimes implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const byBrowser = new Map<string, { files: number; passed: number; failed: number; skipped: number; ms: number }>();
    for (const m of modules) {
      const row = byBrowser.get(m.project.name) ?? { files: 0, passed: 0, failed: 0, skipped: 0, ms: 0 };
      row.files += 1;
      row.ms += m.diagnostic().duration;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') row.passed += 1;
        else if (state === 'failed') row.failed += 1;
        else row.skipped += 1;
      }
      byBrowser.set(m.project.name, row);
    }
    console.log('\nBrowser tests per browser:');
    for (const [name, r] of byBrowser) {
      console.log(`  ${name.padEnd(9)} ${r.files} files, ${r.passed} passed${r.failed ? `, ${r.failed} FAILED` : ''}${r.skipped ? `, ${r.skipped} skipped` : ''}, ${(r.ms / 1000).toFixed(1)} s`);
    }
  }
}
