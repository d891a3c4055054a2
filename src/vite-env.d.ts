// The build-time variables the app reads through import.meta.env (see vite.config.ts and
// scripts/build-scorm.ts). Vite replaces each with a string literal when it builds.
interface ImportMetaEnv {
  /** `on` or `off`: whether this build registers the offline service worker (vite.config.ts). */
  readonly VITE_SERVICE_WORKER: string;
  /** Comma-separated scenario ids the build is limited to (a package's build), or unset for all. */
  readonly VITE_SCENARIOS?: string;
  /** In an LMS package: the scenario the package launches straight into. */
  readonly VITE_PACKAGE_SCENARIO?: string;
  /** In an LMS package: the mastery score (whole percentage 0..100) when the LMS gives none. */
  readonly VITE_MASTERY?: string;
}
