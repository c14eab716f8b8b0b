interface ImportMetaEnv {
  /** Set to "sandbox" by scripts/build-sandbox.ts: the build then starts on the local sandbox. */
  readonly WXT_DEFAULT_ENVIRONMENT?: string;
  /** Set to "1" by scripts/e2e-firefox.ts only: see lib/background/test-build.ts. */
  readonly WXT_E2E?: string;
}
