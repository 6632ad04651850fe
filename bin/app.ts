#!/usr/bin/env node
import { App, Validations } from 'aws-cdk-lib';
import { BulwarkValidationPlugin } from '../lib/cdk';
import { addReferenceBaseline } from '../lib/aws/reference-baseline';

/**
 * The reference baseline: `npx cdk synth` builds it and the Bulwark plugin checks it, printing the
 * report and failing synthesis on any mandatory finding.
 */
const app = new App();
Validations.of(app).addPlugins(new BulwarkValidationPlugin());
addReferenceBaseline(app);
app.synth();
