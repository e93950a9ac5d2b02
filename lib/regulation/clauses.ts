/** Kept for lib/rules/categories/*, which import the clauses from here; the text lives in lib/domain. */
export * from '../domain/clauses';
