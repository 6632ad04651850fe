import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's `chromium` package (`apt-get install -y --no-install-recommends chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags: headless, no sandbox (containers), and nothing that reaches the network on its own. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests run: always in CI (`CI` set), where a missing Chromium makes them fail;
 * locally only when Chromium is installed, else they are skipped with a message saying how to install it.
 */
export function browserTestsEnabled(): boolean {
  if (process.env.CI || fs.existsSync(CHROMIUM)) return true;
  process.stderr.write(
    `Skipping the browser tests: ${CHROMIUM} is missing. Install it with ` +
      '`sudo apt-get install -y --no-install-recommends chromium` (CI fails instead of skipping).\n',
  );
  return false;
}

/** A browser with a fresh profile in a temporary directory; `close` removes both. */
export async function launchChromium(options: { javaScriptEnabled: boolean }): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled: options.javaScriptEnabled,
    offline: true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
