import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

// The contrib extensions the migrations create, which the embedded database has to be given when
// it opens (a PostgreSQL server ships them). `unaccent`: search folds accents (migration 0012).
export const PGLITE_EXTENSIONS = { unaccent };
