/** @type {import('jest').Config} */
const ts = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ts },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/test/integration/', '/test/package/', '/test/browser/'],
    },
    {
      ...base,
      displayName: 'browser',
      // The HTML report in headless Chromium (Debian's `chromium` at /usr/bin/chromium, driven by
      // playwright-core). Skipped with a message when Chromium is missing, unless `CI` is set: then it fails.
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      // A real AWS API emulator (moto), installed into .venv on first use and started once per run.
      globalSetup: '<rootDir>/test/integration/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/setup/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'package',
      // Packs the package, installs the tarball into a scratch project and loads its entry points.
      testMatch: ['<rootDir>/test/package/**/*.test.ts'],
    },
  ],
};
