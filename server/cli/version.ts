/** The tool's version, stamped by the build (falls back to the package version when run from source). */
declare const __EHCP_VERSION__: string | undefined;
export const VERSION: string = typeof __EHCP_VERSION__ === 'string' ? __EHCP_VERSION__ : '0.1.0';
