/** The logger the database layer writes to (pino's `logger.info(obj, msg)` shape fits). */
export interface DbLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
