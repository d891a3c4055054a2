// `node --import ./module-log-hook.mjs …`: appends every module URL the process loads to the file in
// $MODULE_LOG, so a test can tell what a process imported (for instance, that nothing of Redis did).
import { register } from 'node:module';
import process from 'node:process';

if (process.env.MODULE_LOG)
  register(
    'data:text/javascript,' +
      encodeURIComponent(`
        import { appendFileSync } from 'node:fs';
        export async function resolve(specifier, context, next) {
          const result = await next(specifier, context);
          appendFileSync(${JSON.stringify(process.env.MODULE_LOG)}, result.url + '\\n');
          return result;
        }
      `),
  );
