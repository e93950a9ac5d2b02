/**
 * The shared vocabulary every part uses: categories, clauses of the regulation, log kinds and
 * actions, ladder steps, and how Vietnamese text is folded. No dependencies.
 */
export * from './categories';
export * from './clauses';
export * from './log-actions';
export * from './ladder';
export * from './text';
