interface ImportMetaEnv {
  /** "sandbox" in the sandbox and e2e modes (.env.sandbox, .env.e2e): the build starts on the local sandbox. */
  readonly WXT_DEFAULT_ENVIRONMENT?: string;
}
