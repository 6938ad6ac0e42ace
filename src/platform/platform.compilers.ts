// Route schemas are compiled on first use rather than all at start: Fastify would otherwise build
// every validator (Ajv) and serializer (fast-json-stringify) of every route before it listens,
// about a second of a restart. The compilers are Fastify's own defaults with the same options;
// only the moment changes. The cost is paid once per route, by its first request.
import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';

type Validate = ((data: unknown, context?: unknown) => unknown) & { errors?: unknown };
type ValidatorFactory = ReturnType<typeof AjvCompiler>;
type SerializerFactory = ReturnType<typeof SerializerSelector>;

/** A validator that compiles itself on its first call and then is the compiled one. */
export function lazyValidator(compile: () => Validate): Validate {
  let real: Validate | undefined;
  const validate = ((data: unknown, context?: unknown) => {
    real ??= compile();
    return real(data, context);
  }) as Validate & { schemaEnv?: unknown };
  // Fastify passes the parent (for root coercion) to validators that have a schemaEnv, as
  // every Ajv validator has; the errors are the compiled validator's own.
  validate.schemaEnv = true;
  Object.defineProperty(validate, 'errors', { get: () => real?.errors });
  return validate;
}

export function lazySchemaCompilers() {
  const validators = AjvCompiler();
  const serializers = SerializerSelector();
  const buildValidator: ValidatorFactory = (externalSchemas, options) => {
    const compile = validators(externalSchemas, options);
    return ((route) =>
      lazyValidator(() => compile(route) as Validate)) as ReturnType<ValidatorFactory>;
  };
  const buildSerializer: SerializerFactory = (externalSchemas, options) => {
    const compile = serializers(externalSchemas, options);
    return (route) => {
      let real: ((doc: unknown) => string) | undefined;
      return (doc: unknown) => (real ??= compile(route))(doc);
    };
  };
  return { schemaController: { compilersFactory: { buildValidator, buildSerializer } } };
}
