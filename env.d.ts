interface ImportMetaEnv {
  /** Set to "sandbox" by scripts/build-sandbox.ts: the build then starts on the local sandbox. */
  readonly WXT_DEFAULT_ENVIRONMENT?: string;
}
