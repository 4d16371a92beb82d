import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import fastJsonStringify from 'fast-json-stringify';

function makeAjv(coerceTypes: false | 'array') {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: true,
    allErrors: false,
    // TypeBox adds its own annotation keywords; they are not validation rules.
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Route schemas compile on first use, and the rest in the background once the server is up
 * (`warmUp`): compiling a few hundred validators and serializers up front was 40 % of the
 * terminal's start. A schema mistake still shows within a second of start, in `warmUp`.
 */
export function createSchemaCompilers() {
  const pending: (() => void)[] = [];

  function lazy<F extends (...args: never[]) => unknown>(compile: () => F) {
    let compiled: F | undefined;
    const get = () => (compiled ??= compile());
    pending.push(get);
    return get;
  }

  const strict = makeAjv(false);
  const coercing = makeAjv('array');
  /**
   * Query strings and path parameters arrive as text, so they are coerced ("2" → 2, a lone
   * value → an array). JSON bodies already carry types: a number where a string belongs is
   * the client's mistake and is refused, never silently converted.
   */
  const validator: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
    const get = lazy((): ValidateFunction =>
      (httpPart === 'body' ? strict : coercing).compile(schema as object),
    );
    const validate = (data: unknown) => {
      const fn = get();
      const ok = fn(data);
      validate.errors = fn.errors;
      return ok;
    };
    validate.errors = null as ValidateFunction['errors'];
    return validate;
  };

  const serializer = ({ schema }: { schema: unknown }) => {
    const get = lazy(() => fastJsonStringify(schema as object));
    return (data: unknown) => get()(data);
  };

  return {
    validator,
    serializer,
    /** Compiles what is left, a few at a time, yielding to requests in between. */
    warmUp(): Promise<void> {
      return new Promise((resolve, reject) => {
        const step = () => {
          try {
            for (const compile of pending.splice(0, 8)) compile();
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
            return;
          }
          if (pending.length > 0) setImmediate(step);
          else resolve();
        };
        setImmediate(step);
      });
    },
  };
}
