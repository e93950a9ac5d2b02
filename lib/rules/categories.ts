/** The rule engine's view of the shared category vocabulary (defined in lib/domain). */
export * from '../domain/categories';
