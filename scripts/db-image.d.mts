// Types of scripts/db-image.mjs, for the tests that import it.

/** Where `npm ci` leaves the embedded database's image, relative to the project's root. */
export const dbImage: string;
/** True when the image exists and was made from this PGlite and these migrations. */
export function dbImageFresh(): boolean;
/** Remove an image that no longer matches, so no start copies it. */
export function dropStaleDbImage(): void;
/** Make the image unless it is fresh; true when it made one. `dir` puts it elsewhere, unstamped. */
export function makeDbImage(opts?: { force?: boolean; dir?: string }): Promise<boolean>;
