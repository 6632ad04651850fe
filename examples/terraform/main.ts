import * as path from 'node:path';
import { buildExampleApp } from './app';

/** `npm run example:terraform` first step: synthesize the example into examples/terraform/cdktf.out. */
const outdir = path.join(__dirname, 'cdktf.out');
buildExampleApp(outdir).synth();
console.log(`synthesized ${path.relative(process.cwd(), outdir)}`);
