#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { BulwarkValidationPlugin } from '../lib/cdk';
import { addReferenceBaseline } from '../lib/aws/reference-baseline';

/**
 * The reference baseline: `npx cdk synth` builds it and the Bulwark plugin checks it, printing the
 * report, writing it as JSON, SARIF and HTML into `cdk.out`, and failing synthesis on any mandatory
 * finding.
 */
const app = new App();
Validations.of(app).addPlugins(new BulwarkValidationPlugin({ reportFormats: ['json', 'sarif', 'html'] }));
addReferenceBaseline(app);
app.synth();
